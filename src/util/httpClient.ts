import axios, { type AxiosInstance } from 'axios';
import { DeadlineExceededError } from './httpFailures';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from './httpOptions';
import { agentFor, createHttpsAgents } from './httpsAgents';

// The agents and the failure vocabulary live apart from axios, so that a transport without it (OCI's)
// does not load it; re-exported here for the adapters that use this client.
export { DEFAULT_TIMEOUT_MS, type HttpOptions } from './httpOptions';
export { DeadlineExceededError, inSeconds, isCertificateError, missedDeadlineMs, UNTRUSTED_CERTIFICATE_HINT } from './httpFailures';
export { agentFor, createHttpsAgents, trustedCas, type HttpsAgents } from './httpsAgents';

interface RequestDeadline {
  readonly timer: NodeJS.Timeout;
  readonly expired: AbortSignal;
  readonly caller?: AbortSignal;
  readonly ms: number;
}

/**
 * Whether a request failed after its answer began: the headers came, the body was cut off (the
 * connection closed before the announced length, or a broken encoding). The server was reached and
 * may have acted on the request.
 */
export function isAnswerCutOff(error: unknown): boolean {
  return axios.isAxiosError(error) && error.code === 'ERR_BAD_RESPONSE';
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
