import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret } from '../../src/model/secret';
import { formatLogLine, redactForLog, redactText } from '../../src/util/redact';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('redaction of log lines', () => {
  it('replaces Secret values wherever they sit', () => {
    const line = formatLogLine('created key', [{ key: { id: 'AK1' }, value: new Secret(SECRET) }, new Secret(SECRET)]);
    assert.ok(!line.includes(SECRET), line);
    assert.match(line, /AK1/);
  });

  it('hides the values of sensitive object keys, keeping the others', () => {
    const line = redactForLog({
      accessKeyId: 'AK1',
      SecretKey: SECRET,
      headers: { Authorization: 'Signature keyId="x",signature="abc"', 'content-type': 'application/json' },
      pass_phrase: 'hunter2',
      token: 'tok',
    });
    for (const hidden of [SECRET, 'hunter2', 'abc"', "'tok'"]) assert.ok(!line.includes(hidden), `${hidden} in ${line}`);
    assert.match(line, /AK1/);
    assert.match(line, /application\/json/);
  });

  it('removes secrets from free text: JSON bodies, headers, PEM blocks, URLs', () => {
    const cases: [string, string][] = [
      [`{"AccessKeyId":"AK1","SecretKey":"${SECRET}"}`, SECRET],
      [`Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig`, 'eyJhbGciOiJIUzI1NiJ9'],
      [`Authorization: Basic dXNlcjpwYXNzd29yZA==`, 'dXNlcjpwYXNzd29yZA=='],
      [`Signature version="1",keyId="ocid1/x",algorithm="rsa-sha256",signature="QUJDREVGRw=="`, 'QUJDREVGRw=='],
      [`AWS4-HMAC-SHA256 Credential=AK1/20260101/eu-west-2/api/aws4_request, Signature=deadbeefcafe`, 'deadbeefcafe'],
      [`-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----`, 'MIIEowIBAAKCAQEA'],
      [`-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg (truncated`, 'MIIEvQIBADANBg'],
      [`fetching https://alice:s3cr3t@api.example.com/users`, 's3cr3t'],
      [`secret_key = ${SECRET}`, SECRET],
      [`password='p@ss w0rd'`, 'p@ss w0rd'],
      // Each pattern in another case, and the two that need no header: a session token and a bare JWT.
      [`keyId="ST$AbCdEf123456"`, 'AbCdEf123456'],
      [`got eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl from the CLI`, 'eyJzdWIiOiJ1In0'],
      [`AUTHORIZATION: BEARER abcdef123456`, 'abcdef123456'],
      [`SIGNATURE="QUJDREVGRw=="`, 'QUJDREVGRw=='],
      [`Private_Key: hunter22hunter22`, 'hunter22hunter22'],
      [`PassPhrase = hunter22`, 'hunter22'],
      [`HTTPS://alice:s3cr3t@api.example.com`, 's3cr3t'],
    ];
    for (const [text, hidden] of cases) {
      const out = redactText(text);
      assert.ok(!out.includes(hidden), `${hidden} survived in: ${out}`);
      assert.match(out, /\[redacted\]/);
    }
  });

  it('leaves ordinary text alone', () => {
    const text = 'Listed 3 keys for user alice (ocid1.user.oc1..aaaa) in 120 ms';
    assert.equal(redactText(text), text);
  });

  it('redacts an error message, its stack and its cause', () => {
    const error = new Error(`request failed: {"secretKey":"${SECRET}"}`, { cause: new Error(`token=${SECRET}`) });
    const line = redactForLog(error);
    assert.ok(!line.includes(SECRET), line);
    assert.match(line, /request failed/);
    assert.match(line, /cause:/);
  });

  it('survives circular structures', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    assert.match(redactForLog(a), /circular/);
  });
});
