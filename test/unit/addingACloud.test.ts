// docs/architecture.md, "Adding a cloud", checked against the code: the files it names exist in every
// cloud's folder, every cloud is registered where it says, and no code outside src/clouds/ tests a
// cloud by its name (what differs between clouds is a field of its descriptor).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CLOUD_DESCRIPTORS } from '../../src/clouds/descriptors';
import { CLOUD_ENGINE_PARTS } from '../../src/clouds/engineParts';
import { CLOUD_IDS, CLOUD_NAMES } from '../../src/model/types';

const root = path.resolve(__dirname, '..', '..');
const architecture = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');

function section(heading: string): string {
  const start = architecture.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `docs/architecture.md has no "## ${heading}" section`);
  const end = architecture.indexOf('\n## ', start + 1);
  return architecture.slice(start, end < 0 ? undefined : end);
}

const adding = section('Adding a cloud');
const folderPart = adding.slice(adding.indexOf('In `src/clouds/<cloud>/`:'), adding.indexOf('Its registration lines:'));
const registrationPart = adding.slice(adding.indexOf('Its registration lines:'));
const sameIds = (record: object): string[] => Object.keys(record).sort();

/**
 * Comparisons of a cloud id with a literal left outside src/clouds/, each with why. Empty: every
 * per-cloud choice is a field of the cloud's descriptor or engine parts.
 */
const ALLOWED_CLOUD_TESTS: readonly string[] = [];

describe('Adding a cloud (docs/architecture.md)', () => {
  it("names the files of a cloud's folder, and every cloud has each of them", () => {
    const files = [...folderPart.matchAll(/^\d+\. `([\w.]+)`/gm)].map((m) => m[1]);
    assert.ok(files.length >= 6, `expected the folder's files as a numbered list, found ${files.join(', ') || 'none'}`);
    for (const cloud of CLOUD_IDS) {
      for (const file of files) {
        assert.ok(fs.existsSync(path.join(root, 'src', 'clouds', cloud, file)), `src/clouds/${cloud}/${file} is missing`);
      }
    }
  });

  it('names registration files that exist, for every cloud', () => {
    const paths = [...registrationPart.matchAll(/`((?:src|test|scripts)\/[^`]+|package\.json)`/g)].map((m) => m[1]);
    assert.ok(paths.length >= 5, `expected the registration files, found ${paths.join(', ') || 'none'}`);
    for (const cloud of CLOUD_IDS) {
      for (const named of paths) {
        const file = named.replace('<cloud>', cloud);
        assert.ok(fs.existsSync(path.join(root, file)), `${file} (named in "Adding a cloud") is missing`);
      }
    }
  });

  it('registers every cloud id in each registry the section names', () => {
    const ids = [...CLOUD_IDS].sort();
    assert.deepEqual(sameIds(CLOUD_NAMES), ids);
    assert.deepEqual(sameIds(CLOUD_DESCRIPTORS), ids);
    assert.deepEqual(sameIds(CLOUD_ENGINE_PARTS), ids);
    const emulators = fs.readFileSync(path.join(root, 'scripts', 'lib', 'emulators.mjs'), 'utf8');
    for (const cloud of CLOUD_IDS)
      assert.match(emulators, new RegExp(`id: '${cloud}'`), `scripts/lib/emulators.mjs does not start the ${cloud} emulator`);
  });

  it("gives each Terraform resource of a descriptor a writer, and a writer only to the cloud's own resources", () => {
    const seen = new Set<string>();
    for (const cloud of CLOUD_IDS) {
      const types = CLOUD_DESCRIPTORS[cloud].terraform.keyResources.map((r) => r.type);
      for (const type of types) {
        assert.ok(!seen.has(type), `${type} is stated by two clouds`);
        seen.add(type);
      }
      assert.deepEqual(Object.keys(CLOUD_ENGINE_PARTS[cloud].terraformWriter.resources).sort(), [...types].sort(), cloud);
      assert.ok(
        CLOUD_ENGINE_PARTS[cloud].credentialFormats.every((f) => f.cloud === cloud),
        `${cloud}'s credential formats name another cloud`,
      );
      assert.equal(CLOUD_ENGINE_PARTS[cloud].leakHints.cloud, cloud);
    }
  });

  it('leaves no comparison with a cloud id outside src/clouds/', () => {
    const ids = CLOUD_IDS.join('|');
    const test = new RegExp(`(?:[!=]==\\s*|case\\s+)'(?:${ids})'|'(?:${ids})'\\s*[!=]==`);
    const src = path.join(root, 'src');
    const found: string[] = [];
    for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.startsWith(`clouds${path.sep}`)) continue;
      fs.readFileSync(path.join(src, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (test.test(line)) found.push(`src/${file.split(path.sep).join('/')}:${i + 1}: ${line.trim()}`);
        });
    }
    const unexpected = found.filter((hit) => !ALLOWED_CLOUD_TESTS.some((allowed) => hit.startsWith(allowed)));
    assert.deepEqual(unexpected, [], "put the choice in the cloud's descriptor (src/clouds/<cloud>/descriptor.ts) instead");
  });
});
