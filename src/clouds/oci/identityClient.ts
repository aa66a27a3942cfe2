import { IdentityClient } from 'oci-identity';
import type { HttpOptions } from '../../util/httpOptions';
import { createSdkClient, type ClientTarget } from './sdkClientSetup';
import type { SigningCredentials } from './signingCredentials';

export type { ClientTarget } from './sdkClientSetup';

/** An identity client configured as every SDK client of this adapter is (see `sdkClientSetup`). */
export function createIdentityClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): IdentityClient {
  return createSdkClient(IdentityClient, credentials, target, http);
}
