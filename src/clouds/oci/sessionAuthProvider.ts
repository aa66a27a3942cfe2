import * as common from 'oci-common';
import type { Secret } from '../../model/secret';
import type { SessionTokenFile } from './sessionToken';

/**
 * The SDK's authentication details for a session profile: requests are signed with the session's
 * private key and carry `keyId="ST$<token>"`, exactly as oci-common's `SessionAuthDetailProvider`
 * does (its `getKeyId` returns `"ST$" + token`). That class is not used as such because its
 * constructor reads the config file itself (against the process's home and environment, not the
 * account's) and keeps the token it read then; here the token file is read on every signature, so
 * a token refreshed by `oci session refresh` is picked up at once, and an expired one is refused
 * before the request leaves (see `SessionTokenFile.current`).
 */
export class SessionTokenAuthProvider extends common.SimpleAuthenticationDetailsProvider {
  constructor(
    tenancyId: string,
    userId: string,
    privateKey: Secret,
    private readonly tokenFile: SessionTokenFile,
  ) {
    // The fingerprint is not part of a session signature; the user comes from the token.
    super(tenancyId, userId, '', privateKey.reveal(), null);
  }

  override async getKeyId(): Promise<string> {
    return `ST$${(await this.tokenFile.current()).reveal()}`;
  }

  /** The token as a session provider of the SDK hands it out. */
  async getSecurityToken(): Promise<string> {
    return (await this.tokenFile.current()).reveal();
  }
}
