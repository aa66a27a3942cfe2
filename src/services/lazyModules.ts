import type * as OciProfileBundle from '../operations/exports/ociProfileModule';
import type * as RotationEngineBundle from '../operations/rotation/engineModule';
import type * as TerraformGeneratorBundle from '../terraform/generate';
import type * as FormsBundle from '../features/forms/formControllers';
import { lazyBundle } from '../util/lazyBundles';

export type OciProfileModule = typeof OciProfileBundle;
export type TerraformGeneratorModule = typeof TerraformGeneratorBundle;
export type RotationEngineModule = typeof RotationEngineBundle;
export type FormsModule = typeof FormsBundle;

/** Saving and rotating OCI config profiles, with the OCI config parser and the `diff` library. */
export const loadOciProfileModule = lazyBundle<OciProfileModule>('ociProfile', 'OCI profile code');

/** "Generate Terraform": the HCL for accounts and keys. */
export const loadTerraformGenerator = lazyBundle<TerraformGeneratorModule>('terraformGenerate', 'Terraform generator');

/** The rotation engine and the export updater, the first time a rotation runs or is looked up. */
export const loadRotationEngineModule = lazyBundle<RotationEngineModule>('rotationEngine', 'rotation engine');

/** The forms' host-side controllers (Create Key, Rotate, Key Age Overview, Key Details), the first time a form opens. */
export const loadFormControllers = lazyBundle<FormsModule>('forms', 'forms');
