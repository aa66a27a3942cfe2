import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { Secret } from '../../../src/model/secret';
import { applyAwsProfile, planAwsProfile, previewAwsProfile, validateProfileName } from '../../../src/operations/exports/awsProfile';
import { readDotenvVariable, setDotenvVariables, writeDotenv } from '../../../src/operations/exports/dotenv';
import { ExportUpdater } from '../../../src/operations/exports/exportUpdater';
import { awsVariables, keyAsJson } from '../../../src/operations/exports/formats';
import { ExportRecords, MemoryExportStorage, type ExportRecord } from '../../../src/operations/exports/records';
import { s3Endpoint } from '../../../src/operations/exports/s3Endpoints';
import { logger, tempDir } from './support';

const SECRET = new Secret('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY=');

const EXISTING_CREDENTIALS = `# my credentials, keep this comment
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = defaultsecret

[work]
; another comment
aws_access_key_id = AKIAWORK
aws_secret_access_key = worksecret
aws_session_token = tok
`;

const EXISTING_CONFIG = `[default]
region = us-east-1
output = json

[profile work]
region = eu-west-1
`;

function files(home: string) {
  return { credentialsFile: path.join(home, '.aws', 'credentials'), configFile: path.join(home, '.aws', 'config') };
}

async function load(home: string) {
  const f = files(home);
  return loadSharedConfigFiles({ filepath: f.credentialsFile, configFilepath: f.configFile, ignoreCache: true });
}

describe('AWS profile export, read back by the AWS SDK loader', () => {
  it('adds a profile that an S3 tool finds, keeping the other profiles and comments, with mode 0600', async () => {
    const home = tempDir();
    const f = files(home);
    fs.mkdirSync(path.dirname(f.credentialsFile), { recursive: true });
    fs.writeFileSync(f.credentialsFile, EXISTING_CREDENTIALS);
    fs.writeFileSync(f.configFile, EXISTING_CONFIG);
    const { endpointUrl, region } = s3Endpoint({ cloud: 'outscale', region: 'eu-west-2' });
    applyAwsProfile(planAwsProfile({ ...f, profile: 'outscale-backup', region, endpointUrl }, 'OSCKEY123', SECRET));

    const loaded = await load(home);
    assert.equal(loaded.credentialsFile['outscale-backup']?.aws_access_key_id, 'OSCKEY123');
    assert.equal(
      loaded.credentialsFile['outscale-backup']?.aws_secret_access_key,
      SECRET.reveal(),
      'a secret ending in = is read back whole',
    );
    assert.equal(loaded.configFile['outscale-backup']?.region, 'eu-west-2');
    assert.equal(loaded.configFile['outscale-backup']?.endpoint_url, 'https://oos.eu-west-2.outscale.com');
    assert.equal(loaded.credentialsFile.work?.aws_session_token, 'tok', 'other profiles are intact');
    assert.equal(loaded.configFile.default?.output, 'json');
    const text = fs.readFileSync(f.credentialsFile, 'utf8');
    assert.ok(text.startsWith(EXISTING_CREDENTIALS.trimEnd()), 'the existing text is kept byte for byte');
    assert.match(text, /; another comment/);
    assert.equal(fs.statSync(f.credentialsFile).mode & 0o777, 0o600);
    assert.equal(fs.statSync(f.configFile).mode & 0o777, 0o600);
  });

  it('updates an existing profile in place: only the owned keys change', async () => {
    const home = tempDir();
    const f = files(home);
    fs.mkdirSync(path.dirname(f.credentialsFile), { recursive: true });
    fs.writeFileSync(f.credentialsFile, EXISTING_CREDENTIALS);
    applyAwsProfile(planAwsProfile({ ...f, profile: 'work', region: 'eu-west-2' }, 'NEWKEY', SECRET));
    const loaded = await load(home);
    assert.equal(loaded.credentialsFile.work?.aws_access_key_id, 'NEWKEY');
    assert.equal(loaded.credentialsFile.work?.aws_session_token, 'tok', 'keys Cloud Keys does not own are kept');
    assert.equal(loaded.configFile.work?.region, 'eu-west-2');
    assert.equal(loaded.credentialsFile.default?.aws_access_key_id, 'AKIADEFAULT');
  });

  it('shows a preview without the secret, and refuses profile names the tools would misread', () => {
    const preview = previewAwsProfile(
      {
        credentialsFile: '/h/.aws/credentials',
        configFile: '/h/.aws/config',
        profile: 'p',
        region: 'de',
        endpointUrl: 'https://s3.eu-central-1.ionoscloud.com',
      },
      'K',
      SECRET.length,
    );
    assert.ok(!preview.includes(SECRET.reveal()));
    assert.match(preview, /endpoint_url = https:\/\/s3\.eu-central-1\.ionoscloud\.com/);
    assert.match(validateProfileName('a b') ?? '', /cannot be used/);
    assert.match(validateProfileName('x.y') ?? '', /cannot be used/);
    assert.equal(validateProfileName('oci-backup'), undefined);
  });

  it("computes each cloud's S3 endpoint and names what is wrong with bad input", () => {
    assert.equal(
      s3Endpoint({ cloud: 'oci', region: 'eu-frankfurt-1', namespace: 'axaxnpcrorw5' }).endpointUrl,
      'https://axaxnpcrorw5.compat.objectstorage.eu-frankfurt-1.oraclecloud.com',
    );
    assert.equal(s3Endpoint({ cloud: 'ionos', location: 'de' }).endpointUrl, 'https://s3.eu-central-1.ionoscloud.com');
    assert.throws(() => s3Endpoint({ cloud: 'ionos', location: 'mars' }), /not an IONOS S3 location; use one of de/);
    assert.throws(() => s3Endpoint({ cloud: 'oci', region: 'eu-frankfurt-1', namespace: 'bad/ns' }), /Object Storage namespace/);
  });
});

describe('.env and JSON exports', () => {
  it('sets the AWS variables in a .env file, keeping its other lines', () => {
    const dir = tempDir();
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, '# app\nPORT=3000\nexport AWS_ACCESS_KEY_ID=OLD\n');
    writeDotenv(file, awsVariables('NEWKEY', SECRET, 'eu-west-2', 'https://oos.eu-west-2.outscale.com'));
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# app\nPORT=3000\nexport AWS_ACCESS_KEY_ID=NEWKEY\n/);
    assert.equal(readDotenvVariable(file, 'AWS_SECRET_ACCESS_KEY'), SECRET.reveal());
    assert.equal(readDotenvVariable(file, 'AWS_ENDPOINT_URL'), 'https://oos.eu-west-2.outscale.com');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(setDotenvVariables('', { A: 'x y' }), 'A="x y"\n');
  });

  it('writes JSON with the key id, secret, region and endpoint', () => {
    const parsed = JSON.parse(
      keyAsJson({ cloud: 'ionos', accessKeyId: 'K1', secret: SECRET, region: 'de', endpointUrl: 'https://s3.eu-central-1.ionoscloud.com' }),
    );
    assert.deepEqual(parsed, {
      cloud: 'ionos',
      accessKeyId: 'K1',
      secretAccessKey: SECRET.reveal(),
      region: 'de',
      endpointUrl: 'https://s3.eu-central-1.ionoscloud.com',
    });
  });
});

describe('switching exports to a new key', () => {
  it('rewrites the profile, the .env file and the terminal, and leaves alone a file the user changed since', async () => {
    const home = tempDir();
    const f = files(home);
    const envFile = path.join(home, 'app.env');
    const changedEnv = path.join(home, 'changed.env');
    applyAwsProfile(planAwsProfile({ ...f, profile: 'p1' }, 'OLD', new Secret('old')));
    writeDotenv(envFile, awsVariables('OLD', new Secret('old')));
    writeDotenv(changedEnv, awsVariables('SOMEONE-ELSE', new Secret('x')));
    const records = new ExportRecords(new MemoryExportStorage());
    const base = {
      version: 1 as const,
      accountId: 'acc',
      cloud: 'outscale' as const,
      userId: 'u',
      keyKind: 'access-key' as const,
      keyId: 'OLD',
      createdAt: 'now',
      updatedAt: 'now',
    };
    const all: ExportRecord[] = [
      { ...base, id: 'r1', kind: 'aws-profile', ...f, profile: 'p1' },
      { ...base, id: 'r2', kind: 'dotenv', file: envFile },
      { ...base, id: 'r3', kind: 'dotenv', file: changedEnv },
      { ...base, id: 'r4', kind: 'terminal', region: 'eu-west-2' },
    ];
    for (const r of all) await records.put(r);
    const terminal: Record<string, string>[] = [];
    const updater = new ExportUpdater(records, { replace: (v) => terminal.push({ ...v }) }, logger());
    const changed = await updater.repoint(
      'acc',
      'OLD',
      { id: 'NEW', accountId: 'acc', userId: 'u', kind: 'access-key', state: 'active' },
      SECRET,
    );
    assert.deepEqual(changed.sort(), ['r1', 'r2', 'r4']);
    assert.equal((await load(home)).credentialsFile.p1?.aws_access_key_id, 'NEW');
    assert.equal(readDotenvVariable(envFile, 'AWS_ACCESS_KEY_ID'), 'NEW');
    assert.equal(readDotenvVariable(changedEnv, 'AWS_ACCESS_KEY_ID'), 'SOMEONE-ELSE', 'a file changed by the user is not overwritten');
    assert.equal(terminal[0].AWS_ACCESS_KEY_ID, 'NEW');
    assert.equal(terminal[0].AWS_REGION, 'eu-west-2');
    assert.deepEqual(
      records
        .all()
        .map((r) => `${r.id}:${r.keyId}`)
        .sort(),
      ['r1:NEW', 'r2:NEW', 'r4:NEW'],
    );
    assert.ok(!JSON.stringify(records.all()).includes(SECRET.reveal()), 'records never hold the secret');
  });
});
