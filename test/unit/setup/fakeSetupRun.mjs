// One run of scripts/setup-vscode.mjs with its install steps replaced by fake slow installers, for
// setupVsCode.test.ts. Run with CLOUD_KEYS_TOOLS_DIR set to a temporary folder; FAKE_INSTALL_MS is
// how long each fake install takes, FAKE_EVENTS the file where the installs are recorded, and
// LOCK_WAIT_MS (optional) how long to wait for the lock.
import fs from 'node:fs';
import path from 'node:path';
import { setUpVsCode } from '../../../scripts/setup-vscode.mjs';
import { codeServerDir, codeServerEntry, node24Bin, node24Dir, readyMarker } from '../../../scripts/lib/tools.mjs';

const record = (event) => fs.appendFileSync(process.env.FAKE_EVENTS, `${event} ${process.pid}\n`);

/**
 * Like npm, it fails when its folder is changed under it: it leaves a file of its own, waits, and
 * checks that file is still there before it writes the rest.
 */
async function slowInstall(tool, dir, finalDir, file) {
  record(`start ${tool}`);
  const own = path.join(dir, `installing-${process.pid}`);
  fs.writeFileSync(own, '');
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.FAKE_INSTALL_MS ?? 500)));
  if (!fs.existsSync(own)) throw new Error(`${tool}: the folder being installed into was removed by someone else`);
  fs.rmSync(own);
  const target = path.join(dir, path.relative(finalDir, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${tool} installed by ${process.pid}\n`);
  record(`end ${tool}`);
}

await setUpVsCode({
  lockWaitMs: process.env.LOCK_WAIT_MS ? Number(process.env.LOCK_WAIT_MS) : undefined,
  steps: {
    missingSystemPackages: () => [],
    installSystemPackages: () => {
      throw new Error('no system packages in this test');
    },
    installNode24: (dir) => slowInstall('node24', dir, node24Dir, node24Bin),
    installCodeServer: (dir) => slowInstall('code-server', dir, codeServerDir, codeServerEntry),
    describe: () => {
      for (const file of [node24Bin, codeServerEntry, readyMarker]) {
        if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
      }
      return 'fake tools complete';
    },
  },
}).catch((error) => {
  process.stderr.write(`[setup-vscode] failed: ${error.message}\n`);
  process.exit(1);
});
