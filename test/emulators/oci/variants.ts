/**
 * Spec-valid variants of the OCI emulator's answers for the fields the adapter maps
 * (src/clouds/oci/mapping.ts). OCI publishes no OpenAPI file here; the contract is the official
 * SDK's models (oci-identity 2.139.1, lib/model/*.d.ts), where these fields are optional (`?`):
 * User `email`, `emailVerified`; CustomerSecretKeySummary and ApiKey `userId`, `timeCreated`,
 * `timeExpires`, `inactiveStatus`, ApiKey `keyId`. The variants leave them out or send null (OCI
 * sends null for an unset field, as `inactiveStatus: null` shows), and add fields a later API
 * version might send. Kept: ids, fingerprints, names, states, `key` (a new secret): without them an
 * answer would be a different one, not another form of it.
 */
import type { EmulatorResponse } from '../shared/httpServer';
import { isObject, Variation, type JsonObject } from '../shared/contract/variation';

const USER_OPTIONAL = ['email', 'emailVerified'];
const KEY_OPTIONAL = ['userId', 'timeCreated', 'timeExpires', 'inactiveStatus', 'keyId'];

export function ociVariants(seed: number): (response: EmulatorResponse) => EmulatorResponse {
  const v = new Variation(seed);
  const vary = (item: JsonObject): JsonObject => {
    const optional = 'compartmentId' in item && 'name' in item ? USER_OPTIONAL : KEY_OPTIONAL;
    const present = optional.filter((k) => k in item);
    // Half the optional fields present are left out, then half of what is left becomes null.
    const kept = v.omit(item, present);
    return v.extra(
      v.nullify(
        kept,
        present.filter((k) => k in kept),
      ),
    );
  };
  return (response) => {
    if (response.status >= 300) return response;
    if (Array.isArray(response.body))
      return { ...response, body: response.body.map((item) => (isObject(item) && !('regionName' in item) ? vary(item) : item)) };
    if (isObject(response.body)) return { ...response, body: vary(response.body) };
    return response;
  };
}
