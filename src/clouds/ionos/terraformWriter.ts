import { environmentNote, secretNotInStateNote, type TerraformAttribute, type TerraformWriter } from '../cloudDescriptor';

/** What the Terraform generator writes for IONOS Cloud (the resources of `terraform.ts`). */
export const ionosTerraformWriter: TerraformWriter = {
  providerSettings(account) {
    const { origin } = account;
    const attributes: TerraformAttribute[] = [];
    if (account.details?.contractNumber) attributes.push({ name: 'contract_number', value: { string: account.details.contractNumber } });
    if (account.endpoint) attributes.push({ name: 'endpoint', value: { string: account.endpoint } });
    return {
      attributes,
      notes: [
        environmentNote(origin, 'Set IONOS_TOKEN (or IONOS_USERNAME and IONOS_PASSWORD) in the environment: never put a secret here.'),
      ],
    };
  },
  resources: {
    ionoscloud_s3_key: {
      arguments: (user, key) => {
        const attributes: TerraformAttribute[] = [{ name: 'user_id', value: { string: user.id } }];
        if (key.state === 'active' || key.state === 'inactive')
          attributes.push({ name: 'active', value: { expression: String(key.state === 'active') } });
        return { attributes, notes: [] };
      },
      importNote:
        'Terraform 1.5+ adopts the existing key on the next apply. IONOS returns secret_key on every read, so it lands in the state file: keep the state encrypted.',
    },
    ionoscloud_object_storage_accesskey: {
      // Owned by the contract: no user argument. The provider reads only IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT for its endpoint.
      arguments: (_user, key) => ({
        attributes: key.displayName ? [{ name: 'description', value: { string: key.displayName } }] : [],
        notes: [
          'Owned by the contract; Terraform reaches it through the Object Storage Management API (https://s3.ionos.com, or IONOS_API_URL_OBJECT_STORAGE_MANAGEMENT).',
        ],
      }),
      importNote: secretNotInStateNote('secretkey'),
    },
  },
};
