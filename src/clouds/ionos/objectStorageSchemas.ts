/**
 * The wire shapes of IONOS's Object Storage Management API that the adapter reads, validated with
 * zod. From the SDK's model docs (sdk-go-bundle objectstoragemanagement v2.0.0, docs/models):
 * AccessKeyRead requires `id`, `metadata` (`status`, `supportedRegions`) and `properties`
 * (`description`, `accessKey`, `secretKey`); required here is only what no client can act without,
 * the key's `id`; everything else is read when present. The JSON names are the camelCase of the
 * SDK's field names (UNCONFIRMED: the docs give only the Go names).
 *
 * `secretKey` is read only by `AccessKeyWithSecretSchema`, for the answers to create and renew;
 * `z.object` drops it from everything else.
 */
import { z } from 'zod';

const metadataSchema = z
  .object({
    createdDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
    /** AVAILABLE, PROVISIONING, DESTROYING or FAILED (MetadataWithStatus.md), a plain string in the model. */
    status: z.string().nullish(),
    statusMessage: z.string().nullish(),
    administrative: z.boolean().nullish(),
    supportedRegions: z.array(z.string()).nullish(),
  })
  .nullish();

const propertiesSchema = z
  .object({
    description: z.string().nullish(),
    /** "a string of 92 characters" (AccessKey.md). */
    accessKey: z.string().nullish(),
  })
  .nullish();

export const AccessKeyReadSchema = z.object({ id: z.string().min(1), metadata: metadataSchema, properties: propertiesSchema });
export type WireAccessKey = z.infer<typeof AccessKeyReadSchema>;

export const AccessKeyWithSecretSchema = AccessKeyReadSchema.extend({
  properties: z
    .object({
      description: z.string().nullish(),
      accessKey: z.string().nullish(),
      secretKey: z.string().nullish(),
    })
    .nullish(),
});

export const AccessKeyListSchema = z.object({
  items: z.array(AccessKeyReadSchema).nullish(),
  _links: z.object({ next: z.string().nullish() }).nullish(),
});
