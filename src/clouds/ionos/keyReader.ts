/** Turns a key body that may carry `secretKey` into the model key and a `Secret`, dropping the raw value. */
import type { z } from 'zod';
import { Secret } from '../../model/secret';
import type { AccessKey } from '../../model/types';
import { toAccessKey } from './mapping';
import type { S3KeyWithSecretSchema } from './schemas';

export interface KeyAndSecret {
  readonly key: AccessKey;
  readonly secret?: Secret;
}

export function splitSecret(wire: z.infer<typeof S3KeyWithSecretSchema>, accountId: string, userId: string): KeyAndSecret {
  const raw = wire.properties?.secretKey;
  const key = toAccessKey({ id: wire.id, metadata: wire.metadata, properties: { active: wire.properties?.active } }, accountId, userId);
  return raw ? { key, secret: new Secret(raw) } : { key };
}
