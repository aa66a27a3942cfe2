/**
 * Error responses as OUTSCALE sends them: `{Errors:[{Code, Type, Details}], ResponseContext:{RequestId}}`.
 * Codes 1, 4, 6, 12 and 13 are from docs.outscale.com/api-errors; the others are the emulator's
 * choice where the docs give no code for the case (UNCONFIRMED, see cloud-apis.md).
 */
import type { EmulatorResponse } from '../shared/httpServer';
import { newRequestId } from './state';

export function wireError(status: number, code: string, type: string, details: string): EmulatorResponse {
  return { status, body: { Errors: [{ Code: code, Type: type, Details: details }], ResponseContext: { RequestId: newRequestId() } } };
}

export const errors = {
  authFailed: (details: string) => wireError(401, '1', 'AccessDenied', details),
  unknownAuthType: (details: string) => wireError(401, '12', 'AccessDenied', details),
  temporarilyLocked: () =>
    wireError(401, '13', 'AccessDenied', 'Too many failed connection attempts. Your access has been temporarily locked; try again later.'),
  unauthorizedOperation: (action: string) => wireError(401, '4', 'AccessDenied', `This user is not allowed to perform ${action}.`),
  throttled: (status: number) => wireError(status, '6', 'AccessDenied', 'Request rate exceeded.'),
  internal: (status: number) => wireError(status, '2000', 'InternalError', 'An internal error occurred.'),
  missingParameter: (name: string) => wireError(400, '7000', 'MissingParameter', `Parameter ${name} is required.`),
  invalidValue: (details: string) => wireError(400, '4047', 'InvalidParameterValue', details),
  invalidBody: () => wireError(400, '4019', 'InvalidParameter', 'The request body is not a valid JSON object.'),
  /**
   * A request the spec refuses (every OUTSCALE request schema has `additionalProperties: false`, so a
   * misspelt field or filter is refused rather than ignored). The code and type are UNCONFIRMED.
   */
  invalidParameter: (details: string) => wireError(400, '4019', 'InvalidParameter', details),
  unknownAction: (action: string) => wireError(400, '3001', 'OperationNotSupported', `The action ${action} is not supported.`),
  noSuchKey: (id: string) => wireError(400, '5051', 'InvalidResource', `The AccessKeyId '${id}' does not exist.`),
  noSuchUser: (name: string) => wireError(400, '5090', 'InvalidResource', `The UserName '${name}' does not exist.`),
  tooManyKeys: (limit: number) =>
    wireError(400, '10022', 'TooManyResources', `The limit of ${limit} access keys for this user has been reached.`),
  mustBeInactive: () =>
    wireError(409, '9093', 'ResourceConflict', 'The access key of an EIM user must be INACTIVE before it can be deleted.'),
};
