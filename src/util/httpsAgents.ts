import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { CloudError } from '../model/cloudError';
import type { HttpOptions } from './httpOptions';
import { bypassesProxy, noProxyFromEnv } from './noProxy';

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
