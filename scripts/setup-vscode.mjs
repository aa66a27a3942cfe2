#!/usr/bin/env node
// Installs what the integration and e2e tiers need to run real VS Code here: Debian's Chromium and
// build headers (as root; otherwise prints the command), Node 24 from the npm registry, and
// code-server built against it. Cached under ~/.cache/cloud-keys-tools, keyed by version.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_VERSION, NODE24_PACKAGE, chromiumPath, codeServerDir, codeServerEntry,
  debianPackages, node24Bin, node24Dir, node24Package, readyMarker,
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

function missingDebianPackages() {
  return debianPackages.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(', ')}. Run as root:\n  sudo sh -c '${command}'`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureNode24() {
  if (fs.existsSync(node24Bin)) return;
  log(`installing ${NODE24_PACKAGE} into ${node24Dir}`);
  fs.mkdirSync(node24Dir, { recursive: true });
  run('npm', ['install', '--prefix', node24Dir, '--no-audit', '--no-fund', NODE24_PACKAGE]);
}

function ensureCodeServer() {
  if (fs.existsSync(readyMarker) && fs.existsSync(codeServerEntry)) return;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 3 minutes)`);
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
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
  run('npm', ['install', '--prefix', codeServerDir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { env });
  // The postinstall builds VS Code's native modules; kerberos is the one that needs libkrb5-dev.
  const postinstallDone = path.join(path.dirname(codeServerEntry), '..', '..', 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node');
  if (!fs.existsSync(postinstallDone)) {
    throw new Error('code-server installed but its postinstall step did not finish (native modules not built); see the npm output above');
  }
  fs.writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
}

try {
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  const version = execFileSync(node24Bin, [codeServerEntry, '--version'], { encoding: 'utf8' }).trim().split('\n')[0];
  log(`ready: code-server ${version}; chromium ${chromiumPath}`);
} catch (error) {
  process.stderr.write(`[setup-vscode] failed: ${error.message}\n`);
  process.exit(1);
}
