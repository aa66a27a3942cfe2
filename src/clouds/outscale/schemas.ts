/**
 * zod schemas of the OUTSCALE API bodies the adapter reads (osc-api outscale.yaml, OSC API 1.40.1),
 * loose on extra fields. The spec requires no field of any response; required here are only the
 * ones no client can act without: a key's AccessKeyId, a new key's SecretKey, a user's UserName,
 * and the AccessKey of a create or update.
 */
import { z } from 'zod';

const ResponseContext = z.object({ RequestId: z.string().optional() }).loose();

export const AccessKeyWire = z
  .object({
    AccessKeyId: z.string().min(1),
    /** Absent: the key's state is unknown. */
    State: z.string().optional(),
    Tag: z.string().nullish(),
    CreationDate: z.string().nullish(),
    ExpirationDate: z.string().nullish(),
    LastModificationDate: z.string().nullish(),
  })
  .loose();
export type AccessKeyWire = z.infer<typeof AccessKeyWire>;

/** The one response that carries a secret; parse it, wrap the secret, and let the rest go. */
export const CreateAccessKeyResponse = z
  .object({
    AccessKey: AccessKeyWire.extend({ SecretKey: z.string().min(1) }),
    ResponseContext: ResponseContext.optional(),
  })
  .loose();

export const ReadAccessKeysResponse = z
  .object({ AccessKeys: z.array(AccessKeyWire).default([]), ResponseContext: ResponseContext.optional() })
  .loose();

export const UpdateAccessKeyResponse = z.object({ AccessKey: AccessKeyWire, ResponseContext: ResponseContext.optional() }).loose();

export const EmptyResponse = z.object({ ResponseContext: ResponseContext.optional() }).loose();

export const UserWire = z
  .object({
    UserId: z.string().optional(),
    UserName: z.string().min(1),
    UserEmail: z.string().nullish(),
    Path: z.string().nullish(),
    CreationDate: z.string().nullish(),
    LastModificationDate: z.string().nullish(),
  })
  .loose();
export type UserWire = z.infer<typeof UserWire>;

export const ReadUsersResponse = z
  .object({
    Users: z.array(UserWire).default([]),
    HasMoreItems: z.boolean().optional(),
    MaxResultsLimit: z.number().optional(),
    MaxResultsTruncated: z.boolean().optional(),
    ResponseContext: ResponseContext.optional(),
  })
  .loose();

export const ErrorBody = z
  .object({
    Errors: z
      .array(
        z
          .object({
            Code: z.union([z.string(), z.number()]).optional(),
            Type: z.string().optional(),
            Details: z.string().optional(),
          })
          .loose(),
      )
      .default([]),
    ResponseContext: ResponseContext.optional(),
  })
  .loose();
export type ErrorBody = z.infer<typeof ErrorBody>;
