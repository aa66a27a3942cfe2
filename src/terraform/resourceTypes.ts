import type { TerraformKeyResource } from '../clouds/cloudDescriptor';
import { CLOUD_DESCRIPTORS } from '../clouds/descriptors';
import { CLOUD_IDS, type CloudId, type KeyKind } from '../model/types';

/** A Terraform resource type that manages keys Cloud Keys shows (each cloud's `CloudDescriptor.terraform.keyResources`). */
export type KeyResourceType = string;

/** A key resource and the cloud whose descriptor states it. */
export interface KeyResourceInfo extends TerraformKeyResource {
  readonly cloud: CloudId;
}

/** Every cloud's key resources, by type. */
export const KEY_RESOURCES: Readonly<Record<KeyResourceType, KeyResourceInfo>> = Object.fromEntries(
  CLOUD_IDS.flatMap((cloud) => CLOUD_DESCRIPTORS[cloud].terraform.keyResources.map((r) => [r.type, { ...r, cloud }] as const)),
);

/** The Terraform resources that manage the keys Cloud Keys shows. */
export const KEY_RESOURCE_TYPES: readonly KeyResourceType[] = Object.keys(KEY_RESOURCES);

/** Each cloud's provider as `required_providers` names it. */
export const TERRAFORM_PROVIDERS: Readonly<Record<CloudId, { readonly localName: string; readonly source: string }>> = Object.fromEntries(
  CLOUD_IDS.map((cloud) => [cloud, CLOUD_DESCRIPTORS[cloud].terraform.provider]),
) as Record<CloudId, { readonly localName: string; readonly source: string }>;

export function isKeyResourceType(type: string): type is KeyResourceType {
  return Object.hasOwn(KEY_RESOURCES, type);
}

/** The resource type that manages a key of this kind in this cloud, if there is one. */
export function resourceTypeFor(cloud: CloudId, kind: KeyKind): KeyResourceType | undefined {
  return CLOUD_DESCRIPTORS[cloud].terraform.keyResources.find((r) => r.kind === kind)?.type;
}
