/**
 * Error answers that are not the cloud's own: an HTML page from a proxy, a gateway or a CDN (a 502,
 * a 429), or some other text. They are described by status and content type, never quoted: markup
 * is no message, and a page may echo the request.
 */
import { STATUS_CODES } from 'node:http';

/** An error answer that is not the cloud's JSON, as a person would name it. */
export interface ErrorPage {
  /** e.g. `502 Bad Gateway`. */
  readonly status: string;
  /** e.g. `an HTML page`. */
  readonly body: string;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The page an error answer is, or undefined when it is JSON (the cloud's own error) or empty. */
export function errorPageOf(status: number, contentType: string | undefined, text: string): ErrorPage | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || isJson(trimmed)) return undefined;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const body =
    type.includes('html') || /^<(!doctype html|html|head|body)\b/i.test(trimmed)
      ? 'an HTML page'
      : type.includes('xml') || trimmed.startsWith('<')
        ? 'an XML document'
        : type.includes('json')
          ? 'a malformed JSON body'
          : `a ${type || 'text'} body that is not JSON`;
  return { status: `${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`, body };
}

/**
 * The sentence for such a page: `<call> got 502 Bad Gateway as an HTML page instead of <cloud>'s
 * answer ...` with what to do, by status. `askedWait` is the server's Retry-After, already phrased.
 */
export function errorPageMessage(cloud: string, call: string, page: ErrorPage, httpStatus: number, askedWait?: string): string {
  const what = `${call} got ${page.status} as ${page.body} instead of ${cloud}'s answer: a proxy, gateway or CDN on the way probably answered.`;
  if (httpStatus === 429) {
    return `${what} It is limiting the request rate; ${askedWait ? `it asked to wait ${askedWait}` : 'wait a minute'}, then try again.`;
  }
  if (httpStatus >= 500) {
    return `${what} Try again ${askedWait ? `after ${askedWait}, as it asked` : 'in a few minutes'}; if it persists, check the proxy settings (http.proxy) and the endpoint.`;
  }
  return `${what} Check the proxy settings (http.proxy) and the endpoint, then try again.`;
}
