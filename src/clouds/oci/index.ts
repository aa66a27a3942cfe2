import type { Account } from '../../model/types';
import type { CloudContext, CloudModule, ManualField } from '../cloudModule';
import type { CloudProvider } from '../provider';
import { discoverOciAccounts, ociConfigFiles } from './discovery';
import { OciProvider } from './provider';

/** The "Add Account" form for OCI: non-secret fields go to `Account.details`, secret ones to the CredentialStore. */
export const OCI_MANUAL_FIELDS: readonly ManualField[] = [
  { name: 'tenancy', label: 'Tenancy OCID', secret: false, required: true, placeholder: 'ocid1.tenancy.oc1..aaaa…' },
  { name: 'user', label: 'User OCID', secret: false, required: true, placeholder: 'ocid1.user.oc1..aaaa…' },
  {
    name: 'fingerprint',
    label: 'API key fingerprint',
    secret: false,
    required: true,
    placeholder: '12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0',
  },
  { name: 'region', label: 'Region', secret: false, required: true, placeholder: 'eu-frankfurt-1' },
  {
    name: 'privateKey',
    label: 'Private key (PEM)',
    secret: true,
    required: true,
    multiline: true,
    placeholder: '-----BEGIN PRIVATE KEY-----',
  },
  { name: 'passphrase', label: 'Private key passphrase', secret: true, required: false },
];

export const cloudModule: CloudModule = {
  cloud: 'oci',
  discoverAccounts: (ctx: CloudContext) => discoverOciAccounts(ctx),
  configFiles: (ctx: CloudContext) => ociConfigFiles(ctx),
  manualFields: OCI_MANUAL_FIELDS,
  createProvider: (account: Account, ctx: CloudContext): CloudProvider => new OciProvider(account, ctx),
};

export { OciProvider, type OciProviderOptions } from './provider';
export type { OciCreateKeyOptions } from './apiKeyUpload';
export { writePrivateKeyFile } from './privateKeyFile';
export { checkUploadablePublicKey, fingerprintOf, generateRsaKeyPair } from './publicKey';
export { passphraseCredentialName } from './signingCredentials';
