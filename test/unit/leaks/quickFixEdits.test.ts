import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLeaks } from '../../../src/leaks/detect';
import { applyChanges, envReferenceChanges, ignoreCommentChange, variableNameFor } from '../../../src/leaks/envReference';
import { OwnerIndex } from '../../../src/leaks/ownerIndex';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';

const SECRET = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw';

/** The text after "Move the secret to an environment variable" on the first finding. */
function moved(text: string, languageId: string): string | undefined {
  const [leak] = detectLeaks(text, undefined);
  assert.ok(leak, `nothing found in ${text}`);
  const changes = envReferenceChanges(text, leak, languageId, variableNameFor(leak));
  return changes && applyChanges(text, changes);
}

describe('Quick-fix text edits per language', () => {
  const cases: [string, string, string][] = [
    ['typescript', `const secretKey = "${SECRET}";\n`, 'const secretKey = process.env.SECRET_KEY;\n'],
    ['javascript', `s3({ osc_secret_key: '${SECRET}' });\n`, 's3({ osc_secret_key: process.env.OSC_SECRET_KEY });\n'],
    ['python', `import os\nOSC_SECRET_KEY = "${SECRET}"\n`, 'import os\nOSC_SECRET_KEY = os.environ["OSC_SECRET_KEY"]\n'],
    [
      'python',
      `client(aws_secret_access_key='${SECRET}')\n`,
      'import os\nclient(aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])\n',
    ],
    ['yaml', `env:\n  OSC_SECRET_KEY: "${SECRET}"\n`, 'env:\n  OSC_SECRET_KEY: "${OSC_SECRET_KEY}"\n'],
    ['shellscript', `export OSC_SECRET_KEY=${SECRET}\n`, 'export OSC_SECRET_KEY=${OSC_SECRET_KEY}\n'],
    ['go', `\tsecretKey := "${SECRET}"\n`, '\tsecretKey := os.Getenv("SECRET_KEY")\n'],
    ['java', `String secretKey = "${SECRET}";\n`, 'String secretKey = System.getenv("SECRET_KEY");\n'],
    ['csharp', `var secretKey = "${SECRET}";\n`, 'var secretKey = Environment.GetEnvironmentVariable("SECRET_KEY");\n'],
    ['ruby', `secret_key = '${SECRET}'\n`, 'secret_key = ENV.fetch("SECRET_KEY")\n'],
    ['php', `'secret_key' => '${SECRET}',\n`, "'secret_key' => getenv('SECRET_KEY'),\n"],
    ['powershell', `$env:OSC_SECRET_KEY = "${SECRET}"\n`, '$env:OSC_SECRET_KEY = $env:OSC_SECRET_KEY\n'],
    [
      'terraform',
      `provider "outscale" {\n  secret_key_id = "${SECRET}"\n}\n`,
      'provider "outscale" {\n  secret_key_id = var.secret_key_id\n}\n\nvariable "secret_key_id" {\n  type      = string\n  sensitive = true\n}\n',
    ],
  ];
  for (const [languageId, text, expected] of cases) {
    it(`${languageId}: replaces the literal with the idiomatic environment reference`, () => {
      assert.equal(moved(text, languageId), expected);
    });
  }

  it("names the variable after what the value is assigned to, for one of the user's keys too", async () => {
    const owners = new OwnerIndex();
    const key: AccessKey = { id: 'AB12CD34EF56GH78IJ90', accountId: 'osc:prod', userId: 'u1', kind: 'access-key', state: 'active' };
    await owners.update(
      [{ account: { id: 'osc:prod', label: 'prod', cloud: 'outscale' }, user: { id: 'u1', name: 'bob' }, keys: [key] }],
      async () => new Secret(SECRET),
    );
    const text = `cfg = {"secretKey": "${SECRET}", "other": "${SECRET}"}\n`;
    const [first, second] = detectLeaks(text, owners.index);
    assert.equal(variableNameFor(first), 'SECRET_KEY');
    assert.equal(variableNameFor(second), 'OSC_SECRET_KEY', "no telling name: the cloud's own variable");
  });

  it('offers no reference where the language has none (JSON, .env) or the value is not a quoted string', () => {
    assert.equal(moved(`{"SecretKey": "${SECRET}"}\n`, 'json'), undefined);
    assert.equal(moved(`OSC_SECRET_KEY=${SECRET}\n`, 'dotenv'), undefined);
    assert.equal(moved(`secret_key = ${SECRET}\n`, 'python'), undefined);
  });

  it("adds a 'cloud-keys:ignore' comment above the line, in the language's comment syntax, and the finding goes", () => {
    for (const [languageId, text] of [
      ['python', `    OSC_SECRET_KEY = "${SECRET}"\n`],
      ['typescript', `  const secretKey = "${SECRET}";\n`],
      ['xml', `  <secretKey>${SECRET}</secretKey>\n`],
    ]) {
      const [leak] = detectLeaks(text, undefined);
      const change = ignoreCommentChange(text, leak, languageId)!;
      const after = applyChanges(text, [change]);
      assert.match(after.split('\n')[0], /^ {2,4}(#|\/\/|<!--) cloud-keys:ignore/);
      assert.deepEqual(detectLeaks(after, undefined), []);
    }
    assert.equal(ignoreCommentChange(`{"SecretKey": "${SECRET}"}`, { start: 15 }, 'json'), undefined);
  });
});
