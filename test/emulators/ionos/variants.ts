/**
 * Spec-valid variants of the IONOS emulator's answers (Cloud API 6.0): the spec requires only
 * `properties` of a user or key and nothing else, and forbids no extra fields. The variants leave out
 * what carries no state (href, type, collection ids, metadata, paging fields and links, `items` of an
 * empty list, request-status details, the error's httpStatus) and add fields a later version might
 * send. Kept: ids (no client can act on a key or user without one), a key's `active` and `secretKey`,
 * a user's name, email and role, a request's `status`, error messages: leaving those out would make
 * a different answer, not another form of the same one.
 */
import type { EmulatorResponse } from '../shared/httpServer';
import { isObject, Variation, type Json, type JsonObject } from '../shared/contract/variation';

const RESOURCE_OPTIONAL = ['href', 'type', 'metadata'];
const METADATA_OPTIONAL = ['etag', 'createdDate', 'lastLogin', 'message', 'targets'];
const USER_PROPERTIES_OPTIONAL = ['forceSecAuth', 'secAuthActive', 's3CanonicalUserId'];
const COLLECTION_OPTIONAL = ['id', 'type', 'href', 'offset', 'limit', '_links'];

export function ionosVariants(seed: number): (operationId: string, response: EmulatorResponse) => EmulatorResponse {
  const v = new Variation(seed);

  /** A user, key or request status; `keep` names optional fields this answer keeps. */
  const resource = (item: JsonObject, keep: readonly string[] = []): JsonObject => {
    const optional = (keys: readonly string[]) => keys.filter((k) => !keep.includes(k));
    let out = v.extra(v.omit(item, optional(RESOURCE_OPTIONAL)));
    if (isObject(out.metadata)) out = { ...out, metadata: v.extra(v.omit(out.metadata, optional(METADATA_OPTIONAL))) };
    if (isObject(out.properties)) out = { ...out, properties: v.extra(v.omit(out.properties, USER_PROPERTIES_OPTIONAL)) };
    return out;
  };

  return (operationId, response) => {
    if (!isObject(response.body)) return response;
    const body = response.body;
    if (response.status >= 400) return { ...response, body: v.extra(v.omit(body, ['httpStatus'])) };
    if (!Array.isArray(body.items)) {
      // A request status keeps its status (never optional here) and its message, which a FAILED one shows.
      return { ...response, body: resource(body, operationId === 'requestsStatusGet' ? ['metadata', 'message'] : []) };
    }
    const items: Json[] = body.items.map((item) => (isObject(item) ? resource(item) : item));
    let list = v.extra(v.omit({ ...body, items }, COLLECTION_OPTIONAL));
    if (items.length === 0) list = v.omit(list, ['items']);
    return { ...response, body: list };
  };
}
