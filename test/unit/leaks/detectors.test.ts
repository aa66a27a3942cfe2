import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leakMessage, severityOf } from '../../../src/leaks/attribution';
import { detectLeaks } from '../../../src/leaks/detect';
import { OwnerIndex } from '../../../src/leaks/ownerIndex';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { jwt } from './leakCorpus';

const ID = 'AB12CD34EF56GH78IJ90';
const SECRET = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw';
const DAY = 86_400_000;

async function indexOf(state: AccessKey['state'], withSecret = true): Promise<OwnerIndex> {
  const owners = new OwnerIndex();
  const key: AccessKey = {
    id: ID,
    accountId: 'osc:prod',
    userId: 'u1',
    kind: 'access-key',
    state,
    createdAt: new Date(Date.now() - 412 * DAY),
  };
  await owners.update(
    [{ account: { id: 'osc:prod', label: 'prod', cloud: 'outscale' }, user: { id: 'u1', name: 'bob.builder' }, keys: [key] }],
    async () => (withSecret ? new Secret(SECRET) : undefined),
  );
  return owners;
}

describe('Leak detectors and attribution', () => {
  it("names the owner, state and age of one of the user's keys, and never the secret", async () => {
    const owners = await indexOf('active');
    const leaks = detectLeaks(`const a = "${ID}";\nconst b = "${SECRET}";\n`, owners.index);
    assert.deepEqual(
      leaks.map((l) => [l.part, l.range.startLine, severityOf(l)]),
      [
        ['key-id', 0, 'warning'],
        ['secret', 1, 'error'],
      ],
    );
    const message = leakMessage(leaks[1]);
    assert.match(message, /^Secret key of bob\.builder's active OUTSCALE access key AB12CD34EF56GH78IJ90, 412 days old, in account "prod"/);
    assert.ok(!leaks.some((l) => leakMessage(l).includes(SECRET)));
  });

  it('grades an inactive key down, and a key the cloud no longer lists as deleted', async () => {
    const owners = await indexOf('inactive');
    const text = `id = "${ID}"\nsecret = "${SECRET}"\n`;
    assert.deepEqual(detectLeaks(text, owners.index).map(severityOf), ['information', 'warning']);
    await owners.update(
      [{ account: { id: 'osc:prod', label: 'prod', cloud: 'outscale' }, user: { id: 'u1', name: 'bob.builder' }, keys: [] }],
      async () => undefined,
    );
    const leaks = detectLeaks(text, owners.index);
    assert.deepEqual(leaks.map(severityOf), ['information', 'information']);
    assert.match(leakMessage(leaks[1]), /bob\.builder's deleted OUTSCALE access key/);
  });

  it("says 'not a key of your configured accounts' for a credential of the clouds' shape that is nobody's here", () => {
    const [leak] = detectLeaks(`export OSC_SECRET_KEY=${SECRET}\n`, undefined);
    assert.equal(leakMessage(leak), 'Looks like an OUTSCALE secret key: not a key of your configured accounts.');
    assert.equal(severityOf(leak), 'warning');
    assert.equal(leak.name, 'OSC_SECRET_KEY');
  });

  it("ties an unknown secret written next to a known key's id to that key, as probable", async () => {
    const owners = await indexOf('active', false);
    const leaks = detectLeaks(`OSC_ACCESS_KEY=${ID}\nOSC_SECRET_KEY=${SECRET}\n`, owners.index);
    assert.equal(leaks[1].probableOwner?.userName, 'bob.builder');
    assert.match(leakMessage(leaks[1]), /^Probably the secret key of bob\.builder's active OUTSCALE/);
  });

  it('stays quiet without a telling name, next to an AWS key id, inside a base64 blob, and under cloud-keys:ignore', () => {
    assert.deepEqual(detectLeaks(`cache = "${SECRET}"\n`, undefined), []);
    assert.deepEqual(detectLeaks(`aws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = ${SECRET}\n`, undefined), []);
    assert.deepEqual(detectLeaks(`secret_blob = "${SECRET}/${SECRET}+${SECRET}"\n`, undefined), []);
    assert.deepEqual(
      detectLeaks(`# cloud-keys:ignore\nOSC_SECRET_KEY=${SECRET}\nsecret = "${SECRET}" // cloud-keys:ignore\n`, undefined),
      [],
    );
  });

  it('finds IONOS tokens by issuer or by an IONOS name, and leaves other JWTs alone', () => {
    assert.deepEqual(
      detectLeaks(`token: ${jwt('ionoscloud')}\n`, undefined).map((l) => [l.part, l.clouds]),
      [['token', ['ionos']]],
    );
    assert.equal(detectLeaks(`IONOS_TOKEN=eyJ${'a'.repeat(40)}.eyJ${'b'.repeat(100)}.${'c'.repeat(80)}\n`, undefined).length, 1);
    assert.deepEqual(detectLeaks(`id_token: ${jwt('https://accounts.example.com')}\n`, undefined), []);
  });

  it("finds an IONOS account's own API token anywhere, by keyed hash, and names the account", () => {
    const owners = new OwnerIndex();
    const token = `eyJ${'a'.repeat(40)}.eyJ${'b'.repeat(120)}.${'c'.repeat(86)}`;
    owners.addAccountToken({ id: 'ionos:env', label: 'IONOS_TOKEN', cloud: 'ionos' }, new Secret(token));
    const [leak] = detectLeaks(`curl -H "Authorization: Bearer ${token}" https://api.example\n`, owners.index);
    assert.equal(leak.part, 'token');
    assert.equal(severityOf(leak), 'error');
    assert.equal(leakMessage(leak), 'API token of IONOS Cloud account "IONOS_TOKEN" written in the file: it opens the whole account.');
  });

  it('switches clouds off', async () => {
    const owners = await indexOf('active');
    assert.deepEqual(detectLeaks(`OSC_SECRET_KEY=${SECRET}\n`, owners.index, { clouds: new Set(['oci', 'ionos']) }), []);
  });

  it('gives editor positions in UTF-16 units after non-ASCII text', () => {
    const [leak] = detectLeaks(`// clé 🔑\nOSC_SECRET_KEY="${SECRET}" // é\n`, undefined);
    assert.deepEqual(leak.range, { startLine: 1, startCharacter: 16, endLine: 1, endCharacter: 56 });
    assert.equal(`// clé 🔑\nOSC_SECRET_KEY="${SECRET}" // é\n`.slice(leak.start, leak.end), SECRET);
  });
});
