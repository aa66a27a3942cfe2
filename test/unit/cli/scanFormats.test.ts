/**
 * `cloud-keys scan` output on the detectors' own findings: the line shown with the value masked (a
 * PEM private key, a JWT, a secret), SARIF that the OASIS schema accepts for files inside and
 * outside the repository, and the exit code by --fail-on.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { scanJson, scanText } from '../../../src/cli/scan/scanFormats';
import { scanExitCode, toFinding, type ScanReport } from '../../../src/cli/scan/scanReport';
import { scanSarif } from '../../../src/cli/scan/scanSarif';
import { detectLeaks } from '../../../src/leaks/detect';
import { jwt } from '../leaks/leakCorpus';
import { sarifValidator } from './sarifSchema';

const SECRET = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXw';
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const TOKEN = jwt('ionoscloud');

function findings(file: string, text: string) {
  const lines = text.split('\n');
  return detectLeaks(text, undefined).map((leak) => toFinding(file, leak, lines[leak.range.startLine], Date.now()));
}

function report(failOn: ScanReport['failOn']): ScanReport {
  const text = `key_pem = """${PEM}"""\nOSC_SECRET_KEY="${SECRET}" # ci\ntoken: ${TOKEN}\n`;
  return {
    findings: [...findings('config/app settings.py', text), ...findings('/etc/ck/other.env', `OSC_SECRET_KEY=${SECRET}\n`)],
    filesScanned: 2,
    skipped: { large: 0, binary: 1, unreadable: 0 },
    problems: [],
    failOn,
  };
}

describe('cloud-keys scan output', () => {
  it("shows each finding's line with the value masked (then redacted as the log is: a name like secret or token hides what follows)", () => {
    const { findings: found } = report('error');
    assert.deepEqual(
      found.map((f) => [f.part, f.line, f.snippet]),
      [
        ['private-key', 1, 'key_pem = """[private key]'],
        ['secret', 2 + PEM.split('\n').length - 1, 'OSC_SECRET_KEY=[redacted] # ci'],
        ['token', 3 + PEM.split('\n').length - 1, 'token: [redacted]'],
        ['secret', 1, 'OSC_SECRET_KEY=[redacted]'],
      ],
    );
    for (const output of [scanText(report('error')), scanJson(report('error')), scanSarif(report('error'), '1.0.0')]) {
      for (const value of [SECRET, TOKEN, PEM.split('\n')[1]]) assert.ok(!output.includes(value), 'a value was printed');
    }
  });

  it('writes SARIF the OASIS schema accepts: repository files relative to %SRCROOT%, others as file URIs', () => {
    const log = JSON.parse(scanSarif(report('warning'), '1.0.0'));
    assert.deepEqual(sarifValidator()(log), []);
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0].physicalLocation.artifactLocation,
    );
    assert.deepEqual(uris.at(0), { uri: 'config/app%20settings.py', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(uris.at(-1), { uri: 'file:///etc/ck/other.env' });
  });

  it('exits 1 only for findings at or above --fail-on, and 3 when an account was not read', () => {
    // With no owner: a private key, a secret and a token are warnings.
    assert.equal(scanExitCode(report('error')), 0);
    assert.equal(scanExitCode(report('warning')), 1);
    assert.equal(scanExitCode(report('info')), 1);
    assert.equal(scanExitCode({ ...report('warning'), problems: [{ kind: 'cloud', message: 'prod: denied' }] }), 3);
    assert.match(
      scanText(report('warning')),
      /4 findings \(0 error, 4 warning, 0 info\) in 2 files scanned, 1 skipped \(large 0, binary 1, unreadable 0\); by shape only \(no account read\)\.\n4 findings at or above --fail-on warning\.\n$/,
    );
  });
});
