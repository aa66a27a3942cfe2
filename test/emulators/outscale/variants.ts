/**
 * Spec-valid variants of the OUTSCALE emulator's answers (OSC API 1.40.1): every field of every
 * response schema is optional there, and none allows extra fields or null (`additionalProperties:
 * false`, no `nullable`). The variants leave out what carries no state: ResponseContext, dates,
 * user details, paging hints, empty lists. Fields whose absence would change the data itself
 * (State, Tag, ExpirationDate) or that no client can act without (AccessKeyId, SecretKey, UserName,
 * AccessKey, Errors) are kept: an answer without them would be a different answer, not another
 * form of the same one.
 */
import type { EmulatorResponse } from '../shared/httpServer';
import { isObject, Variation, type Json, type JsonObject } from '../shared/contract/variation';

const KEY_OPTIONAL = ['CreationDate', 'LastModificationDate'];
const USER_OPTIONAL = ['UserId', 'UserEmail', 'Path', 'CreationDate', 'LastModificationDate'];

function each(list: Json | undefined, vary: (item: JsonObject) => JsonObject): Json[] | undefined {
  return Array.isArray(list) ? list.map((item) => (isObject(item) ? vary(item) : item)) : undefined;
}

export function outscaleVariants(seed: number): (operationId: string, response: EmulatorResponse) => EmulatorResponse {
  const v = new Variation(seed);
  const key = (k: JsonObject) => v.omit(k, KEY_OPTIONAL);
  return (operationId, response) => {
    if (!isObject(response.body)) return response;
    let body: JsonObject = v.omit(response.body, ['ResponseContext']);
    if (response.status === 200) {
      if (isObject(body.AccessKey)) body = { ...body, AccessKey: key(body.AccessKey) };
      if (Array.isArray(body.AccessKeys)) body = { ...body, AccessKeys: each(body.AccessKeys, key)! };
      if (Array.isArray(body.Users)) body = { ...body, Users: each(body.Users, (u) => v.omit(u, USER_OPTIONAL))! };
      if (operationId === 'ReadUsers') body = v.omit(body, ['HasMoreItems', 'MaxResultsLimit', 'MaxResultsTruncated']);
      for (const list of ['AccessKeys', 'Users']) {
        if (Array.isArray(body[list]) && (body[list] as Json[]).length === 0) body = v.omit(body, [list]);
      }
    }
    return { ...response, body };
  };
}
