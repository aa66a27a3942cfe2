import * as common from 'oci-common';
import { createHttpExchange } from '../../util/httpExchange';
import type { HttpOptions } from '../../util/httpOptions';
import { createParsedKeySigner } from './parsedKeySigner';
import { routeSdkConsoleOutput } from './sdkConsole';
import { SessionTokenAuthProvider } from './sessionAuthProvider';
import type { SigningCredentials } from './signingCredentials';
import { SignedHttpClient } from './transport';

/** Where a client sends its calls: a fixed endpoint (override, tests), or a region the SDK turns into one. */
export type ClientTarget = { readonly endpoint: string } | { readonly region: string };

/** What every OCI SDK client of this adapter is built with: the two constructor arguments. */
export interface SdkClientSetup {
  readonly params: { readonly httpClient: common.HttpClient };
  readonly configuration: common.ClientConfiguration;
}

/**
 * The one configuration shared by every SDK client this adapter makes (identity, object storage):
 * requests signed with `credentials` (an API key, or a session's key and token), sent through our
 * proxy-aware transport (`util/httpExchange`), no circuit breaker (one tenancy's outage must not fail calls for
 * another), no SDK retries (the adapter retries itself, cancellably, within a time budget, honouring
 * Retry-After), and the SDK's console output routed to our logger.
 */
export function sdkClientSetup(credentials: SigningCredentials, http: HttpOptions): SdkClientSetup {
  routeSdkConsoleOutput();
  const auth = credentials.session
    ? new SessionTokenAuthProvider(credentials.tenancyId, credentials.userId, credentials.privateKey, credentials.session)
    : new common.SimpleAuthenticationDetailsProvider(
        credentials.tenancyId,
        credentials.userId,
        credentials.fingerprint,
        credentials.privateKey.reveal(),
        null,
      );
  const signer = createParsedKeySigner(auth, credentials.privateKey);
  const transport = new SignedHttpClient(signer, createHttpExchange(http));
  return {
    params: { httpClient: transport },
    configuration: {
      circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
      retryConfiguration: common.NoRetryConfigurationDetails,
    },
  };
}

/** An SDK client class of oci-* packages: built from the two arguments, aimed by `endpoint` or `regionId`. */
type SdkClientClass<C> = new (params: SdkClientSetup['params'], configuration: common.ClientConfiguration) => C;

/** Any SDK client, built with the shared setup and aimed at `target`. */
export function createSdkClient<C extends { endpoint: string; regionId: string }>(
  Client: SdkClientClass<C>,
  credentials: SigningCredentials,
  target: ClientTarget,
  http: HttpOptions,
): C {
  const setup = sdkClientSetup(credentials, http);
  const client = new Client(setup.params, setup.configuration);
  if ('endpoint' in target) client.endpoint = target.endpoint;
  else client.regionId = target.region;
  return client;
}
