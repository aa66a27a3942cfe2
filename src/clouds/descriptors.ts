import type { CloudId } from '../model/types';
import type { CloudDescriptor } from './cloudDescriptor';
import { ionosDescriptor } from './ionos/descriptor';
import { ociDescriptor } from './oci/descriptor';
import { outscaleDescriptor } from './outscale/descriptor';

export type { CloudDescriptor } from './cloudDescriptor';

/** Each cloud's descriptor: a new cloud registers its own here (and its id in `CLOUD_IDS`). */
export const CLOUD_DESCRIPTORS: Readonly<Record<CloudId, CloudDescriptor>> = {
  oci: ociDescriptor,
  outscale: outscaleDescriptor,
  ionos: ionosDescriptor,
};

export function cloudDescriptor(cloud: CloudId): CloudDescriptor {
  return CLOUD_DESCRIPTORS[cloud];
}
