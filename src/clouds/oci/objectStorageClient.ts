import { ObjectStorageClient } from 'oci-objectstorage';
import type { HttpOptions } from '../../util/httpClient';
import type { SigningCredentials } from './identityClient';
import { sdkClientSetup, type ClientTarget } from './sdkClientSetup';

/**
 * An Object Storage client configured exactly as the identity client (see `sdkClientSetup`). The
 * adapter uses it for one call only, GetNamespace.
 */
export function createObjectStorageClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): ObjectStorageClient {
  const setup = sdkClientSetup(credentials, target, http);
  const client = new ObjectStorageClient(setup.params, setup.configuration);
  if ('endpoint' in target) client.endpoint = target.endpoint;
  else client.regionId = target.region;
  return client;
}
