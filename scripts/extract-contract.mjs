#!/usr/bin/env node
// Extracts, from a vendor's published OpenAPI file, the schemas of every operation Cloud Keys calls
// (request body, query and header parameters, each documented response with its headers), with
// every component they use, descriptions and examples dropped, as plain JSON Schema (draft-07) that
// ajv validates: OpenAPI 3.0 `nullable` becomes a type union, OpenAPI-only keywords are dropped.
//
//   node scripts/extract-contract.mjs <spec file> [--commit <sha>] [--out <file>]
//
// The cloud is recognised from the file's `info.title`; the output (test/contracts/<cloud>.json)
// names the source repository, commit, API version, licence and the file's SHA-256. A spec whose
// version differs from the one recorded below needs `--commit` to say where it came from.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What we call, per cloud, and where the spec we were tested against came from. */
const CLOUDS = {
  outscale: {
    title: /outscale/i,
    source: {
      repository: 'https://github.com/outscale/osc-api',
      path: 'outscale.yaml',
      commit: '56e948e208ae511b1330728656e6e31aa2f43e59',
      version: '1.40.1',
      licence: 'BSD-3-Clause',
      licenceFile: 'LICENSE-outscale-osc-api',
    },
    // The OUTSCALE spec documents errors once, not per operation: every call may answer
    // `ErrorResponse` with 400, 401, 409 or 500 (the spec's error model; docs.outscale.com/api-errors).
    errorResponse: 'ErrorResponse',
    operations: ['ReadAccessKeys', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'ReadUsers'],
  },
  ionos: {
    title: /cloud api/i,
    source: {
      repository: 'https://github.com/ionos-cloud/sdk-go',
      path: 'api/openapi.yaml',
      commit: '303557d65b5ae1e53f312cfd608ccbb892e79449',
      version: '6.0',
      sdkVersion: 'v6.1.4',
      licence: 'Apache-2.0',
      licenceFile: 'LICENSE-ionos-cloudapi-v6',
    },
    operations: [
      'umUsersGet',
      'umUsersFindById',
      'umUsersS3keysGet',
      'umUsersS3keysPost',
      'umUsersS3keysFindByKeyId',
      'umUsersS3keysPut',
      'umUsersS3keysDelete',
      'requestsStatusGet',
    ],
  },
};

/** JSON Schema keywords kept; OpenAPI-only ones (readOnly is kept as an annotation) are dropped. */
const KEPT = new Set([
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  '$ref',
  'readOnly',
  'default',
  'multipleOf',
  '$comment',
]);

function fail(message) {
  console.error(`extract-contract: ${message}`);
  process.exit(1);
}

function args(argv) {
  const out = { spec: undefined, commit: undefined, out: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--commit') out.commit = argv[++i];
    else if (argv[i] === '--out') out.out = argv[++i];
    else if (!out.spec) out.spec = argv[i];
    else fail(`unexpected argument ${argv[i]}`);
  }
  if (!out.spec) fail('usage: node scripts/extract-contract.mjs <spec file> [--commit <sha>] [--out <file>]');
  return out;
}

/**
 * One schema node as JSON Schema: OpenAPI refs point into the extract's `components`, `nullable`
 * becomes a union with null, and a `type` beside an `allOf` that already fixes the type is dropped
 * (IONOS writes `type: {allOf: [$ref Type], type: object}` for a string enum; its own SDKs read a
 * string there, and JSON Schema would otherwise accept nothing).
 */
function convert(node, refs) {
  if (Array.isArray(node)) return node.map((n) => convert(n, refs));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT.has(key)) continue;
    if (key === '$ref') {
      const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
      if (!name) fail(`unsupported $ref ${value}`);
      refs.add(name);
      out.$ref = `#/components/${name}`;
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, refs)]));
    } else {
      out[key] = convert(value, refs);
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.$ref || out.allOf || out.oneOf || out.anyOf) {
      const { default: dflt, readOnly, ...rest } = out;
      return { ...(dflt === undefined ? {} : { default: dflt }), ...(readOnly ? { readOnly } : {}), anyOf: [rest, { type: 'null' }] };
    }
  }
  if (out.allOf && out.type === 'object' && !out.properties) delete out.type;
  return out;
}

/**
 * IONOS writes the Location header's `pattern` as a placeholder (`https://[apiBaseUri]/requests/[requestId]/status`),
 * not a regular expression: kept as a description of the shape, checked as a URI.
 */
function headerSchema(schema, refs) {
  const converted = convert(schema, refs);
  if (typeof converted.pattern === 'string' && converted.pattern.includes('[apiBaseUri]')) {
    const { pattern, ...rest } = converted;
    return { ...rest, format: 'uri', $comment: `spec placeholder: ${pattern}` };
  }
  return converted;
}

function parameterSchema(params, where, refs) {
  const chosen = (params ?? []).filter((p) => p.in === where);
  if (chosen.length === 0) return undefined;
  // Header names are case-insensitive: keyed in lower case, as Node hands them over.
  const name = (p) => (where === 'header' ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(chosen.map((p) => [name(p), convert(p.schema ?? {}, refs)])),
    required: chosen.filter((p) => p.required).map(name),
  };
}

function extract(spec, cloud) {
  const refs = new Set();
  const operations = {};
  const wanted = new Set(cloud.operations);
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!wanted.has(op?.operationId)) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const body = op.requestBody?.content?.['application/json'];
      const responses = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const content = response.content?.['application/json'];
        const headers = Object.fromEntries(
          Object.entries(response.headers ?? {})
            .filter(([name]) => !/^x-ratelimit-/i.test(name))
            .map(([name, h]) => [name.toLowerCase(), { required: h.required === true, schema: headerSchema(h.schema ?? {}, refs) }]),
        );
        responses[status] = {
          ...(content?.schema ? { schema: convert(content.schema, refs) } : { body: 'none' }),
          ...(Object.keys(headers).length ? { headers } : {}),
        };
      }
      if (cloud.errorResponse && !responses.default)
        responses.default = { schema: convert({ $ref: `#/components/schemas/${cloud.errorResponse}` }, refs) };
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path: route,
        ...(body?.schema ? { request: { required: op.requestBody.required === true, schema: convert(body.schema, refs) } } : {}),
        ...(parameterSchema(params, 'query', refs) ? { query: parameterSchema(params, 'query', refs) } : {}),
        ...(parameterSchema(params, 'header', refs) ? { headers: parameterSchema(params, 'header', refs) } : {}),
        responses,
      };
      wanted.delete(op.operationId);
    }
  }
  if (wanted.size) fail(`operations not in the spec: ${[...wanted].join(', ')}`);
  // Components, transitively.
  const components = {};
  const pending = [...refs];
  while (pending.length) {
    const name = pending.pop();
    if (components[name]) continue;
    const source = spec.components?.schemas?.[name];
    if (!source) fail(`component ${name} is missing`);
    const found = new Set();
    components[name] = convert(source, found);
    for (const n of found) if (!components[n]) pending.push(n);
  }
  const sorted = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((k) => [k, components[k]]),
  );
  return { operations, components: sorted };
}

const options = args(process.argv.slice(2));
const text = fs.readFileSync(options.spec, 'utf8');
const spec = YAML.parse(text);
const [id, cloud] = Object.entries(CLOUDS).find(([, c]) => c.title.test(spec?.info?.title ?? '')) ?? [];
if (!cloud) fail(`${options.spec}: info.title "${spec?.info?.title}" is neither OUTSCALE's nor IONOS's API`);
const version = String(spec.info.version);
if (version !== cloud.source.version && !options.commit) {
  fail(`${options.spec} is API ${version}, not ${cloud.source.version}: pass --commit <sha> naming the commit it comes from`);
}
const { operations, components } = extract(spec, cloud);
const contract = {
  $comment:
    `Generated by scripts/extract-contract.mjs from ${cloud.source.repository} (${cloud.source.path}); do not edit. ` +
    `Licensed ${cloud.source.licence}: see ${cloud.source.licenceFile} beside this file.`,
  source: {
    ...cloud.source,
    ...(options.commit ? { commit: options.commit } : {}),
    version,
    title: spec.info.title,
    sha256: createHash('sha256').update(text).digest('hex'),
  },
  operations,
  components,
};
const out = options.out ?? path.join(root, 'test', 'contracts', `${id}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(contract, null, 1)}\n`);
console.log(
  `${path.relative(process.cwd(), out)}: ${Object.keys(operations).length} operations, ${Object.keys(components).length} components (API ${version})`,
);
