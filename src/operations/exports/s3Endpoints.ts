import type { S3Place } from '../../clouds/cloudDescriptor';
import { cloudDescriptor } from '../../clouds/descriptors';
import type { CloudId } from '../../model/types';

/** Where a cloud's buckets are: what each cloud needs is its `CloudDescriptor.s3.needs`. */
export type S3Target = { readonly cloud: CloudId } & S3Place;

/** The S3-compatible endpoint and the region an S3 tool should use; throws a message naming what to fix. */
export function s3Endpoint(target: S3Target): { endpointUrl: string; region: string } {
  return cloudDescriptor(target.cloud).s3.endpoint(target);
}
