/**
 * The emulators' contract recording layer: every request an emulator receives is checked against
 * the operation's request schema and every response it sends against the response schema (see
 * validator.ts). Counts and violations are kept per emulator; each violation is also printed at
 * once, so the test that caused it names the operation and the field.
 */
import type { EmulatorRequest, EmulatorResponse } from '../httpServer';
import { ContractValidator, type ContractCloud, type MatchedOperation, type WireMessage } from './validator';

export interface ContractReport {
  readonly cloud: ContractCloud;
  /** `OSC API 1.40.1 (outscale/osc-api 56e948e)`. */
  readonly spec: string;
  requests: number;
  responses: number;
  readonly violations: string[];
}

function parsed(body: Buffer | string | undefined): Pick<WireMessage, 'body' | 'unreadable'> {
  const text = body === undefined ? '' : body.toString();
  if (text.trim() === '') return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { unreadable: true };
  }
}

/** A response body as it goes on the wire, read back as JSON. */
export function wireBody(response: EmulatorResponse): Pick<WireMessage, 'body' | 'unreadable'> {
  if (response.body === undefined) return {};
  if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) return parsed(response.body);
  return { body: JSON.parse(JSON.stringify(response.body)) as unknown };
}

function lowerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

export class ContractRecorder {
  readonly report: ContractReport;
  readonly validator: ContractValidator;

  constructor(
    cloud: ContractCloud,
    basePath: string,
    private readonly options: { quiet?: boolean } = {},
  ) {
    this.validator = new ContractValidator(cloud, basePath);
    const { version, repository, commit } = this.validator.source;
    const name = { outscale: 'OSC API', ionos: 'IONOS Cloud API', 'ionos-object-storage': 'IONOS Object Storage Management API' }[cloud];
    this.report = {
      cloud,
      spec: `${name} ${version} (${repository.replace('https://github.com/', '')} ${commit.slice(0, 7)})`,
      requests: 0,
      responses: 0,
      violations: [],
    };
  }

  /** Checks a request; `problems` is empty when the spec allows it. `op` is undefined for a route the spec extract lacks. */
  request(req: EmulatorRequest): { op?: MatchedOperation; problems: string[] } {
    this.report.requests += 1;
    const op = this.validator.match(req.method, req.path);
    if (!op) return this.#violations([`${this.report.cloud}: ${req.method} ${req.path} is not an operation of the spec extract`]);
    return { op, ...this.#violations(this.validator.checkRequest(op, { query: req.query, headers: req.headers, ...parsed(req.body) })) };
  }

  /** Checks a response the emulator is about to send for `op`. */
  response(op: MatchedOperation, response: EmulatorResponse): string[] {
    this.report.responses += 1;
    return this.#violations(
      this.validator.checkResponse(op, response.status, { headers: lowerHeaders(response.headers), ...wireBody(response) }),
    ).problems;
  }

  #violations(problems: string[]): { problems: string[] } {
    for (const problem of problems) {
      this.report.violations.push(problem);
      if (!this.options.quiet) console.error(`contract violation: ${problem}`);
    }
    return { problems };
  }
}
