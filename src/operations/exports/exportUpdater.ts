import path from 'node:path';
import type { Secret } from '../../model/secret';
import { isS3CredentialKind, type AccessKey, type KeyKind } from '../../model/types';
import type { Logger } from '../../util/logger';
import type { ExportRepointer } from '../rotation/engine';
import { applyAwsProfile, planAwsProfile, profileKeyId } from './awsProfile';
import { readDotenvVariable, writeDotenv } from './dotenv';
import { awsVariables } from './formats';
import type * as OciProfileBundle from './ociProfileModule';
import type { ExportRecord, ExportRecords } from './records';

/** The terminal's environment, which only the VS Code layer can reach. */
export interface TerminalEnvironment {
  replace(variables: Readonly<Record<string, string>>): void;
}

/** Which kind of key an export carries: OCI profiles hold API signing keys, the others S3-style access keys. */
function carries(record: ExportRecord, kind: KeyKind): boolean {
  return record.kind === 'oci-config' ? kind === 'api-signing-key' : isS3CredentialKind(kind);
}

/** An API signing key's fingerprint (OCI names the key by it). */
function fingerprintOf(key: Pick<AccessKey, 'id' | 'fingerprint'>): string {
  return key.fingerprint ?? key.id;
}

/**
 * Switches every export made of one key to another: the profile in `~/.aws/credentials`, a `.env`
 * file, the terminal's variables, a profile of an OCI config file. A file whose profile or variables
 * no longer hold the old key (the user changed it since) is left alone, and its record dropped.
 */
export class ExportUpdater implements ExportRepointer {
  constructor(
    private readonly records: ExportRecords,
    private readonly terminal: TerminalEnvironment | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    /** The OCI profile code, loaded on first use (it is a bundle of its own in the extension). */
    private readonly ociProfiles?: () => typeof OciProfileBundle,
  ) {}

  #oci(): typeof OciProfileBundle {
    if (!this.ociProfiles) throw new Error('OCI config profiles cannot be updated here: no OCI profile code was given.');
    return this.ociProfiles();
  }

  async repoint(accountId: string, fromKeyId: string, to: AccessKey, secret: Secret): Promise<string[]> {
    const changed: string[] = [];
    for (const record of this.records.ofKey(accountId, fromKeyId)) {
      if (!carries(record, to.kind)) continue;
      const stamp = { keyId: to.id, keyKind: to.kind, updatedAt: new Date(this.now()).toISOString() };
      if (record.kind === 'oci-config' && this.#oci().profileFingerprint(record.file, record.profile) === fingerprintOf(to)) {
        // An earlier attempt switched the profile and stopped before its record was updated.
        await this.records.put({
          ...record,
          ...stamp,
          keyFile: this.#oci().profileEntry(record.file, record.profile, 'key_file') ?? record.keyFile,
        });
        changed.push(record.id);
        continue;
      }
      if (!this.#stillHolds(record, fromKeyId)) {
        this.logger.warn(
          `Export ${describeRecord(record)} no longer holds key ${fromKeyId}; it was changed outside Cloud Keys and is left alone.`,
        );
        await this.records.remove(record.id);
        continue;
      }
      const updated = await this.#write(record, to, secret);
      await this.records.put({ ...updated, ...stamp });
      changed.push(record.id);
    }
    return changed;
  }

  #stillHolds(record: ExportRecord, keyId: string): boolean {
    switch (record.kind) {
      case 'aws-profile':
        return profileKeyId(record.credentialsFile, record.profile) === keyId;
      case 'dotenv':
        return readDotenvVariable(record.file, 'AWS_ACCESS_KEY_ID') === keyId;
      case 'terminal':
        return this.terminal !== undefined;
      case 'oci-config':
        return this.#oci().profileFingerprint(record.file, record.profile) === keyId;
    }
  }

  /** Writes the new key to the export's place; returns the record as it now is. */
  async #write(record: ExportRecord, to: AccessKey, secret: Secret): Promise<ExportRecord> {
    switch (record.kind) {
      case 'aws-profile':
        applyAwsProfile(planAwsProfile(record, to.id, secret));
        return record;
      case 'dotenv':
        writeDotenv(record.file, awsVariables(to.id, secret, record.region, record.endpointUrl));
        return record;
      case 'terminal':
        this.terminal?.replace(awsVariables(to.id, secret, record.region, record.endpointUrl));
        return record;
      case 'oci-config': {
        // The new private key goes to a new file next to the old one; the old file is never overwritten.
        const oci = this.#oci();
        const keyFile = oci.suggestKeyFile(path.dirname(record.keyFile), record.profile, this.now());
        const change = oci.planOciKeySwitch({
          configFile: record.file,
          profile: record.profile,
          keyFile,
          fromFingerprint: record.keyId,
          toFingerprint: fingerprintOf(to),
        });
        await oci.applyOciProfile(change, secret);
        this.logger.info(
          `Profile [${record.profile}] of ${record.file} now uses key ${fingerprintOf(to)} from ${keyFile}. The old private key file ${record.keyFile} is left in place; delete it once nothing uses it.`,
        );
        return { ...record, keyFile };
      }
    }
  }
}

export function describeRecord(record: ExportRecord): string {
  switch (record.kind) {
    case 'aws-profile':
      return `AWS profile "${record.profile}" in ${record.credentialsFile}`;
    case 'dotenv':
      return `${record.file}`;
    case 'terminal':
      return 'the integrated terminal';
    case 'oci-config':
      return `OCI profile [${record.profile}] in ${record.file}`;
  }
}
