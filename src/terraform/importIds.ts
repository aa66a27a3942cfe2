import type { AccessKey } from '../model/types';
import type { KeyResourceType } from './resourceTypes';

/**
 * The id `terraform import` (or an `import` block) takes for a key, in each provider's own format:
 * OCI `users/{user}/customerSecretKeys/{id}` and `users/{user}/apiKeys/{fingerprint}`, OUTSCALE the
 * bare access key id, IONOS S3 keys `{user}/{key}`, IONOS Object Storage access keys their UUID.
 */
export function importIdFor(type: KeyResourceType, key: Pick<AccessKey, 'id' | 'userId' | 'fingerprint' | 'resourceId'>): string {
  switch (type) {
    case 'oci_identity_customer_secret_key':
      return `users/${key.userId}/customerSecretKeys/${key.id}`;
    case 'oci_identity_api_key':
      return `users/${key.userId}/apiKeys/${key.fingerprint ?? key.id}`;
    case 'outscale_access_key':
      return key.id;
    case 'ionoscloud_s3_key':
      return `${key.userId}/${key.id}`;
    case 'ionoscloud_object_storage_accesskey':
      return key.resourceId ?? key.id;
  }
}

/** What an import id names: the key, and the user where the format carries one. */
export interface ParsedImportId {
  readonly keyId: string;
  readonly userId?: string;
}

const OCI_SECRET = /^users\/([^/]+)\/customerSecretKeys\/([^/]+)$/;
const OCI_API = /^users\/([^/]+)\/apiKeys\/([^/]+)$/;
const IONOS = /^([^/]+)\/([^/]+)$/;
/** The resource id, a UUID (AccesskeysFindById), not the 92-character access key. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an import id back; undefined when it does not have the provider's format. */
export function parseImportId(type: KeyResourceType, id: string): ParsedImportId | undefined {
  const text = id.trim();
  const pair = (re: RegExp): ParsedImportId | undefined => {
    const m = re.exec(text);
    return m ? { userId: m[1], keyId: m[2] } : undefined;
  };
  switch (type) {
    case 'oci_identity_customer_secret_key':
      return pair(OCI_SECRET);
    case 'oci_identity_api_key':
      return pair(OCI_API);
    case 'outscale_access_key':
      return /^[^\s/]+$/.test(text) ? { keyId: text } : undefined;
    case 'ionoscloud_s3_key':
      return pair(IONOS);
    case 'ionoscloud_object_storage_accesskey':
      return UUID.test(text) ? { keyId: text } : undefined;
  }
}
