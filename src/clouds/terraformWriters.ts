import type { CloudId } from '../model/types';
import type { TerraformWriter } from './cloudDescriptor';
import { ionosTerraformWriter } from './ionos/terraformWriter';
import { ociTerraformWriter } from './oci/terraformWriter';
import { outscaleTerraformWriter } from './outscale/terraformWriter';

/**
 * What the Terraform generator writes for each cloud: a new cloud registers its writer here. Only
 * the generator (the lazy `dist/lazy/terraformGenerate.js`) imports this, so the extension bundle
 * holds none of it.
 */
export const TERRAFORM_WRITERS: Readonly<Record<CloudId, TerraformWriter>> = {
  oci: ociTerraformWriter,
  outscale: outscaleTerraformWriter,
  ionos: ionosTerraformWriter,
};
