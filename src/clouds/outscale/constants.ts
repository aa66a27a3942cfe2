/** Fixed facts about OUTSCALE that more than one file of the adapter needs. */

/**
 * `CloudUser.id` of the account itself (the identity that ReadAccessKeys without `UserName` acts on).
 * EIM users are identified by their user name, which may only hold letters, digits and `+=,.@_-`, so
 * an id starting with `#` can never clash with one.
 */
export const ACCOUNT_USER_ID = '#account';

export const DEFAULT_REGION = 'eu-west-2';

/** Regions that serve the OUTSCALE API (cloud-apis.md §2); others are accepted but logged. */
export const KNOWN_REGIONS: readonly string[] = ['ap-northeast-1', 'cloudgouv-eu-west-1', 'eu-west-2', 'us-east-2', 'us-west-1'];

/** The signing service name for SigV4 (as OUTSCALE's own JS SDK uses it). */
export const SIGNING_SERVICE = 'api';

/**
 * Keys per user. The current docs say 10 for the account and for each EIM user; an older page says 2
 * per EIM user (UNCONFIRMED). The setting `outscale.maxKeysPerUser` overrides it.
 */
export const DEFAULT_MAX_KEYS_PER_USER = 10;

/** Failed authentications OUTSCALE tolerates before it locks further attempts for a while. */
export const AUTH_FAILURES_BEFORE_LOCK = 4;
