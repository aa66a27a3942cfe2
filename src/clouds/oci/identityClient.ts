import * as common from 'oci-common';
import { IdentityClient } from 'oci-identity';
import type { Secret } from '../../model/secret';
import { createHttpClient, type HttpOptions } from '../../util/httpClient';
import { createParsedKeySigner } from './parsedKeySigner';
import { routeSdkConsoleOutput } from './sdkConsole';
import { SignedAxiosHttpClient } from './transport';

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

/** Where a client sends its calls: a fixed endpoint (override, tests), or a region the SDK turns into one. */
export type ClientTarget = { readonly endpoint: string } | { readonly region: string };

/**
 * An identity client that signs with `credentials`, sends through our proxy-aware axios transport,
 * has no circuit breaker (one tenancy's outage must not fail calls for another) and no SDK retries
 * (the adapter retries itself, cancellably, within a time budget, honouring Retry-After).
 */
export function createIdentityClient(credentials: SigningCredentials, target: ClientTarget, http: HttpOptions): IdentityClient {
  routeSdkConsoleOutput();
  const auth = new common.SimpleAuthenticationDetailsProvider(
    credentials.tenancyId,
    credentials.userId,
    credentials.fingerprint,
    credentials.privateKey.reveal(),
    null,
  );
  const signer = createParsedKeySigner(auth, credentials.privateKey);
  const transport = new SignedAxiosHttpClient(signer, createHttpClient('endpoint' in target ? target.endpoint : 'https://localhost', http));
  const client = new IdentityClient(
    { httpClient: transport },
    {
      circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
      retryConfiguration: common.NoRetryConfigurationDetails,
    },
  );
  if ('endpoint' in target) client.endpoint = target.endpoint;
  else client.regionId = target.region;
  return client;
}
