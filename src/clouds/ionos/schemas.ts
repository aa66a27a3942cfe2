/**
 * The wire shapes of the IONOS Cloud API v6 that the adapter reads, validated with zod.
 *
 * Cloud API 6.0 (sdk-go v6.1.4 api/openapi.yaml) requires only `properties` of a user or a key and
 * nothing of a list or a request status; required here besides are only what no client can act
 * without: a user's or key's `id`, a request's `metadata.status`, and a revealed key's `secretKey`.
 *
 * `z.object` drops keys it does not declare, so the key schemas used for listing, creating and
 * updating leave `secretKey` out of everything the adapter keeps. Only `S3KeySecretSchema` reads it,
 * for an explicit reveal.
 */
import { z } from 'zod';

const metadataSchema = z
  .object({
    etag: z.string().nullish(),
    createdDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
  })
  .nullish();

export const ErrorBodySchema = z.object({
  httpStatus: z.number().optional(),
  messages: z.array(z.object({ errorCode: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish() })).nullish(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const UserSchema = z.object({
  id: z.string().min(1),
  metadata: metadataSchema,
  properties: z
    .object({
      firstname: z.string().nullish(),
      lastname: z.string().nullish(),
      email: z.string().nullish(),
      administrator: z.boolean().nullish(),
      active: z.boolean().nullish(),
    })
    .nullish(),
});
export type WireUser = z.infer<typeof UserSchema>;

/** `items` is optional in the spec (Users, S3Keys: no required fields); IONOS may leave an empty list out. */
export const UsersPageSchema = z.object({
  items: z.array(UserSchema).default([]),
  offset: z.number().nullish(),
  limit: z.number().nullish(),
  _links: z.object({ next: z.string().nullish() }).nullish(),
});

/** A key without its secret: what the model is built from. */
export const S3KeySchema = z.object({
  id: z.string().min(1),
  metadata: metadataSchema,
  properties: z.object({ active: z.boolean().nullish() }).nullish(),
});
export type WireS3Key = z.infer<typeof S3KeySchema>;

export const S3KeyListSchema = z.object({ items: z.array(S3KeySchema).default([]) });

/** A key read only to hand its secret to the user who asked for it. */
export const S3KeySecretSchema = z.object({
  id: z.string().min(1),
  properties: z.object({ secretKey: z.string().min(1) }),
});

export const RequestStatusSchema = z.object({
  metadata: z.object({
    status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
    message: z.string().nullish(),
  }),
});
export type RequestState = z.infer<typeof RequestStatusSchema>['metadata']['status'];

/**
 * A key as returned by create and by a single read: the secret is kept only long enough to wrap it
 * in a `Secret` (see keyReader.ts).
 */
export const S3KeyWithSecretSchema = z.object({
  id: z.string().min(1),
  metadata: metadataSchema,
  properties: z.object({ active: z.boolean().nullish(), secretKey: z.string().nullish() }).nullish(),
});
