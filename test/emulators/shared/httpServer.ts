/**
 * The HTTP plumbing every cloud emulator shares: a loopback server on an ephemeral port, fault
 * injection, and a small control API under `/__emulator/` so that tests running in another process
 * (inside VS Code) can inject faults and reset state:
 *   GET    /__emulator/health        → 200 {"ok":true}
 *   POST   /__emulator/faults        ← a Fault as JSON
 *   DELETE /__emulator/faults        clears every fault
 *   POST   /__emulator/reset         restores the seeded state and clears faults
 *   GET    /__emulator/calls         → 200 {"count":n}: API calls served so far (route keys only), to show that nothing called
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { ContractRecorder, ContractReport } from './contract/recorder';
import type { MatchedOperation } from './contract/validator';
import { applyFaults, FaultInjector, FaultSchema, toBuffer, type Fault, type WireResponse } from './faults';

export interface EmulatorRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as received (signature checks need the bytes). */
  readonly body: Buffer;
  readonly raw: http.IncomingMessage;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Serialized as JSON unless it is already a string or Buffer. */
  readonly body?: unknown;
}

export interface EmulatorHandler {
  /** The key faults are matched against, e.g. `GET /users/abc` or `CreateAccessKey`. */
  routeKey(req: EmulatorRequest): string;
  handle(req: EmulatorRequest): Promise<EmulatorResponse> | EmulatorResponse;
  /** The cloud's error body for an injected status. */
  errorBody(status: number, req: EmulatorRequest): EmulatorResponse;
  /** The cloud's answer to a request its spec refuses (an unknown field, a wrong type); `problems` name the fields. */
  refuse?(problems: string[], req: EmulatorRequest): EmulatorResponse;
  reset(): void;
}

/** How an emulator is checked against its vendor's spec and how it varies what the spec leaves optional. */
export interface EmulatorContract {
  readonly recorder: ContractRecorder;
  /** Rewrites a response into another one the spec allows (see each cloud's variants.ts). */
  readonly vary?: (operationId: string, response: EmulatorResponse) => EmulatorResponse;
}

export interface RunningEmulator {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  /** Every route key served, in order; tests read it to prove what was (not) called. */
  readonly calls: string[];
  /** Requests and responses checked against the vendor's spec, and the violations seen; absent for OCI (no spec file). */
  readonly contract?: ContractReport;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The bytes and headers a response is sent as: JSON unless the body is a string or Buffer. */
function wire(response: EmulatorResponse): WireResponse {
  const body = toBuffer(response.body);
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (body.length > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return { status: response.status, headers, body };
}

function send(res: http.ServerResponse, response: EmulatorResponse | WireResponse): void {
  const { status, headers, body } = wire(response);
  res.writeHead(status, headers);
  res.end(body);
}

async function control(
  req: EmulatorRequest,
  faults: FaultInjector,
  handler: EmulatorHandler,
  calls: readonly string[],
): Promise<EmulatorResponse> {
  const what = req.path.slice('/__emulator/'.length);
  if (what === 'health') return { status: 200, body: { ok: true } };
  if (what === 'calls' && req.method === 'GET') return { status: 200, body: { count: calls.length } };
  if (what === 'faults' && req.method === 'POST') {
    const parsed = FaultSchema.safeParse(JSON.parse(req.body.toString('utf8') || '{}'));
    if (!parsed.success) return { status: 400, body: { error: parsed.error.message } };
    faults.add(parsed.data);
    return { status: 204 };
  }
  if (what === 'faults' && req.method === 'DELETE') {
    faults.clear();
    return { status: 204 };
  }
  if (what === 'reset' && req.method === 'POST') {
    faults.clear();
    handler.reset();
    return { status: 204 };
  }
  return { status: 404, body: { error: `unknown control ${req.method} ${req.path}` } };
}

/** A key and certificate (PEM) to serve HTTPS with. */
export interface EmulatorTls {
  readonly key: string;
  readonly cert: string;
}

/**
 * A response for a violation of the spec by the emulator itself: a 500 naming it, so the test that
 * met it fails with the operation and the field in view.
 */
function emulatorViolation(problems: string[]): EmulatorResponse {
  return { status: 500, body: { emulatorError: `the emulator broke its vendor's contract: ${problems.join('; ')}` } };
}

/** The handler's answer, varied and checked against the spec when the emulator has a contract. */
async function contractAnswer(
  handler: EmulatorHandler,
  req: EmulatorRequest,
  contract: EmulatorContract,
  op: MatchedOperation,
): Promise<EmulatorResponse> {
  const answer = await handler.handle(req);
  const varied = contract.vary ? contract.vary(op.id, answer) : answer;
  const problems = contract.recorder.response(op, varied);
  return problems.length ? emulatorViolation(problems) : varied;
}

export async function startEmulatorServer(
  handler: EmulatorHandler,
  options: { port?: number; tls?: EmulatorTls; contract?: EmulatorContract } = {},
): Promise<RunningEmulator> {
  const { contract } = options;
  const faults = new FaultInjector();
  const calls: string[] = [];
  const sockets = new Set<Socket>();
  const listener: http.RequestListener = async (raw, res) => {
    try {
      const url = new URL(raw.url ?? '/', 'http://emulator');
      const req: EmulatorRequest = {
        method: raw.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: raw.headers,
        body: await readBody(raw),
        raw,
      };
      if (req.path.startsWith('/__emulator/')) return send(res, await control(req, faults, handler, calls));
      const key = handler.routeKey(req);
      calls.push(key);
      const checked = contract?.recorder.request(req);
      if (checked?.op && checked.problems.length > 0 && handler.refuse) {
        const refusal = handler.refuse(checked.problems, req);
        // Refused as the real API refuses a request its spec does not allow (and recorded as a violation).
        const problems = contract!.recorder.response(checked.op, refusal);
        return send(res, problems.length ? emulatorViolation(problems) : refusal);
      }
      const answer = () => (checked?.op ? contractAnswer(handler, req, contract!, checked.op) : handler.handle(req));
      const answered = await applyFaults(faults.take(key), {
        res,
        answer: async () => wire(await answer()),
        errorBody: (status) => wire(handler.errorBody(status, req)),
        send: (response) => send(res, response),
      });
      if (answered) return;
      send(res, await answer());
    } catch (error) {
      send(res, { status: 500, body: { emulatorError: error instanceof Error ? error.message : String(error) } });
    }
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    faults,
    calls,
    ...(contract ? { contract: contract.recorder.report } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type { Fault };
