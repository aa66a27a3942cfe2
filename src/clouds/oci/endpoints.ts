import type { CloudSettings } from '../cloudModule';
import { plainHttpProblem } from '../shared/endpointPolicy';

/**
 * The `oci.endpoint` setting (machine-scoped: workspace values never reach the adapter), for tests
 * and dedicated regions. When set, every call goes there. Returned without a trailing slash or
 * API version, since the SDK appends `/20160918` itself.
 */
export function endpointOverride(settings: CloudSettings): string | undefined {
  const raw = settings['oci.endpoint']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `The setting cloudKeys.oci.endpoint ("${raw}") is not a URL. Use a value like https://identity.eu-frankfurt-1.oci.oraclecloud.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The setting cloudKeys.oci.endpoint must be an http(s) URL, not ${url.protocol}.`);
  }
  const insecure = plainHttpProblem(url);
  if (insecure) throw new Error(`The setting cloudKeys.oci.endpoint ${insecure}`);
  return raw.replace(/\/+$/, '').replace(/\/20160918$/, '');
}

/**
 * The Object Storage endpoint that goes with an identity endpoint (the `oci.endpoint` setting, or a
 * region mapped for tests): `https://identity.<region>.oci.<domain>` gives
 * `https://objectstorage.<region>.<domain>`, as the SDK's own templates pair them; any other URL (a
 * gateway, an emulator serving both APIs) is used as it is, so the setting still decides where
 * every call goes.
 */
export function objectStorageEndpointFor(identityEndpoint: string): string {
  const url = new URL(identityEndpoint);
  const labels = url.hostname.split('.');
  if (labels[0] !== 'identity' || labels.length < 3) return identityEndpoint;
  const [, region, ...domain] = labels;
  url.hostname = ['objectstorage', region, ...(domain[0] === 'oci' && domain.length > 1 ? domain.slice(1) : domain)].join('.');
  return url.toString().replace(/\/+$/, '');
}
