import { IdentityClient } from 'oci-identity';
import type { Secret } from '../../model/secret';
import type { HttpOptions } from '../../util/httpClient';
import type { SessionTokenFile } from './sessionToken';
import { createSdkClient, type ClientTarget } from './sdkClientSetup';

export type { ClientTarget } from './sdkClientSetup';

/** What signs requests for one OCI user: the values of an API signing key, or a session's key and token. */
export interface SigningCredentials {
  readonly tenancyId: string;
  /** For a session, the `sub` of its token when readable, else empty. */
  readonly userId: string;
  /** Unused for a session. */
  readonly fingerprint: string;
  /** Unencrypted PEM. */
  readonly privateKey: Secret;
  /** Set for a session profile (`oci session authenticate`): requests carry `keyId="ST$<token>"`. */
  readonly session?: SessionTokenFile;
  /** The region the profile names (reads may go there). */
  readonly region: string;
}

/** An identity client configured as every SDK client of this adapter is (see `sdkClientSetup`). */
export function createIdentityClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): IdentityClient {
  return createSdkClient(IdentityClient, credentials, target, http);
}
