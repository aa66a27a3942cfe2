/** How a request that got no usable answer failed, in words a person can act on; shared by every transport. */

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

/** Whether a transport error code is a certificate that was not trusted (or did not match). */
export function isCertificateError(code: string | undefined): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code ?? '');
}

/** What to do about a certificate that was not trusted, for the end of an adapter's message. */
export const UNTRUSTED_CERTIFICATE_HINT =
  'If a corporate proxy or private CA signs it, add that CA certificate (PEM) with the cloudKeys.http.caFile setting or the NODE_EXTRA_CA_CERTS environment variable.';
