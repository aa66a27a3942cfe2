import fs from 'node:fs';
import path from 'node:path';
import { CloudError } from '../../model/cloudError';
import type { Secret } from '../../model/secret';

/**
 * Writes a generated private key to a file the user chose, readable by them alone (mode 0600).
 * Refuses to overwrite an existing file, so a key in use is never lost.
 */
export async function writePrivateKeyFile(file: string, privateKey: Secret): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const handle = await fs.promises.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(privateKey.reveal(), 'utf8');
      // The process umask can only remove bits; set the mode explicitly all the same.
      await handle.chmod(0o600);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EEXIST'
        ? `${file} already exists; choose another file name so no key is overwritten.`
        : `The private key could not be written to ${file} (${code ?? 'unknown error'}). It is still in Cloud Keys' secret storage.`;
    throw new CloudError('config', message, { cloud: 'oci' });
  }
}
