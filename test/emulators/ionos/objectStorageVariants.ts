/**
 * Spec-valid variants of the Object Storage Management emulator's answers (sdk-go-bundle
 * objectstoragemanagement v2.0.0 models): left out are the fields the models mark optional
 * ("Pointer to": the metadata's dates and authors, `administrative`, a key's canonical and contract
 * user ids, a list's `items` when empty, the links other than `next`), and extra fields are added.
 * Kept: everything the models require, a FAILED key's `statusMessage` (a different answer without
 * it), and `_links.next`, which says that more follow.
 */
import type { EmulatorResponse } from '../shared/httpServer';
import { isObject, Variation, type Json, type JsonObject } from '../shared/contract/variation';

const METADATA_OPTIONAL = ['createdDate', 'createdBy', 'lastModifiedDate', 'administrative'];
const PROPERTIES_OPTIONAL = ['canonicalUserId', 'contractUserId'];

export function objectStorageVariants(seed: number): (operationId: string, response: EmulatorResponse) => EmulatorResponse {
  const v = new Variation(seed);
  const key = (item: JsonObject): JsonObject => {
    let out = v.extra(item);
    if (isObject(out.metadata)) out = { ...out, metadata: v.extra(v.omit(out.metadata, METADATA_OPTIONAL)) };
    if (isObject(out.properties)) out = { ...out, properties: v.extra(v.omit(out.properties, PROPERTIES_OPTIONAL)) };
    return out;
  };
  return (_operationId, response) => {
    if (!isObject(response.body)) return response;
    const body = response.body;
    if (response.status >= 400) return { ...response, body: v.extra(v.omit(body, ['httpStatus'])) };
    if (!Array.isArray(body.items)) return { ...response, body: key(body) };
    const items: Json[] = body.items.map((item) => (isObject(item) ? key(item) : item));
    const links = isObject(body._links) ? v.omit(body._links, ['self', 'prev']) : body._links;
    let list = v.extra({ ...body, items, _links: links });
    if (items.length === 0) list = v.omit(list, ['items']);
    return { ...response, body: list };
  };
}
