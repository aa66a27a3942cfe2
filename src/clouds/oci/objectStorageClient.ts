import { ObjectStorageClient } from 'oci-objectstorage';
import type { HttpOptions } from '../../util/httpOptions';
import { createSdkClient, type ClientTarget } from './sdkClientSetup';
import type { SigningCredentials } from './signingCredentials';

/**
 * An Object Storage client configured exactly as the identity client (see `sdkClientSetup`). The
 * adapter uses it for one call only, GetNamespace.
 */
export function createObjectStorageClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): ObjectStorageClient {
  return createSdkClient(ObjectStorageClient, credentials, target, http);
}
