import { plainHttpProblem } from '../shared/endpointPolicy';

/** Where an account's API calls go: `https://api.<region>.<host>` unless a config or variable says otherwise. */

export interface EndpointSource {
  readonly region: string;
  /** `host` of an osc-cli profile; defaults to outscale.com. */
  readonly host?: string;
  /** `https` of an osc-cli profile; false means plain HTTP. */
  readonly https?: boolean;
  /** `endpoints.api` of a profile, `OSC_ENDPOINT_API`, or an endpoint typed by hand. */
  readonly explicit?: string;
}

export function defaultEndpoint(region: string, host = 'outscale.com', https = true): string {
  return `${https ? 'https' : 'http'}://api.${region}.${host}`;
}

/**
 * The endpoint as a base URL without a trailing slash and without the `/api/v1` (or `/api/latest`)
 * suffix, which the client appends itself. Accepts a bare host (`api.eu-west-2.outscale.com`), as
 * osc-cli and osc-sdk-go configs often hold. Throws a plain Error with a reason for an unusable value.
 */
export function resolveEndpoint(source: EndpointSource): string {
  if (!source.explicit) {
    const endpoint = defaultEndpoint(source.region, source.host, source.https !== false);
    const insecure = plainHttpProblem(new URL(endpoint));
    if (insecure) throw new Error(`the profile's "https": false ${insecure}`);
    return endpoint;
  }
  const raw = source.explicit.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `${source.https === false ? 'http' : 'https'}://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${raw}" must be an http or https URL`);
  if (url.username || url.password) throw new Error('the endpoint URL must not contain a user name or password');
  const insecure = plainHttpProblem(url);
  if (insecure) throw new Error(`"${raw}" ${insecure}`);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/(v1|latest)$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

export function isValidRegion(region: string): boolean {
  return /^[a-z]{2,}(-[a-z0-9]+)+$/.test(region);
}
