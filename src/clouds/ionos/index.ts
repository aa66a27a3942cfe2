/** The IONOS Cloud module, bundled as `dist/clouds/ionos.js` and loaded the first time IONOS is used. */
import type { CloudModule } from '../cloudModule';
import { discoverFromEnvironment } from './discovery';
import { IONOS_MANUAL_FIELDS } from './manualFields';
import { IonosProvider } from './provider';

export const cloudModule: CloudModule = {
  cloud: 'ionos',
  discoverAccounts: async (ctx) => {
    try {
      return discoverFromEnvironment(ctx);
    } catch {
      return { accounts: [], problems: [{ source: 'environment', message: 'The IONOS variables in the environment could not be read.' }] };
    }
  },
  // IONOS keeps no credentials file: accounts come from the environment or are entered by hand.
  configFiles: () => [],
  manualFields: IONOS_MANUAL_FIELDS,
  createProvider: (account, ctx) => new IonosProvider(account, ctx),
};

export { IonosProvider, UNKNOWN_CALLER_ID, type IonosProviderOptions } from './provider';
export { normaliseApiUrl, DEFAULT_API_URL } from './endpoint';
