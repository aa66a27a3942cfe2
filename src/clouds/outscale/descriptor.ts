import type { CloudDescriptor } from '../cloudDescriptor';
import { LOG_PREFIX } from './logPrefix';
import { DEFAULT_REGION } from './constants';
import { outscaleTerraform } from './terraform';

const REGION = /^[a-z0-9-]+$/;

/** OUTSCALE without its adapter: see `CloudDescriptor`. */
export const outscaleDescriptor: CloudDescriptor = {
  logPrefix: LOG_PREFIX,
  userKeyKinds: ['access-key'],
  accessKeyName: 'access key',
  accessKeySecretLabel: 'Secret access key',
  keyNameLabel: 'Tag',
  createPrompts: { 'access-key': 'expiry' },
  leakWords: { secret: 'secret key', token: 'token' },
  rotationVerification: { 'access-key': 'The new key is verified with a real call signed by it before the old key is touched.' },
  rotationCarriesExpiry: true,
  offersConfigProfile: false,
  s3: {
    needs: 'region',
    defaultRegion: DEFAULT_REGION,
    endpoint({ region = '' }) {
      if (!REGION.test(region)) throw new Error(`"${region}" is not an OUTSCALE region such as eu-west-2.`);
      return { endpointUrl: `https://oos.${region}.outscale.com`, region };
    },
  },
  terraform: outscaleTerraform,
};
