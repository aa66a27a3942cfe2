#!/usr/bin/env node
// Installs what the integration and e2e tiers need to run real VS Code here: Debian's Chromium and
// build headers (as root; otherwise prints the command), Node 24 from the npm registry, and
// code-server built against it. Cached under ~/.cache/cloud-keys-tools (or CLOUD_KEYS_TOOLS_DIR),
// keyed by version.
//
// Several commands may run this at once (`npm test` and `npm run demo`, say): installing takes a
// lock in the tools folder, and each tool is installed into a temporary folder beside its own and
// renamed into place when complete, so no run ever sees, or deletes, another one's half-installed tool.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { acquireLock } from './lib/file-lock.mjs';
import { installInPlace } from './lib/install-in-place.mjs';
import {
  CODE_SERVER_VERSION,
  NODE24_PACKAGE,
  chromiumPath,
  codeServerDir,
  codeServerEntry,
  debianPackages,
  node24Bin,
  node24Dir,
  node24Package,
  readyMarker,
  toolsRoot,
} from './lib/tools.mjs';

function log(message) {
  process.stdout.write(`[setup-vscode] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** The path of `file` (inside `finalDir`) when that folder is being built at `dir` instead. */
function inside(dir, finalDir, file) {
  return path.join(dir, path.relative(finalDir, file));
}

/** The real steps; a test replaces them to exercise the locking and the folders without installing anything. */
export const realSteps = {
  missingSystemPackages() {
    return debianPackages.filter((name) => {
      const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
      return r.status !== 0 || !r.stdout.includes('install ok installed');
    });
  },

  installSystemPackages(missing) {
    const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
    if (process.getuid?.() !== 0) {
      throw new Error(`missing Debian packages: ${missing.join(', ')}. Run as root:\n  sudo sh -c '${command}'`);
    }
    log(`installing Debian packages: ${missing.join(' ')}`);
    run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  },

  installNode24(dir) {
    log(`installing ${NODE24_PACKAGE} into ${node24Dir}`);
    run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', NODE24_PACKAGE]);
  },

  installCodeServer(dir) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 3 minutes)`);
    // Drop the npm_* variables of an outer `npm test`: the postinstall reads the Node version from
    // npm_config_user_agent, which would otherwise still name the outer npm's Node 20.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    const env = {
      ...inherited,
      PATH: `${path.dirname(node24Bin)}:${process.env.PATH}`,
      npm_config_nodedir: node24Package,
      // npm 11 skips dependency install scripts unless allowed; code-server's postinstall runs a nested
      // npm install that builds its native modules, so the allowance must reach that one too.
      npm_config_dangerously_allow_all_scripts: 'true',
    };
    run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { env });
    // The postinstall builds VS Code's native modules; kerberos is the one that needs libkrb5-dev.
    const entry = inside(dir, codeServerDir, codeServerEntry);
    const postinstallDone = path.join(
      path.dirname(entry),
      '..',
      '..',
      'lib',
      'vscode',
      'node_modules',
      'kerberos',
      'build',
      'Release',
      'kerberos.node',
    );
    if (!fs.existsSync(postinstallDone)) {
      throw new Error('code-server installed but its postinstall step did not finish (native modules not built); see the npm output above');
    }
  },

  /** Checks the installed tools and describes them. */
  describe() {
    if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
    const version = execFileSync(node24Bin, [codeServerEntry, '--version'], { encoding: 'utf8' }).trim().split('\n')[0];
    return `code-server ${version}; chromium ${chromiumPath}`;
  },
};

const node24Ready = () => fs.existsSync(node24Bin);
const codeServerReady = () => fs.existsSync(readyMarker) && fs.existsSync(codeServerEntry);

/**
 * Makes sure every tool is installed. When all are there already it takes no lock, so a run never
 * waits behind another that is merely using the tools.
 * @param {{ steps?: typeof realSteps, lockWaitMs?: number }} [options]
 */
export async function setUpVsCode({ steps = realSteps, lockWaitMs } = {}) {
  if (!(node24Ready() && codeServerReady() && steps.missingSystemPackages().length === 0)) {
    fs.mkdirSync(toolsRoot, { recursive: true });
    const lock = await acquireLock(path.join(toolsRoot, '.setup.lock'), {
      log,
      ...(lockWaitMs === undefined ? {} : { waitMs: lockWaitMs }),
    });
    try {
      // Checked again under the lock: another run may have installed everything while this one waited.
      const missing = steps.missingSystemPackages();
      if (missing.length > 0) steps.installSystemPackages(missing);
      if (!node24Ready()) await installInPlace(node24Dir, (dir) => steps.installNode24(dir), { log });
      if (!codeServerReady()) {
        await installInPlace(
          codeServerDir,
          async (dir) => {
            await steps.installCodeServer(dir);
            fs.writeFileSync(inside(dir, codeServerDir, readyMarker), `${new Date().toISOString()}\n`);
          },
          { log },
        );
      }
    } finally {
      lock.release();
    }
  }
  log(`ready: ${steps.describe()}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  setUpVsCode().catch((error) => {
    process.stderr.write(`[setup-vscode] failed: ${error.message}\n`);
    process.exit(1);
  });
}
