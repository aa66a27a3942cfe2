import type * as OciProfileBundle from '../operations/exports/ociProfileModule';
import type * as TerraformGeneratorBundle from '../terraform/generate';
import { lazyBundle } from '../util/lazyBundles';

export type OciProfileModule = typeof OciProfileBundle;
export type TerraformGeneratorModule = typeof TerraformGeneratorBundle;

/** Saving and rotating OCI config profiles, with the OCI config parser and the `diff` library. */
export const loadOciProfileModule = lazyBundle<OciProfileModule>('ociProfile', 'OCI profile code');

/** "Generate Terraform": the HCL for accounts and keys. */
export const loadTerraformGenerator = lazyBundle<TerraformGeneratorModule>('terraformGenerate', 'Terraform generator');
