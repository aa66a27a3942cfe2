import { IdentityClient } from 'oci-identity';
import type { Secret } from '../../model/secret';
import type { HttpOptions } from '../../util/httpClient';
import { sdkClientSetup, type ClientTarget } from './sdkClientSetup';

export type { ClientTarget } from './sdkClientSetup';

/** What signs requests for one OCI user: the values of an API signing key. */
export interface SigningCredentials {
  readonly tenancyId: string;
  readonly userId: string;
  readonly fingerprint: string;
  /** Unencrypted PEM. */
  readonly privateKey: Secret;
  /** The region the profile names (reads may go there). */
  readonly region: string;
}

/** An identity client configured as every SDK client of this adapter is (see `sdkClientSetup`). */
export function createIdentityClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): IdentityClient {
  const setup = sdkClientSetup(credentials, target, http);
  const client = new IdentityClient(setup.params, setup.configuration);
  if ('endpoint' in target) client.endpoint = target.endpoint;
  else client.regionId = target.region;
  return client;
}
