import { CloudError } from '../../model/cloudError';
import type { CloudUser } from '../../model/types';
import { renewHint } from './sessionToken';

/** A 401 for a session profile means the session ended (or was signed in again with a new key), not a bad API key. */
export function refusedSessionError(error: CloudError, profile: string, what: string): CloudError {
  return new CloudError(
    'auth',
    `OCI did not accept the session of profile ${profile} while ${what}: it may have ended, or been signed in again with a new key; ${renewHint(profile)}.`,
    { cloud: 'oci', requestId: error.requestId, httpStatus: error.httpStatus, cloudCode: error.cloudCode },
  );
}

/** "You", for a session whose token does not name its user (no readable `sub` claim). */
export function unnamedSessionCaller(accountId: string, profile: string): CloudUser {
  return {
    id: `session-caller:${profile}`,
    accountId,
    name: `you (session of profile ${profile})`,
    isCaller: true,
    placeholder: true,
    note: `The session token of profile ${profile} does not name its user (it has no readable "sub" claim), so Cloud Keys cannot tell which user you are. Find yourself among the users of the tenancy.`,
  };
}
