import axios, { type AxiosInstance } from 'axios';
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { CloudError } from '../model/cloudError';
import { bypassesProxy, noProxyFromEnv } from './noProxy';

/** Network options from VS Code's `http.proxy`, `http.noProxy`, Cloud Keys' TLS settings and the environment. */
export interface HttpOptions {
  readonly proxy?: string;
  /**
   * Whether server certificates are verified; only `false` turns verification off, and the VS Code
   * layer sets it only from the machine-scoped `cloudKeys.http.allowUnverifiedTls` setting.
   */
  readonly strictSSL?: boolean;
  /** PEM file(s) of extra certificate authorities (a corporate CA). */
  readonly caFile?: string;
  /** Hosts that bypass the proxy (VS Code's `http.noProxy`); `NO_PROXY` from `env` is added. */
  readonly noProxy?: readonly string[];
  /** Where `NO_PROXY` and `NODE_EXTRA_CA_CERTS` are read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Called before every request sent without certificate verification, so each one is logged. */
  readonly warnUnverified?: (message: string) => void;
  /** Bound on every single request, in milliseconds. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function readPem(file: string, what: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new CloudError('config', `${what} (${file}) holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). Point it at a PEM file of CA certificates.`);
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
  const client = axios.create({
    baseURL,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
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
    return config;
  });
  return client;
}
