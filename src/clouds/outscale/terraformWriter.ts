import { environmentNote, secretNotInStateNote, type TerraformAttribute, type TerraformWriter } from '../cloudDescriptor';
import { ACCOUNT_USER_ID } from './constants';

/** What the Terraform generator writes for OUTSCALE (the resource of `terraform.ts`). */
export const outscaleTerraformWriter: TerraformWriter = {
  providerSettings(account) {
    const { origin } = account;
    if (origin.kind === 'config-file') {
      return {
        attributes: [
          { name: 'config_file', value: { string: origin.path } },
          { name: 'profile', value: { string: origin.profile } },
        ],
        notes: [`Credentials come from profile ${origin.profile} of ${origin.path}.`],
      };
    }
    return {
      attributes: account.region ? [{ name: 'region', value: { string: account.region }, block: 'api' }] : [],
      notes: [environmentNote(origin, 'Set OSC_ACCESS_KEY and OSC_SECRET_KEY in the environment: never put a secret key here.')],
    };
  },
  resources: {
    outscale_access_key: {
      arguments: (user, key) => {
        const attributes: TerraformAttribute[] = [];
        if (user.id !== ACCOUNT_USER_ID) attributes.push({ name: 'user_name', value: { string: user.id } });
        if (key.state === 'active' || key.state === 'inactive')
          attributes.push({ name: 'state', value: { string: key.state.toUpperCase() } });
        if (key.expiresAt) attributes.push({ name: 'expiration_date', value: { string: key.expiresAt.toISOString() } });
        if (key.displayName) attributes.push({ name: 'tag', value: { string: key.displayName } });
        return { attributes, notes: [] };
      },
      importNote: secretNotInStateNote('secret_key'),
    },
  },
};
