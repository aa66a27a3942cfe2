import type { CloudDescriptor } from '../cloudDescriptor';
import { LOG_PREFIX } from './logPrefix';
import { IONOS_S3_LOCATIONS } from './s3Locations';
import { ionosTerraform } from './terraform';

/** IONOS Cloud without its adapter: see `CloudDescriptor`. */
export const ionosDescriptor: CloudDescriptor = {
  logPrefix: LOG_PREFIX,
  userKeyKinds: ['access-key'],
  accessKeyName: 'S3 key',
  accessKeySecretLabel: 'Secret key',
  keyNameLabel: 'Display name',
  createPrompts: { 'object-storage-access-key': 'description' },
  leakWords: { secret: 'secret', token: 'API token' },
  // The IONOS_TOKEN of the environment account, or the token typed in for a hand-entered one (as credentials.ts reads it).
  accountToken: { environmentVariable: 'IONOS_TOKEN', manualField: 'token' },
  rotationVerification: {},
  rotationCarriesExpiry: false,
  offersConfigProfile: false,
  s3: {
    needs: 'location',
    locations: IONOS_S3_LOCATIONS,
    endpoint({ location = '' }) {
      const endpointUrl = IONOS_S3_LOCATIONS[location];
      if (!endpointUrl)
        throw new Error(`"${location}" is not an IONOS S3 location; use one of ${Object.keys(IONOS_S3_LOCATIONS).join(', ')}.`);
      return { endpointUrl, region: location };
    },
  },
  terraform: ionosTerraform,
};
