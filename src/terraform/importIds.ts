import type { AccessKey } from '../model/types';
import { KEY_RESOURCES, type KeyResourceType } from './resourceTypes';

/**
 * The id `terraform import` (or an `import` block) takes for a key, in each provider's own format
 * (the cloud's `TerraformKeyResource.importId`): OCI `users/{user}/customerSecretKeys/{id}` and
 * `users/{user}/apiKeys/{fingerprint}`, OUTSCALE the bare access key id, IONOS S3 keys
 * `{user}/{key}`, IONOS Object Storage access keys their UUID.
 */
export function importIdFor(type: KeyResourceType, key: Pick<AccessKey, 'id' | 'userId' | 'fingerprint' | 'resourceId'>): string {
  return KEY_RESOURCES[type].importId(key);
}

/** What an import id names: the key, and the user where the format carries one. */
export interface ParsedImportId {
  readonly keyId: string;
  readonly userId?: string;
}

/** Reads an import id back; undefined when it does not have the provider's format. */
export function parseImportId(type: KeyResourceType, id: string): ParsedImportId | undefined {
  return KEY_RESOURCES[type]?.parseImportId(id);
}
