/** The JSON shapes the IONOS Cloud API v6 answers with, built from the emulator's state. */
import type { EmulatorResponse } from '../shared/httpServer';
import type { EmKey, EmUser } from './state';

export const API_PREFIX = '/cloudapi/v6';

export function errorResponse(
  status: number,
  message: string,
  errorCode = String(status === 422 ? 200 : status === 401 ? 315 : 100),
): EmulatorResponse {
  return { status, body: { httpStatus: status, messages: [{ errorCode, message }] } };
}

/**
 * At depth 0 a user is its id, type and href only, as IONOS answers (ionos-go UserManagementApi.md),
 * though the spec marks `properties` required: the contract check reports such an answer, and the
 * adapter always asks for depth 1.
 */
export function userJson(base: string, user: EmUser, depth: number): unknown {
  const head = { id: user.id, type: 'user', href: `${base}/um/users/${user.id}` };
  if (depth < 1) return head;
  return {
    ...head,
    metadata: { etag: user.etag, createdDate: user.createdDate, lastLogin: user.lastLogin },
    properties: {
      firstname: user.firstname,
      lastname: user.lastname,
      email: user.email,
      administrator: user.administrator,
      forceSecAuth: false,
      secAuthActive: false,
      s3CanonicalUserId: user.canonicalId,
      active: user.active,
    },
  };
}

export function keyJson(base: string, key: EmKey, depth: number): unknown {
  const head = { id: key.id, type: 's3key', href: `${base}/um/users/${key.userId}/s3keys/${key.id}` };
  if (depth < 1) return head;
  return {
    ...head,
    metadata: { etag: key.etag, createdDate: key.createdDate },
    properties: { secretKey: key.secretKey, active: key.active },
  };
}
