import type { CloudId, KeyKind } from '../model/types';

/** The Terraform resources that manage the keys Cloud Keys shows. */
export const KEY_RESOURCE_TYPES = [
  'oci_identity_customer_secret_key',
  'oci_identity_api_key',
  'outscale_access_key',
  'ionoscloud_s3_key',
  'ionoscloud_object_storage_accesskey',
] as const;
export type KeyResourceType = (typeof KEY_RESOURCE_TYPES)[number];

export interface KeyResourceInfo {
  readonly cloud: CloudId;
  readonly kind: KeyKind;
  /** The computed attribute holding the secret; none of the providers marks it sensitive. */
  readonly secretAttribute?: string;
  /** The argument naming the user; none for a key owned by the contract. */
  readonly userArgument?: 'user_id' | 'user_name';
}

export const KEY_RESOURCES: Readonly<Record<KeyResourceType, KeyResourceInfo>> = {
  oci_identity_customer_secret_key: { cloud: 'oci', kind: 'access-key', secretAttribute: 'key', userArgument: 'user_id' },
  oci_identity_api_key: { cloud: 'oci', kind: 'api-signing-key', userArgument: 'user_id' },
  outscale_access_key: { cloud: 'outscale', kind: 'access-key', secretAttribute: 'secret_key', userArgument: 'user_name' },
  ionoscloud_s3_key: { cloud: 'ionos', kind: 'access-key', secretAttribute: 'secret_key', userArgument: 'user_id' },
  // terraform-provider-ionoscloud, objectstoragemanagement/resource_object_storage_accesskey.go: `description` optional; `secretkey` computed.
  ionoscloud_object_storage_accesskey: { cloud: 'ionos', kind: 'object-storage-access-key', secretAttribute: 'secretkey' },
};

/** Each cloud's provider as `required_providers` names it. */
export const TERRAFORM_PROVIDERS: Readonly<Record<CloudId, { readonly localName: string; readonly source: string }>> = {
  oci: { localName: 'oci', source: 'oracle/oci' },
  outscale: { localName: 'outscale', source: 'outscale/outscale' },
  ionos: { localName: 'ionoscloud', source: 'ionos-cloud/ionoscloud' },
};

export function isKeyResourceType(type: string): type is KeyResourceType {
  return (KEY_RESOURCE_TYPES as readonly string[]).includes(type);
}

/** The resource type that manages a key of this kind in this cloud, if there is one. */
export function resourceTypeFor(cloud: CloudId, kind: KeyKind): KeyResourceType | undefined {
  return KEY_RESOURCE_TYPES.find((type) => KEY_RESOURCES[type].cloud === cloud && KEY_RESOURCES[type].kind === kind);
}
