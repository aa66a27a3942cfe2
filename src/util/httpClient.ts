import axios, { type AxiosInstance } from 'axios';
import fs from 'node:fs';
import https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** Network options from VS Code's `http.proxy`, `http.proxyStrictSSL` and an optional CA bundle file. */
export interface HttpOptions {
  readonly proxy?: string;
  readonly strictSSL?: boolean;
  /** PEM file(s) of extra certificate authorities (a corporate CA). */
  readonly caFile?: string;
  /** Bound on every single request, in milliseconds. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Builds an HTTPS agent honouring the proxy, the CA bundle and strict SSL. */
export function createHttpsAgent(options: HttpOptions): https.Agent {
  const ca = options.caFile ? fs.readFileSync(options.caFile, 'utf8') : undefined;
  const tls = { rejectUnauthorized: options.strictSSL !== false, ...(ca ? { ca } : {}), keepAlive: true };
  return options.proxy ? new HttpsProxyAgent(options.proxy, tls) : new https.Agent(tls);
}

/**
 * An axios instance for one cloud endpoint: proxy- and CA-aware, bounded in time, never throwing on
 * HTTP status (the adapter maps statuses to CloudErrors itself), never following redirects with
 * credentials to another host.
 */
export function createHttpClient(baseURL: string, options: HttpOptions = {}): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    httpsAgent: createHttpsAgent(options),
    proxy: false,
    maxRedirects: 0,
    validateStatus: () => true,
    // Bodies are parsed and validated by the adapter's zod schemas, not trusted as JSON here.
    responseType: 'text',
    transformResponse: (data: unknown) => data,
  });
}
