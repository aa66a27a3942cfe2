import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateRsaKeyPair } from '../../../src/clouds/oci/publicKey';
import { indexOfKeys, type LabelledKeyAddress } from '../../../src/keyMatching';
import { findKeyUses, type KeyUse } from '../../../src/keyUses/finder';
import { placesFor } from '../../../src/keyUses/places';
import { ionosFixture, ociFixture, outscaleFixture, tempDir, type CloudFixture } from '../rotation/support';
import { Corpus, type PlantedKey } from './corpus';

/** Keys made by each emulator through the real adapters, with their secrets as the adapters return them. */
async function emulatorKeys(): Promise<{ keys: PlantedKey[]; fixtures: CloudFixture[] }> {
  const fixtures = [await outscaleFixture(), await ociFixture('access-key'), await ociFixture('api-signing-key'), await ionosFixture()];
  const keys: PlantedKey[] = [];
  for (const fixture of fixtures) {
    const provider = await fixture.newProvider();
    if (fixture.kind === 'api-signing-key') {
      const pair = generateRsaKeyPair();
      const created = await provider.createKey(fixture.userId, 'api-signing-key', { publicKeyPem: pair.publicKey.pem });
      keys.push({ key: created.key, privateKeyPem: pair.privateKey.reveal() });
    } else {
      const created = await provider.createKey(fixture.userId, fixture.kind, {});
      keys.push({ key: created.key, secret: created.secret });
    }
  }
  return { keys, fixtures };
}

const describeUse = (u: { file: string; line: number; kind: string; keyId: string }) => `${u.kind} of ${u.keyId} at ${u.file}:${u.line}`;

describe('Find uses of a key: a planted corpus of emulator keys', () => {
  let keys: PlantedKey[];
  let fixtures: CloudFixture[];
  let corpus: Corpus;
  let uses: KeyUse<LabelledKeyAddress>[];
  let summary: Awaited<ReturnType<typeof findKeyUses>>;

  before(async () => {
    ({ keys, fixtures } = await emulatorKeys());
    corpus = new Corpus(tempDir());
    const decoyPem = generateRsaKeyPair().privateKey.reveal();
    for (const [i, planted] of keys.entries()) {
      if (planted.privateKeyPem) corpus.plantApiKey(`k${i}`, planted.key.fingerprint ?? planted.key.id, planted.privateKeyPem, decoyPem);
      else corpus.plantAccessKey(`k${i}`, planted.key.id, planted.secret!.reveal());
    }
    // A .gitignore leaves out a credential file (still searched), a plain file and a folder (not searched).
    const first = keys.find((k) => k.secret)!;
    corpus.write('.gitignore', ['.env.local', 'notes.txt', 'ignored/']);
    corpus.write('.env.local', [{ text: `KEY=${first.key.id}`, plants: [{ kind: 'key-id', keyId: first.key.id }] }]);
    corpus.write('notes.txt', [`KEY=${first.key.id}`]);
    corpus.write('ignored/.env', [`KEY=${first.key.id}`]);
    fs.writeFileSync(path.join(corpus.root, 'image.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(first.key.id)]));
    fs.writeFileSync(path.join(corpus.root, 'huge.log'), `${first.key.id}\n${'x'.repeat(300_000)}`);

    const index = indexOfKeys(keys.map(({ key, secret }) => ({ key, secret })));
    uses = [];
    const places = await placesFor(
      { workspaceFolders: [corpus.root], exclude: [], onlyCredentialFiles: false, cliFiles: false, shellRcFiles: false, extraFolders: [] },
      corpus.root,
      {},
    );
    summary = await findKeyUses(index, places, { maxFileBytes: 200_000, onUses: (found) => uses.push(...found) });
  });

  after(async () => {
    for (const fixture of fixtures ?? []) await fixture.close();
  });

  it('finds every planted use, in every file type, encoding and quoting style', () => {
    assert.ok(corpus.planted.length > 60, `only ${corpus.planted.length} planted`);
    const found = new Set(uses.map((u) => describeUse({ ...u, keyId: u.ref.keyId })));
    const missing = corpus.planted.map(describeUse).filter((p) => !found.has(p));
    assert.deepEqual(missing, [], `missed ${missing.length} of ${corpus.planted.length} planted uses`);
  });

  it('reports nothing that was not planted: no decoy, no ignored file, no binary or oversized file', () => {
    const planted = new Set(corpus.planted.map(describeUse));
    const extra = uses.map((u) => describeUse({ ...u, keyId: u.ref.keyId })).filter((u) => !planted.has(u));
    assert.deepEqual(extra, []);
    assert.equal(summary.skippedBinary, 1);
    assert.equal(summary.skippedLarge, 1);
  });

  it('points at the column where the value starts, as an editor counts it', () => {
    const wide = uses.find((u) => u.file.endsWith('wide.txt') && u.kind === 'key-id')!;
    assert.equal(wide.column, 'utf-16 file: '.length);
    const bom = uses.find((u) => u.file.endsWith('.env.production') && u.kind === 'key-id')!;
    assert.equal(bom.column, "AWS_ACCESS_KEY_ID='".length);
  });

  it('tells the file kinds apart, Terraform state among them', () => {
    const kinds = new Set(uses.map((u) => u.fileKind));
    for (const kind of ['dotenv', 'tfvars', 'terraform-state', 'ci', 'aws-credentials', 'oci-config', 'private-key'])
      assert.ok(kinds.has(kind as never), `no use found in a ${kind} file`);
  });

  it('keeps no secret in what it reports', () => {
    const text = JSON.stringify(uses) + JSON.stringify(summary);
    for (const { secret } of keys) if (secret) assert.ok(!text.includes(secret.reveal()), 'a secret is in the results');
  });
});
