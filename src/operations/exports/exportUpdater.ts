import type { Secret } from '../../model/secret';
import type { AccessKey } from '../../model/types';
import type { Logger } from '../../util/logger';
import type { ExportRepointer } from '../rotation/engine';
import { applyAwsProfile, planAwsProfile, profileKeyId } from './awsProfile';
import { readDotenvVariable, writeDotenv } from './dotenv';
import { awsVariables } from './formats';
import type { ExportRecord, ExportRecords } from './records';

/** The terminal's environment, which only the VS Code layer can reach. */
export interface TerminalEnvironment {
  replace(variables: Readonly<Record<string, string>>): void;
}

/**
 * Switches every export made of one key to another: the profile in `~/.aws/credentials`, a `.env`
 * file, the terminal's variables. A file whose profile or variables no longer hold the old key (the
 * user changed it since) is left alone, and its record dropped.
 */
export class ExportUpdater implements ExportRepointer {
  constructor(
    private readonly records: ExportRecords,
    private readonly terminal: TerminalEnvironment | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async repoint(accountId: string, fromKeyId: string, to: AccessKey, secret: Secret): Promise<string[]> {
    const changed: string[] = [];
    for (const record of this.records.ofKey(accountId, fromKeyId)) {
      if (to.kind !== 'access-key') continue; // only S3-style access keys are exported
      if (!this.#stillHolds(record, fromKeyId)) {
        this.logger.warn(`Export ${describeRecord(record)} no longer holds key ${fromKeyId}; it was changed outside Cloud Keys and is left alone.`);
        await this.records.remove(record.id);
        continue;
      }
      this.#write(record, to.id, secret);
      await this.records.put({ ...record, keyId: to.id, keyKind: to.kind, updatedAt: new Date(this.now()).toISOString() });
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
    }
  }

  #write(record: ExportRecord, keyId: string, secret: Secret): void {
    switch (record.kind) {
      case 'aws-profile':
        applyAwsProfile(planAwsProfile(record, keyId, secret));
        return;
      case 'dotenv':
        writeDotenv(record.file, awsVariables(keyId, secret, record.region, record.endpointUrl));
        return;
      case 'terminal':
        this.terminal?.replace(awsVariables(keyId, secret, record.region, record.endpointUrl));
        return;
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
  }
}
