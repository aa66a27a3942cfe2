/**
 * Validates requests and responses against a vendor's contract extract (test/contracts/<cloud>.json,
 * made by scripts/extract-contract.mjs) with ajv: the request body, query and headers against the
 * operation's request schemas; the status against the statuses the spec documents; the response
 * body and documented headers against that status's schema. A violation names the operation, the
 * field and what the spec wanted.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** `ionos-object-storage`: IONOS's Object Storage Management API (contract-owned access keys), beside the Cloud API. */
export type ContractCloud = 'outscale' | 'ionos' | 'ionos-object-storage';

const CLOUD_NAMES: Readonly<Record<ContractCloud, string>> = {
  outscale: 'OUTSCALE',
  ionos: 'IONOS',
  'ionos-object-storage': 'IONOS Object Storage',
};

interface ParamSchema {
  readonly type: 'object';
  readonly properties: Record<string, unknown>;
  readonly required: string[];
}

interface OperationSpec {
  readonly method: string;
  readonly path: string;
  readonly request?: { readonly required: boolean; readonly schema: unknown };
  readonly query?: ParamSchema;
  readonly headers?: ParamSchema;
  readonly responses: Record<
    string,
    { readonly schema?: unknown; readonly body?: 'none'; readonly headers?: Record<string, { required: boolean; schema: unknown }> }
  >;
}

export interface ContractFile {
  readonly source: { readonly repository: string; readonly commit: string; readonly version: string; readonly licence: string };
  readonly operations: Record<string, OperationSpec>;
  readonly components: Record<string, unknown>;
}

export interface MatchedOperation {
  readonly id: string;
  readonly spec: OperationSpec;
}

export interface WireMessage {
  readonly query?: URLSearchParams;
  readonly headers?: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined when there was no body. */
  readonly body?: unknown;
  /** True when the body was present but not JSON. */
  readonly unreadable?: boolean;
}

const CONTRACT_DIR = path.resolve(__dirname, '..', '..', '..', 'contracts');

export function loadContract(cloud: ContractCloud): ContractFile {
  return JSON.parse(fs.readFileSync(path.join(CONTRACT_DIR, `${cloud}.json`), 'utf8')) as ContractFile;
}

/**
 * The extract's refs (`#/components/X`) pointed at where ajv holds the components: the schema
 * registered as `<cloud>`, under `definitions` (a JSON Schema keyword, unlike `components`).
 */
function pointRefs(schema: unknown, prefix: string): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${prefix}`)) as object;
}

/** `/instancePath` + the property ajv names, as a dotted field: `Filters.AccessKeyIdz`. */
function field(error: ErrorObject, root: string): string {
  const parts = error.instancePath.split('/').filter(Boolean);
  const extra = error.params as { additionalProperty?: string; missingProperty?: string };
  if (extra.additionalProperty) parts.push(extra.additionalProperty);
  if (extra.missingProperty) parts.push(extra.missingProperty);
  return [root, ...parts].filter(Boolean).join('.') || root || '(body)';
}

/** ajv's errors as short sentences naming the field; never a value (a body may hold a secret). */
function explain(errors: ErrorObject[] | null | undefined, root: string): string[] {
  // anyOf/oneOf add a summary on top of each branch's own errors, which name the field.
  const list = errors ?? [];
  return list
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map((e) => {
      if (e.keyword === 'additionalProperties') return `${field(e, root)} is not a field the spec allows here`;
      if (e.keyword === 'required') return `${field(e, root)} is required by the spec`;
      return `${field(e, root)} ${e.message ?? 'is invalid'}`;
    })
    .filter((line, i, all) => all.indexOf(line) === i)
    .slice(0, 3);
}

/** Numeric formats of OpenAPI 3.0 that JSON Schema does not define. */
function addOpenApiFormats(ajv: Ajv): void {
  const int = (bits: number) => (n: number) => Number.isInteger(n) && n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1);
  ajv.addFormat('int32', { type: 'number', validate: int(32) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
}

export class ContractValidator {
  readonly source: ContractFile['source'];
  readonly #file: ContractFile;
  readonly #ajv: Ajv;
  readonly #params: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #routes: { id: string; method: string; regex: RegExp }[];

  /** @param basePath what precedes the spec's paths on the wire: `/api/v1`, `/cloudapi/v6`. */
  constructor(
    readonly cloud: ContractCloud,
    readonly basePath: string,
    file: ContractFile = loadContract(cloud),
  ) {
    this.#file = file;
    this.source = file.source;
    this.#ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // Query and header values arrive as text: coerced to the parameter's type before the check.
    this.#params = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes: true, useDefaults: false });
    for (const ajv of [this.#ajv, this.#params]) {
      addFormats(ajv);
      addOpenApiFormats(ajv);
      ajv.addSchema({ definitions: pointRefs(file.components, '#/definitions/') }, cloud);
    }
    this.#routes = Object.entries(file.operations).map(([id, op]) => ({
      id,
      method: op.method,
      regex: new RegExp(`^${basePath}${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    }));
  }

  operationIds(): string[] {
    return Object.keys(this.#file.operations);
  }

  /** The operation a request is, or undefined when the spec extract has none for it. */
  match(method: string, urlPath: string): MatchedOperation | undefined {
    const route = this.#routes.find((r) => r.method === method && r.regex.test(urlPath));
    return route ? { id: route.id, spec: this.#file.operations[route.id] } : undefined;
  }

  #validator(ajv: Ajv, key: string, schema: unknown): ValidateFunction {
    const cacheKey = `${ajv === this.#params ? 'p' : 'b'}:${key}`;
    let fn = this.#compiled.get(cacheKey);
    if (!fn) {
      fn = ajv.compile(pointRefs(schema, `${this.cloud}#/definitions/`));
      this.#compiled.set(cacheKey, fn);
    }
    return fn;
  }

  /** Problems with a request to `op`; empty when it is one the spec allows. */
  checkRequest(op: MatchedOperation, message: WireMessage): string[] {
    const problems: string[] = [];
    const { spec } = op;
    if (spec.query && message.query) {
      const values = Object.fromEntries([...message.query.keys()].map((k) => [k, message.query!.get(k)]));
      const fn = this.#validator(this.#params, `${op.id}:query`, spec.query);
      if (!fn(values)) problems.push(...explain(fn.errors, 'query'));
    }
    if (spec.headers && message.headers) {
      const names = Object.keys(spec.headers.properties);
      const values = Object.fromEntries(
        names.filter((n) => message.headers![n] !== undefined).map((n) => [n, String(message.headers![n])]),
      );
      const fn = this.#validator(this.#params, `${op.id}:headers`, spec.headers);
      if (!fn(values)) problems.push(...explain(fn.errors, 'header'));
    }
    if (message.unreadable) problems.push('the request body is not JSON');
    else if (spec.request) {
      if (message.body === undefined) {
        if (spec.request.required) problems.push('the spec requires a request body');
      } else {
        const fn = this.#validator(this.#ajv, `${op.id}:request`, spec.request.schema);
        if (!fn(message.body)) problems.push(...explain(fn.errors, ''));
      }
    } else if (message.body !== undefined) {
      problems.push('the spec documents no request body for this operation');
    }
    return problems.map((p) => `${this.#name(op)} request: ${p}`);
  }

  /** Problems with a response to `op`; empty when it is one the spec documents. */
  checkResponse(op: MatchedOperation, status: number, message: WireMessage): string[] {
    const { spec } = op;
    const documented = spec.responses[String(status)] ?? (status >= 400 ? spec.responses.default : undefined);
    const statuses = Object.keys(spec.responses).filter((s) => s !== 'default');
    if (!documented)
      return [
        `${this.#name(op)} response: status ${status} is not one the spec documents (${statuses.join(', ')}${spec.responses.default ? ', or an error' : ''})`,
      ];
    const problems: string[] = [];
    if (message.unreadable) problems.push('the body is not JSON');
    else if (documented.schema) {
      if (message.body === undefined) problems.push(`status ${status} needs a body`);
      else {
        const fn = this.#validator(this.#ajv, `${op.id}:${status in spec.responses ? status : 'default'}`, documented.schema);
        if (!fn(message.body)) problems.push(...explain(fn.errors, ''));
      }
    } else if (message.body !== undefined) {
      problems.push(`status ${status} has no body in the spec`);
    }
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = message.headers?.[name];
      if (value === undefined) {
        if (header.required) problems.push(`header ${name} is required by the spec`);
        continue;
      }
      const fn = this.#validator(this.#params, `${op.id}:${status}:header:${name}`, header.schema);
      if (!fn(String(value))) problems.push(...explain(fn.errors, `header ${name}`));
    }
    return problems.map((p) => `${this.#name(op)} response ${status}: ${p}`);
  }

  #name(op: MatchedOperation): string {
    return `${CLOUD_NAMES[this.cloud]} ${op.id}`;
  }
}
