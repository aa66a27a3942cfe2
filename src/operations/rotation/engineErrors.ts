import { CloudError, describeError, isCloudError } from '../../model/cloudError';
import { SecretNotStoredError } from '../keyOperations';

/** A rotation stopped between steps by its caller; the journal keeps what was done. */
export class Cancelled extends CloudError {
  constructor() {
    super('cancelled', 'The rotation was cancelled. Resume it with "Cloud Keys: Resume Rotations".');
  }
}

/** The code a journal entry records for a failure. */
export function errorCode(error: unknown): string {
  if (isCloudError(error)) return error.code;
  if (error instanceof SecretNotStoredError) return 'secret-not-stored';
  return 'error';
}

/** One sentence for a person, no secret. */
export function errorMessage(error: unknown): string {
  return describeError(error);
}
