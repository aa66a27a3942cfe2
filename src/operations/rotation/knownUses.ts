import type { ExportRecord } from '../exports/records';

/** Where an export wrote a key, for a person: never the secret, only the place. */
export function describeExport(record: ExportRecord): string {
  switch (record.kind) {
    case 'aws-profile':
      return `AWS profile "${record.profile}" in ${record.credentialsFile}`;
    case 'dotenv':
      return `.env file ${record.file}`;
    case 'terminal':
      return 'the integrated terminal of this workspace';
    case 'oci-config':
      return `OCI profile "${record.profile}" in ${record.file} (a new private key file next to ${record.keyFile})`;
  }
}

/**
 * The known uses of each key: the exports Cloud Keys recorded (AWS profiles, .env files, OCI
 * profiles, the terminal), as places a person recognises. Other tools may use a key too; only
 * these are known here.
 */
export function knownUses(
  exportsOf: (accountId: string, keyId: string) => readonly ExportRecord[],
  accountId: string,
): (keyId: string) => string[] {
  return (keyId) => exportsOf(accountId, keyId).map(describeExport);
}
