import axios, { type AxiosInstance } from 'axios';
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { CloudError } from '../model/cloudError';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from './httpOptions';
import { bypassesProxy, noProxyFromEnv } from './noProxy';

export { DEFAULT_TIMEOUT_MS, type HttpOptions } from './httpOptions';

/** A duration in seconds as a person reads it: `30 s`, `0.5 s`. */
export function inSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds >= 10 ? Math.round(seconds) : Number(seconds.toFixed(1))} s`;
}

/**
 * A request stopped because it did not finish within its deadline. It holds the deadline only: no
 * request data (an axios error carries the request headers, credentials included).
 */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  readonly code = 'ETIMEDOUT';

  constructor(readonly deadlineMs: number) {
    super(`The request did not finish within ${inSeconds(deadlineMs)}.`);
  }
}

/** The deadline a request missed, when `error` says it was stopped for that; undefined otherwise. */
export function missedDeadlineMs(error: unknown): number | undefined {
  return error instanceof DeadlineExceededError ? error.deadlineMs : undefined;
}

interface RequestDeadline {
  readonly timer: NodeJS.Timeout;
  readonly expired: AbortSignal;
  readonly caller?: AbortSignal;
  readonly ms: number;
}

function readPem(file: string, what: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new CloudError(
        'config',
        `${what} (${file}) holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). Point it at a PEM file of CA certificates.`,
      );
    }
    return text;
  } catch (error) {
    if (error instanceof CloudError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CloudError('config', `${what} (${file}) cannot be read (${code}). Fix the path or remove the setting.`, { cause: error });
  }
}

/**
 * The trusted CAs when extra ones are configured: Node's own roots, `NODE_EXTRA_CA_CERTS` and
 * `cloudKeys.http.caFile` together (a `ca` option alone would replace Node's roots, and with them
 * the extra certificates Node read at start-up). `undefined` keeps Node's defaults.
 */
export function trustedCas(options: HttpOptions): string[] | undefined {
  const env = options.env ?? process.env;
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  const files = [
    ...(extra ? [readPem(extra, 'NODE_EXTRA_CA_CERTS')] : []),
    ...(options.caFile ? [readPem(options.caFile, 'The cloudKeys.http.caFile setting')] : []),
  ];
  return files.length === 0 ? undefined : [...tls.rootCertificates, ...files];
}

/**
 * Whether a request failed after its answer began: the headers came, the body was cut off (the
 * connection closed before the announced length, or a broken encoding). The server was reached and
 * may have acted on the request.
 */
export function isAnswerCutOff(error: unknown): boolean {
  return axios.isAxiosError(error) && error.code === 'ERR_BAD_RESPONSE';
}

/** Whether a transport error code is a certificate that was not trusted (or did not match). */
export function isCertificateError(code: string | undefined): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code ?? '');
}

/** What to do about a certificate that was not trusted, for the end of an adapter's message. */
export const UNTRUSTED_CERTIFICATE_HINT =
  'If a corporate proxy or private CA signs it, add that CA certificate (PEM) with the cloudKeys.http.caFile setting or the NODE_EXTRA_CA_CERTS environment variable.';

/**
 * The proxy agent, with our TLS options applied to the tunnelled connection to the server too
 * (https-proxy-agent applies its constructor's options to the proxy connection only).
 */
class TlsProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly serverTls: https.AgentOptions,
  ) {
    super(proxy, serverTls);
  }

  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    return super.connect(req, { ...opts, ...this.serverTls } as typeof opts);
  }
}

/** The two agents of a client: through the proxy (when one is set) and direct, with the same TLS options. */
export interface HttpsAgents {
  readonly direct: https.Agent;
  readonly viaProxy?: https.Agent;
  readonly noProxy: readonly string[];
}

/** Builds the HTTPS agents honouring the proxy, the CA bundles and certificate verification. */
export function createHttpsAgents(options: HttpOptions): HttpsAgents {
  const ca = trustedCas(options);
  const tlsOptions = { rejectUnauthorized: options.strictSSL !== false, ...(ca ? { ca } : {}), keepAlive: true };
  return {
    direct: new https.Agent(tlsOptions),
    ...(options.proxy ? { viaProxy: new TlsProxyAgent(options.proxy, tlsOptions) } : {}),
    noProxy: [...(options.noProxy ?? []), ...noProxyFromEnv(options.env ?? process.env)],
  };
}

/** The agent for one URL: direct when no proxy is set or the host is in `NO_PROXY` / `http.noProxy`. */
export function agentFor(agents: HttpsAgents, url: URL): https.Agent {
  if (!agents.viaProxy) return agents.direct;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return bypassesProxy(url.hostname, port, agents.noProxy) ? agents.direct : agents.viaProxy;
}

/**
 * An axios instance for one cloud endpoint: proxy- and CA-aware, bounded in time, never throwing on
 * HTTP status (the adapter maps statuses to CloudErrors itself), never following redirects with
 * credentials to another host.
 */
export function createHttpClient(baseURL: string, options: HttpOptions = {}): AxiosInstance {
  const agents = createHttpsAgents(options);
  const deadlineMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = axios.create({
    baseURL,
    // axios's own `timeout` is a socket idle timeout once the headers are in: a trickled body never
    // trips it. The deadline below bounds the whole request instead.
    timeout: 0,
    httpsAgent: agents.direct,
    proxy: false,
    maxRedirects: 0,
    validateStatus: () => true,
    // Bodies are parsed and validated by the adapter's zod schemas, not trusted as JSON here.
    responseType: 'text',
    transformResponse: (data: unknown) => data,
  });
  // The host is checked per request: one client may reach several hosts (OCI regions).
  client.interceptors.request.use((config) => {
    const target = new URL(config.url ?? '', config.baseURL ?? baseURL);
    config.httpsAgent = agentFor(agents, target);
    if (options.strictSSL === false && target.protocol === 'https:') {
      options.warnUnverified?.(
        `TLS certificate verification is OFF (cloudKeys.http.allowUnverifiedTls) for ${target.host}: anyone on the network path can read and change this request.`,
      );
    }
    // One deadline for the whole request, body included; the caller's signal still cancels it.
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(), deadlineMs);
    const caller = config.signal instanceof AbortSignal ? config.signal : undefined;
    config.signal = caller ? AbortSignal.any([caller, expiry.signal]) : expiry.signal;
    deadlines.set(config, { timer, expired: expiry.signal, caller, ms: deadlineMs });
    return config;
  });
  client.interceptors.response.use(
    (response) => {
      settle(response.config);
      return response;
    },
    (error: unknown) => {
      const deadline = settle(axios.isAxiosError(error) ? error.config : undefined);
      // Told apart from the caller's cancel: only the deadline fired.
      if (deadline?.expired.aborted && !deadline.caller?.aborted) throw new DeadlineExceededError(deadline.ms);
      throw error;
    },
  );
  return client;
}

const deadlines = new WeakMap<object, RequestDeadline>();

/** Stops the deadline of a finished request and returns it. */
function settle(config: object | undefined): RequestDeadline | undefined {
  const deadline = config ? deadlines.get(config) : undefined;
  if (deadline) {
    clearTimeout(deadline.timer);
    deadlines.delete(config!);
  }
  return deadline;
}
