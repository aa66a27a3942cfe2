import { secretNotInStateNote, type TerraformAttribute, type TerraformWriter } from '../cloudDescriptor';

/** What the Terraform generator writes for OCI (the resources of `terraform.ts`). */
export const ociTerraformWriter: TerraformWriter = {
  providerSettings(account) {
    const { origin } = account;
    const attributes: TerraformAttribute[] = [];
    const notes: string[] = [];
    if (origin.kind === 'config-file') {
      attributes.push({ name: 'config_file_profile', value: { string: origin.profile } });
      notes.push(`Credentials come from profile ${origin.profile} of ${origin.path}; the OCI provider reads ~/.oci/config.`);
      if (account.details?.auth === 'session-token') {
        attributes.push({ name: 'auth', value: { string: 'SecurityToken' } });
        notes.push(
          `Profile ${origin.profile} signs in with a session token: run \`oci session refresh --profile ${origin.profile}\` before terraform when it has expired.`,
        );
      }
    } else {
      notes.push('Give the provider the credentials of a profile of ~/.oci/config (config_file_profile): never put a private key here.');
    }
    if (account.region) attributes.push({ name: 'region', value: { string: account.region } });
    return { attributes, notes };
  },
  resources: {
    oci_identity_customer_secret_key: {
      arguments: (user, key) => ({
        attributes: [
          { name: 'display_name', value: { string: key.displayName ?? key.id } },
          { name: 'user_id', value: { string: user.id } },
        ],
        notes: [],
      }),
      importNote: secretNotInStateNote('key'),
    },
    oci_identity_api_key: {
      // key_value forces a new key when it changes: only the key's own public key keeps it.
      arguments: (user, key, name) => ({
        attributes: [
          {
            name: 'key_value',
            value: key.publicKeyPem
              ? { heredoc: key.publicKeyPem.trim().split(/\r?\n/) }
              : { expression: `file("\${path.module}/${name}.pem")` },
          },
          { name: 'user_id', value: { string: user.id } },
        ],
        notes: key.publicKeyPem
          ? []
          : [`Put the public key with fingerprint ${key.fingerprint ?? key.id} in ${name}.pem: any other key_value replaces this key.`],
      }),
      importNote: 'Terraform 1.5+ adopts the existing key on the next apply; an API signing key has no secret in state.',
    },
  },
};
