import { CloudError } from '../../model/cloudError';
import { isLoopbackHost } from '../shared/endpointPolicy';

/** Where the IONOS Cloud API v6 lives when nothing else is configured. */
export const DEFAULT_API_URL = 'https://api.ionos.com/cloudapi/v6';

const API_PATH = '/cloudapi/v6';

function configError(source: string, problem: string): CloudError {
  return new CloudError('config', `${source} ${problem}`, { cloud: 'ionos' });
}

/**
 * The checks every configured IONOS API address passes: a URL, no credentials in it, https (plain
 * http only to this machine, so credentials never cross a network unencrypted), no query or fragment.
 *
 * @param source names the setting or variable in error messages, e.g. `IONOS_API_URL`.
 * @param forms the accepted forms, for the error messages: `https://api.ionos.com or https://api.ionos.com/cloudapi/v6`.
 */
export function checkedApiAddress(raw: string, source: string, forms: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(source, `is not a URL. Set it to ${forms}.`);
  }
  if (url.username || url.password) {
    throw configError(
      source,
      'contains a user name or password. Remove them from the URL and give credentials through IONOS_USERNAME/IONOS_PASSWORD or IONOS_TOKEN.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(source, `uses ${url.protocol.replace(':', '')}; the IONOS API is reached over https.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configError(source, `uses plain http to ${url.hostname}; credentials would travel unencrypted. Use https.`);
  }
  if (url.search || url.hash) {
    throw configError(source, `must not contain a query string or fragment. Set it to ${forms}.`);
  }
  return url;
}

/**
 * Turns a configured API address into the base every path is appended to. Both forms in use are
 * accepted: the host alone (`https://api.ionos.com`, as the Terraform provider documents it) and
 * the full base (`https://api.ionos.com/cloudapi/v6`, as the SDKs use it).
 *
 * @param source names the setting or variable in error messages, e.g. `IONOS_API_URL`.
 */
export function normaliseApiUrl(raw: string, source: string): string {
  const url = checkedApiAddress(raw, source, 'https://api.ionos.com or https://api.ionos.com/cloudapi/v6');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && !path.endsWith(API_PATH)) {
    throw configError(source, `has the path ${url.pathname}; give the host alone or a URL ending in ${API_PATH}.`);
  }
  return `${url.origin}${path === '' ? API_PATH : path}`;
}
