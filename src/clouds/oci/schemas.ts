import { z } from 'zod';
import { CloudError } from '../../model/cloudError';

/**
 * Shapes of what the SDK hands back from the identity API (the JSON bodies, as the SDK's models
 * leave them). Checked before use, so a malformed answer is a clear error rather than `undefined`
 * somewhere in the tree. The SDK's models (oci-identity 2.139.1, lib/model/*.d.ts) are the contract:
 * what they mark optional is optional (or null) here, except a key's `id` and an API key's
 * `fingerprint`, which no client can act on a key without.
 */
const when = z
  .union([z.string(), z.date()])
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'not a date');

export const UserSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().nullish(),
  lifecycleState: z.string().nullish(),
});
export const UserListSchema = z.array(UserSchema);

export const SecretKeySummarySchema = z.object({
  id: z.string().min(1),
  userId: z.string().nullish(),
  displayName: z.string().nullish(),
  timeCreated: when.nullish(),
  timeExpires: when.nullish(),
  lifecycleState: z.string().nullish(),
});
export const SecretKeyListSchema = z.array(SecretKeySummarySchema);
export const CreatedSecretKeySchema = SecretKeySummarySchema.extend({ key: z.string().min(1) });

export const ApiKeySchema = z.object({
  fingerprint: z.string().min(1),
  keyId: z.string().nullish(),
  keyValue: z.string().nullish(),
  userId: z.string().nullish(),
  timeCreated: when.nullish(),
  lifecycleState: z.string().nullish(),
});
export const ApiKeyListSchema = z.array(ApiKeySchema);

export const RegionSubscriptionListSchema = z.array(
  z.object({ regionName: z.string().min(1), regionKey: z.string().nullish(), isHomeRegion: z.boolean(), status: z.string().nullish() }),
);

/**
 * GetNamespace answers with a JSON string: the tenancy's Object Storage namespace (lowercase letters
 * and digits; an older tenancy's name). It becomes a host name label of the S3 endpoint.
 */
export const NamespaceSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9-]+$/i, 'not a namespace');

/** The secret fields of a hand-entered account, kept as one JSON object in the CredentialStore. */
export const ManualSecretsSchema = z.object({
  privateKey: z.string().min(1),
  passphrase: z.string().optional(),
});

/** Validates a response; a mismatch says where, never what value was there. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, what: string, requestId?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.') || 'body';
  throw new CloudError(
    'server',
    `OCI sent an unexpected response while ${what} (field ${where}). Try again; if it persists, check cloudKeys.oci.endpoint.`,
    {
      cloud: 'oci',
      requestId,
    },
  );
}
