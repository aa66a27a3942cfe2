import type { CloudDescriptor } from '../cloudDescriptor';
import { LOG_PREFIX } from './logPrefix';
import { ociTerraform } from './terraform';

const REGION = /^[a-z0-9-]+$/;
const NAMESPACE = /^[a-z0-9-]+$/i;

/** OCI without its SDK: see `CloudDescriptor`. */
export const ociDescriptor: CloudDescriptor = {
  logPrefix: LOG_PREFIX,
  userKeyKinds: ['access-key', 'api-signing-key'],
  accessKeyName: 'customer secret key',
  accessKeySecretLabel: 'Secret key',
  keyNameLabel: 'Display name',
  createPrompts: { 'access-key': 'name', 'api-signing-key': 'key-pair' },
  // A 47-character API key fingerprint, a 40-character customer secret key id: the row shows their last characters.
  shortKeyId: (id) => (id.length > 16 ? `…${id.slice(-11)}` : undefined),
  leakWords: { secret: 'secret', token: 'token' },
  rotationVerification: {
    'api-signing-key': 'The new API key is verified with a real call signed by its private key before the old key is touched.',
  },
  rotationCarriesExpiry: false,
  offersConfigProfile: true,
  s3: {
    needs: 'namespace',
    defaultRegion: 'us-ashburn-1',
    endpoint({ region = '', namespace = '' }) {
      if (!REGION.test(region)) throw new Error(`"${region}" is not an OCI region id such as eu-frankfurt-1.`);
      if (!NAMESPACE.test(namespace)) {
        throw new Error(
          `"${namespace}" is not an Object Storage namespace: copy it from the OCI console (Tenancy details → Object Storage namespace).`,
        );
      }
      return { endpointUrl: `https://${namespace.toLowerCase()}.compat.objectstorage.${region}.oraclecloud.com`, region };
    },
  },
  terraform: ociTerraform,
};
