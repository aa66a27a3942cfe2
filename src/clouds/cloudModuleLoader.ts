import fs from 'node:fs';
import path from 'node:path';
import { CloudError } from '../model/cloudError';
import type { CloudId } from '../model/types';

/**
 * Loads a cloud's adapter bundle (`dist/clouds/<cloud>.js`) the first time that cloud is used, so
 * activating the extension loads no cloud SDK. Each bundle is required at most once.
 */
export class CloudModuleLoader<TModule> {
  readonly #loaded = new Map<CloudId, TModule>();

  constructor(
    private readonly bundleDir: string,
    private readonly requireModule: (file: string) => unknown = require,
  ) {}

  /** Whether this build has an adapter bundle for the cloud (without loading it). */
  isAvailable(cloud: CloudId): boolean {
    return this.#loaded.has(cloud) || fs.existsSync(path.join(this.bundleDir, `${cloud}.js`));
  }

  isLoaded(cloud: CloudId): boolean {
    return this.#loaded.has(cloud);
  }

  load(cloud: CloudId): TModule {
    const cached = this.#loaded.get(cloud);
    if (cached) return cached;
    const file = path.join(this.bundleDir, `${cloud}.js`);
    let loaded: TModule;
    try {
      loaded = this.requireModule(file) as TModule;
    } catch (error) {
      throw new CloudError('config', `The ${cloud} adapter could not be loaded from ${file}. Reinstall the extension.`, {
        cloud,
        cause: error,
      });
    }
    this.#loaded.set(cloud, loaded);
    return loaded;
  }
}
