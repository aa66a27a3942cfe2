// npm 11 warns, at every `npm ci`, about each dependency with an install script that package.json's
// `allowScripts` does not cover ("not yet covered by allowScripts"). Every one must be decided.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; resolved?: string }>;
};

/** The package name of a lockfile entry such as `node_modules/a/node_modules/@scope/b`. */
const packageName = (location: string): string => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('dependency install scripts', () => {
  const withScripts = Object.entries(lock.packages).filter(([location, entry]) => location !== '' && entry.hasInstallScript);

  it('decides, in allowScripts, for every dependency the lockfile says has an install script', () => {
    assert.ok(withScripts.length > 0, 'the lockfile lists no install scripts at all: has its format changed?');
    const policy = manifest.allowScripts ?? {};
    const undecided = withScripts.map(([location]) => packageName(location)).filter((name) => typeof policy[name] !== 'boolean');
    assert.deepEqual(undecided, [], 'npm ci would warn that these install scripts are not yet covered by allowScripts');
  });

  it('names packages without a version, as npm can verify only those against this lockfile', () => {
    // npm checks a pinned entry (`pkg@1.2.3`) against the version in the lockfile's `resolved` URL;
    // without one it refuses the entry and warns again (npm's arborist, script-allowed.js).
    const pinned = Object.keys(manifest.allowScripts ?? {}).filter((key) => key.lastIndexOf('@') > 0);
    const resolvedUrls = withScripts.filter(([, entry]) => entry.resolved).length;
    if (resolvedUrls === 0) assert.deepEqual(pinned, [], 'pinned entries are ignored without resolved URLs in the lockfile');
  });
});
