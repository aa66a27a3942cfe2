/**
 * Code the extension needs only on demand ships as bundles of `dist/lazy/`, required on first use:
 * each works as built, and the extension bundle that loads at activation does not carry it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateRsaKeyPair } from '../../src/clouds/oci/publicKey';
import * as source from '../../src/operations/exports/ociProfileModule';
import * as generator from '../../src/terraform/generate';
import * as tableExport from '../../src/webview/shared/tableExport';
import { Secret } from '../../src/model/secret';
import { SecretNotStoredError } from '../../src/operations/keyOperations';
import * as rotationSource from '../../src/operations/rotation/engineModule';
import { tempDir } from './rotation/support';

const dist = path.resolve(__dirname, '..', '..', 'dist');
const bundle = path.join(dist, 'lazy', 'ociProfile.js');

describe('the OCI profile bundle (dist/lazy/ociProfile.js)', () => {
  it('exports what the source module exports, and writes a profile with its private key', async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`);
    const built = createRequire(__filename)(bundle) as typeof source;
    assert.deepEqual(Object.keys(built).sort(), Object.keys(source).sort());
    const home = tempDir();
    const configFile = path.join(home, '.oci', 'config');
    const keyFile = path.join(home, '.oci', 'ci.pem');
    const pair = generateRsaKeyPair(2048);
    const entries = {
      user: 'ocid1.user.oc1..u',
      fingerprint: pair.publicKey.fingerprint,
      tenancy: 'ocid1.tenancy.oc1..t',
      region: 'eu-frankfurt-1',
    };
    const plan = built.planOciProfile({ configFile, profile: 'ci', keyFile, entries });
    assert.ok(plan.diff.includes('+[ci]'), plan.diff);
    await built.applyOciProfile(plan, pair.privateKey);
    assert.equal(built.profileFingerprint(configFile, 'ci'), pair.publicKey.fingerprint);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  });

  it('is not part of dist/extension.js, which activation loads', () => {
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    // A message of the profile code and the diff library's separator line.
    assert.ok(!extension.includes('the same file as the config file, and writing the config would overwrite the key'));
    assert.ok(!extension.includes('='.repeat(67)));
    const lazy = fs.readFileSync(bundle, 'utf8');
    assert.ok(
      lazy.includes('the same file as the config file, and writing the config would overwrite the key'),
      'the check itself is sound',
    );
  });
});

describe('the Terraform generator bundle (dist/lazy/terraformGenerate.js)', () => {
  it('exports what the source module exports and sees a provider block the same way', () => {
    const file = path.join(dist, 'lazy', 'terraformGenerate.js');
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    const built = createRequire(__filename)(file) as typeof generator;
    assert.deepEqual(Object.keys(built).sort(), Object.keys(generator).sort());
    const text = 'terraform {\n  required_providers {\n    outscale = { source = "outscale/outscale" }\n  }\n}\n';
    assert.equal(built.declaresProvider(text, 'outscale'), generator.declaresProvider(text, 'outscale'));
    assert.equal(built.declaresProvider(text, 'outscale'), true);
    assert.equal(built.declaresProvider(text, 'ionos'), false);
  });
});

describe('the table export bundle (dist/lazy/tableExport.js)', () => {
  it('writes the same CSV as the source module, and csv-stringify stays out of dist/extension.js', () => {
    const file = path.join(dist, 'lazy', 'tableExport.js');
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    const built = createRequire(__filename)(file) as typeof tableExport;
    assert.deepEqual(Object.keys(built).sort(), Object.keys(tableExport).sort());
    assert.equal(built.toCsv([]), tableExport.toCsv([]));
    // An error code of csv-stringify's option checks.
    assert.ok(fs.readFileSync(file, 'utf8').includes('CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE'), 'the check itself is sound');
    assert.ok(!fs.readFileSync(path.join(dist, 'extension.js'), 'utf8').includes('CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE'));
  });
});

describe('the rotation engine and forms bundles (dist/lazy/rotationEngine.js, dist/lazy/forms.js)', () => {
  const load = <T>(name: string): T => {
    const file = path.join(dist, 'lazy', `${name}.js`);
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    return createRequire(__filename)(file) as T;
  };

  it('the engine bundle exports what its source module exports (the forms bundle needs VS Code: the integration tier opens it)', () => {
    assert.deepEqual(Object.keys(load<typeof rotationSource>('rotationEngine')).sort(), Object.keys(rotationSource).sort());
  });

  it("the engine's SecretNotStoredError is one for the extension bundle (and back), so the secret is still shown once", () => {
    const { SecretNotStoredError: Built } = load<typeof rotationSource>('rotationEngine');
    assert.notEqual(Built, SecretNotStoredError, 'a copy of the class, as in the running extension');
    const created = {
      key: { id: 'k', kind: 'access-key' as const, state: 'active' as const, userId: 'u', accountId: 'a' },
      secret: new Secret('s3cr3t'),
    };
    const error: unknown = new Built(created as never, new Error('storage failed'));
    assert.ok(error instanceof SecretNotStoredError);
    assert.ok(!(new Error('other') instanceof SecretNotStoredError));
    assert.ok(new SecretNotStoredError(created as never, undefined) instanceof Built);
  });

  it('are not part of dist/extension.js, which activation loads', () => {
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    // A message of the engine, one of the Rotate form's controller, and the pages' CSP (their panels and HTML are in the forms bundle).
    for (const [name, text] of [
      ['rotationEngine', 'Renewed in place: the old secret stopped working at once.'],
      ['forms', 'The plan changed before it started. Check the plan again'],
      ['forms', "default-src 'none'"],
    ]) {
      assert.ok(!extension.includes(text), `dist/extension.js carries "${text}"`);
      assert.ok(fs.readFileSync(path.join(dist, 'lazy', `${name}.js`), 'utf8').includes(text), `the check itself is sound for ${name}`);
    }
  });
});

describe('the commands bundle (dist/lazy/commands.js)', () => {
  it('carries the key, account, rotation, export, Terraform lens and create recovery commands, which are not part of dist/extension.js', () => {
    const file = path.join(dist, 'lazy', 'commands.js');
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    const lazy = fs.readFileSync(file, 'utf8');
    // A message of Delete Key, one of Export Key, one of Rotate Key's offer to rewrite the key's uses, one of a Terraform lens's action and one of the recovery of interrupted creates.
    for (const text of [
      'Anything that still uses this key will stop working. This cannot be undone.',
      'Only access keys (S3 keys) can be exported; API signing keys are used through the OCI config file.',
      'Rotate {0} and write the new key into these {1} files?',
      'Import existing key needs a resource: use it from a code lens above a key resource.',
      'interrupted key creation(s) could not be recovered; Cloud Keys will try again at the next start.',
    ]) {
      assert.ok(lazy.includes(text), `the check itself is sound for "${text}"`);
      assert.ok(!extension.includes(text), `dist/extension.js carries "${text}"`);
    }
  });
});

describe('the Terraform editor features bundle (dist/lazy/terraformLanguage.js)', () => {
  it('carries the lenses, the secret-output check and the snippet completions, which are not part of dist/extension.js', () => {
    const file = path.join(dist, 'lazy', 'terraformLanguage.js');
    assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    const lazy = fs.readFileSync(file, 'utf8');
    // The secret-output warning and the snippet completions' log line.
    for (const text of ['whose {2} is a secret the provider does not mark sensitive', 'Could not read the Terraform snippets:']) {
      assert.ok(lazy.includes(text), `the check itself is sound for "${text}"`);
      assert.ok(!extension.includes(text), `dist/extension.js carries "${text}"`);
    }
  });
});

describe('zod in the built bundles', () => {
  it('is carried once, by dist/lazy/zod.js: the extension bundle and every other lazy bundle load it from there', () => {
    const lazy = path.join(dist, 'lazy');
    const zodCore = '$ZodType';
    assert.ok(fs.readFileSync(path.join(lazy, 'zod.js'), 'utf8').includes(zodCore), 'the check itself is sound');
    const carriers = ['extension.js', ...fs.readdirSync(lazy).map((name) => path.join('lazy', name))]
      .filter((name) => name.endsWith('.js') && name !== path.join('lazy', 'zod.js'))
      .filter((name) => fs.readFileSync(path.join(dist, name), 'utf8').includes(zodCore));
    assert.deepEqual(carriers, []);
  });
});

describe('dist/extension.js as it loads', () => {
  it('requires node:fs, node:os and node:path once each, without a copy of the module per importing file', () => {
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    for (const name of ['node:fs', 'node:os', 'node:path']) {
      const requires = extension.split(`require("${name}")`).length - 1;
      assert.equal(requires, 1, `${name} is required ${requires} times`);
    }
  });

  it("does not load Node's crypto module, which activation does not use (it is required on first use)", () => {
    const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    assert.doesNotMatch(extension, /\brequire\(["']node:crypto["']\)/);
    assert.match(fs.readFileSync(path.join(dist, 'clouds', 'oci.js'), 'utf8'), /["']node:crypto["']/, 'the check itself is sound');
  });
});
