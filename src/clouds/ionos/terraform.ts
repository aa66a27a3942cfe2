import { userAndKeyId, type TerraformData } from '../cloudDescriptor';
import { CONTRACT_KEYS_ENTRY_ID } from './constants';

/** The resource id, a UUID (AccesskeysFindById), not the 92-character access key. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_AND_KEY = /^([^/]+)\/([^/]+)$/;

/** The IONOS Cloud provider (ionos-cloud/ionoscloud) and its key resources; what it writes: `terraformWriter.ts`. */
export const ionosTerraform: TerraformData = {
  provider: { localName: 'ionoscloud', source: 'ionos-cloud/ionoscloud' },
  keyResources: [
    {
      type: 'ionoscloud_s3_key',
      kind: 'access-key',
      secretAttribute: 'secret_key',
      userArgument: 'user_id',
      importId: (key) => `${key.userId}/${key.id}`,
      parseImportId: (id) => userAndKeyId(USER_AND_KEY, id),
    },
    {
      // terraform-provider-ionoscloud, objectstoragemanagement/resource_object_storage_accesskey.go: `description` optional; `secretkey` computed.
      type: 'ionoscloud_object_storage_accesskey',
      kind: 'object-storage-access-key',
      secretAttribute: 'secretkey',
      ownerEntryId: CONTRACT_KEYS_ENTRY_ID,
      importId: (key) => key.resourceId ?? key.id,
      parseImportId: (id) => (UUID.test(id.trim()) ? { keyId: id.trim() } : undefined),
    },
  ],
};
