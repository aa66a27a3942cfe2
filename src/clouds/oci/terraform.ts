import { userAndKeyId, type TerraformData } from '../cloudDescriptor';

const SECRET_KEY_ID = /^users\/([^/]+)\/customerSecretKeys\/([^/]+)$/;
const API_KEY_ID = /^users\/([^/]+)\/apiKeys\/([^/]+)$/;

/** The OCI provider (oracle/oci) and its key resources; what it writes: `terraformWriter.ts`. */
export const ociTerraform: TerraformData = {
  provider: { localName: 'oci', source: 'oracle/oci' },
  keyResources: [
    {
      type: 'oci_identity_customer_secret_key',
      kind: 'access-key',
      secretAttribute: 'key',
      userArgument: 'user_id',
      importId: (key) => `users/${key.userId}/customerSecretKeys/${key.id}`,
      parseImportId: (id) => userAndKeyId(SECRET_KEY_ID, id),
    },
    {
      type: 'oci_identity_api_key',
      kind: 'api-signing-key',
      userArgument: 'user_id',
      importId: (key) => `users/${key.userId}/apiKeys/${key.fingerprint ?? key.id}`,
      parseImportId: (id) => userAndKeyId(API_KEY_ID, id),
    },
  ],
};
