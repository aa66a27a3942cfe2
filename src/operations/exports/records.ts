import type * as z from 'zod/mini';
import { CloudIdSchema, KeyKindSchema } from '../../model/schemas';
import { lazySchema } from '../../model/lazySchema';
import { readValidatedList } from '../../util/validatedList';

/** Where an export wrote a key, never the secret itself; kept in a file beside the journals so a rotation can update it. */
const Common = lazySchema((z) => ({
  version: z.literal(1),
  id: z.string().check(z.minLength(1)),
  accountId: z.string().check(z.minLength(1)),
  cloud: CloudIdSchema,
  userId: z.string().check(z.minLength(1)),
  keyKind: KeyKindSchema,
  keyId: z.string().check(z.minLength(1)),
  region: z.optional(z.string()),
  endpointUrl: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

export const ExportRecordSchema = lazySchema((z) =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      ...Common,
      kind: z.literal('aws-profile'),
      credentialsFile: z.string().check(z.minLength(1)),
      configFile: z.string().check(z.minLength(1)),
      profile: z.string().check(z.minLength(1)),
    }),
    z.strictObject({ ...Common, kind: z.literal('dotenv'), file: z.string().check(z.minLength(1)) }),
    z.strictObject({ ...Common, kind: z.literal('terminal') }),
    /** A profile of an OCI config file for an API signing key, and the private key file it names. */
    z.strictObject({
      ...Common,
      kind: z.literal('oci-config'),
      file: z.string().check(z.minLength(1)),
      profile: z.string().check(z.minLength(1)),
      keyFile: z.string().check(z.minLength(1)),
    }),
  ]),
);

export type ExportRecord = z.infer<typeof ExportRecordSchema>;
export type ExportKind = ExportRecord['kind'];

/** The export records; the VS Code layer keeps it in a file under the extension's global storage (`services/rotationState.ts`), tests in memory. */
export interface ExportRecordStorage {
  read(): unknown;
  write(value: readonly ExportRecord[]): Promise<void>;
}

/** The records, validated on every read; a record that does not validate is dropped. */
export class ExportRecords {
  constructor(private readonly storage: ExportRecordStorage) {}

  all(): ExportRecord[] {
    return readValidatedList(this.storage.read(), ExportRecordSchema, 'export record');
  }

  ofKey(accountId: string, keyId: string): ExportRecord[] {
    return this.all().filter((r) => r.accountId === accountId && r.keyId === keyId);
  }

  /** Adds a record, replacing one that wrote to the same place. */
  async put(record: ExportRecord): Promise<void> {
    const valid = ExportRecordSchema.parse(record);
    const place = placeOf(valid);
    await this.storage.write([...this.all().filter((r) => r.id !== valid.id && placeOf(r) !== place), valid]);
  }

  async remove(id: string): Promise<void> {
    await this.storage.write(this.all().filter((r) => r.id !== id));
  }
}

/** Two records with the same place describe the same target: a profile in a file, a .env file, the terminal, an OCI profile. */
export function placeOf(record: ExportRecord): string {
  switch (record.kind) {
    case 'aws-profile':
      return `aws-profile|${record.credentialsFile}|${record.profile}`;
    case 'dotenv':
      return `dotenv|${record.file}`;
    case 'terminal':
      return 'terminal';
    case 'oci-config':
      return `oci-config|${record.file}|${record.profile}`;
  }
}

export class MemoryExportStorage implements ExportRecordStorage {
  #value: unknown;

  read(): unknown {
    return this.#value === undefined ? undefined : JSON.parse(JSON.stringify(this.#value));
  }

  async write(value: readonly ExportRecord[]): Promise<void> {
    this.#value = JSON.parse(JSON.stringify(value));
  }
}
