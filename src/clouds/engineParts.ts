import type { CloudId } from '../model/types';
import type { TerraformWriter } from './cloudDescriptor';
import { IONOS_CREDENTIAL_FORMATS } from './ionos/credentialFormats';
import { IONOS_LEAK_HINTS } from './ionos/leakHints';
import { ionosTerraformWriter } from './ionos/terraformWriter';
import { OCI_CREDENTIAL_FORMATS } from './oci/credentialFormats';
import { OCI_LEAK_HINTS } from './oci/leakHints';
import { ociTerraformWriter } from './oci/terraformWriter';
import { OUTSCALE_CREDENTIAL_FORMATS } from './outscale/credentialFormats';
import { OUTSCALE_LEAK_HINTS } from './outscale/leakHints';
import { outscaleTerraformWriter } from './outscale/terraformWriter';
import type { CredentialFormat } from './shared/credentialFormat';
import type { LeakHints } from './shared/leakHints';

/**
 * What only the engines loaded on first use need of a cloud (key matching, leak detection, Terraform
 * generation), each part from the cloud's own folder. Kept apart from `CLOUD_DESCRIPTORS`, which the
 * extension bundle loads at activation: nothing imports this from there.
 */
export interface CloudEngineParts {
  /** The shapes of its ids, secrets and fingerprints (`<cloud>/credentialFormats.ts`). */
  readonly credentialFormats: readonly CredentialFormat[];
  /** Its names and environment variables, for leak detection (`<cloud>/leakHints.ts`). */
  readonly leakHints: LeakHints;
  /** What the Terraform generator writes for it (`<cloud>/terraformWriter.ts`). */
  readonly terraformWriter: TerraformWriter;
}

/** Each cloud's engine parts: a new cloud registers its own here (and its descriptor in `descriptors.ts`). */
export const CLOUD_ENGINE_PARTS: Readonly<Record<CloudId, CloudEngineParts>> = {
  oci: { credentialFormats: OCI_CREDENTIAL_FORMATS, leakHints: OCI_LEAK_HINTS, terraformWriter: ociTerraformWriter },
  outscale: { credentialFormats: OUTSCALE_CREDENTIAL_FORMATS, leakHints: OUTSCALE_LEAK_HINTS, terraformWriter: outscaleTerraformWriter },
  ionos: { credentialFormats: IONOS_CREDENTIAL_FORMATS, leakHints: IONOS_LEAK_HINTS, terraformWriter: ionosTerraformWriter },
};
