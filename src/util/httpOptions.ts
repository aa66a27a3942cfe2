// What the HTTP client takes, apart from the client itself: the settings layer builds these at
// activation without loading the proxy agent and its dependencies (see httpClient.ts).

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
  /**
   * The deadline of every single request, in milliseconds: connection, headers and body together
   * (`cloudKeys.http.timeoutSeconds`). A server that sends headers and then trickles the body is cut off.
   */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
