/**
 * Each output format of `cloud-keys audit` on one report: CSV read back with csv-parse, JSON, the
 * Markdown of the Key Age Overview, the terminal table, and SARIF validated against the OASIS
 * SARIF 2.1.0 schema. Also the exit code each kind of outcome gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Log } from 'sarif';
import { auditEntry, auditExitCode, type AuditProblem, type AuditReport } from '../../../src/cli/audit/auditReport';
import { chooseFormat, renderAudit } from '../../../src/cli/formats/formats';
import { sarifValidator } from './sarifSchema';
import { account, DAY, key, now, policy, user } from '../../support/keyFixtures';

const keys = [
  key('FRESH', 3, { displayName: 'ci' }),
  key('OLD', 120, { displayName: '=HYPERLINK("x")' }),
  key('EXPIRING', 40, { expiresAt: new Date(now + 5 * DAY) }),
  key('EXPIRED', 10, { expiresAt: new Date(now - DAY) }),
  key('OFF', 400, { state: 'inactive', displayName: 'a|b, "c"' }),
];

function report(problems: AuditProblem[] = [], entries = keys.map((k) => auditEntry(account, user, k, policy, now))): AuditReport {
  return { generatedAt: new Date(now), policy, accounts: [account], entries, problems };
}

const context = { version: '9.9.9' };

describe('cloud-keys audit output formats', () => {
  it("writes CSV that csv-parse reads back to the same keys, in the Overview's columns and words", () => {
    const records = parse(renderAudit('csv', report(), context), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, keys.length);
    assert.deepEqual(Object.keys(records[0]), [
      'Cloud',
      'Account',
      'User',
      'Key',
      'Key ID',
      'Kind',
      'State',
      'Age (days)',
      'Created',
      'Expires',
      'Policy status',
    ]);
    const old = records.find((r) => r['Key ID'] === 'OLD')!;
    assert.equal(old['Policy status'], 'older than policy');
    assert.equal(old['Age (days)'], '120');
    assert.equal(old.Key, `'=HYPERLINK("x")`, 'a formula is defused with a leading quote');
    assert.equal(old.Kind, 'access key');
    assert.equal(records.find((r) => r['Key ID'] === 'OFF')!.Key, 'a|b, "c"');
    assert.equal(records.find((r) => r['Key ID'] === 'EXPIRED')!.Expires, new Date(now - DAY).toISOString());
  });

  it('writes one JSON document with the policy, a summary, every key with its findings, and the problems', () => {
    const doc = JSON.parse(renderAudit('json', report([{ kind: 'cloud', message: 'prod: the cloud said no' }]), context));
    assert.equal(doc.tool.version, '9.9.9');
    assert.deepEqual(doc.policy, policy);
    assert.deepEqual(doc.summary, {
      accounts: 1,
      keys: 5,
      failing: 3,
      byStatus: { ok: 1, old: 1, expiring: 1, expired: 1, inactive: 1, unknown: 0 },
      complete: false,
    });
    const old = doc.keys.find((k: { keyId: string }) => k.keyId === 'OLD');
    assert.deepEqual(old.findings, ['This key is 120 days old, past the 90-day maximum: rotate it.']);
    assert.equal(old.statusLabel, 'older than policy');
    assert.deepEqual(doc.keys.find((k: { keyId: string }) => k.keyId === 'OFF').findings, [], 'an inactive key has no finding');
    assert.deepEqual(doc.problems, [{ kind: 'cloud', message: 'prod: the cloud said no' }]);
  });

  it("writes the Key Age Overview's Markdown, then what was not read", () => {
    const md = renderAudit('markdown', report([{ kind: 'config', message: '/home/me/.osc/config.json: not JSON' }]), context);
    assert.match(md, /^# Cloud key ages, 2026-06-01\n\nPolicy: rotate after 90 days; warn 14 days before expiry\. 5 keys\./);
    assert.equal(md.split('\n').filter((line) => line.startsWith('| ')).length, keys.length + 2, 'header, separator, one row per key');
    assert.match(md, /## Not read\n\n- \/home\/me\/\.osc\/config\.json: not JSON\n$/);
  });

  it('writes an aligned table with a summary for a terminal', () => {
    const text = renderAudit('table', report(), context);
    const lines = text.split('\n');
    assert.match(lines[0], /^CLOUD\s+ACCOUNT\s+USER\s+KEY\s+STATE\s+AGE\s+EXPIRES\s+POLICY$/);
    const policyColumn = lines[0].indexOf('POLICY');
    for (const line of lines.slice(1, keys.length + 1)) assert.ok(line.length > policyColumn, line);
    assert.match(text, /5 keys in 1 accounts: 1 within policy, 1 older than policy, 1 expiring soon, 1 expired, 1 inactive\./);
    assert.match(text, /3 keys do not meet it\./);
  });

  it('writes SARIF 2.1.0 that the OASIS schema accepts: one result per finding, problems as notifications', () => {
    const validate = sarifValidator();
    const clean = JSON.parse(renderAudit('sarif', report(), context)) as Log;
    assert.deepEqual(validate(clean), []);
    const results = clean.runs[0].results ?? [];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]).sort(), [
      ['CK001', 'error'],
      ['CK002', 'error'],
      ['CK003', 'warning'],
    ]);
    assert.match(results.find((r) => r.ruleId === 'CK001')!.message.text ?? '', /OLD.*demo.*alice.*120 days old/);
    assert.equal(clean.runs[0].invocations?.[0].executionSuccessful, true);

    const incomplete = JSON.parse(renderAudit('sarif', report([{ kind: 'cloud', message: 'prod: HTTP 500' }]), context)) as Log;
    assert.deepEqual(validate(incomplete), []);
    assert.equal(incomplete.runs[0].invocations?.[0].executionSuccessful, false);
    assert.equal(incomplete.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text, 'prod: HTTP 500');
  });

  it('the schema check is real: it refuses a log with a wrong level', () => {
    const log = JSON.parse(renderAudit('sarif', report(), context)) as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    assert.notDeepEqual(sarifValidator()(log), []);
  });

  it('defaults to a table on a terminal and JSON when piped', () => {
    assert.equal(chooseFormat(undefined, true), 'table');
    assert.equal(chooseFormat(undefined, false), 'json');
    assert.equal(chooseFormat('csv', true), 'csv');
  });
});

describe('cloud-keys audit exit codes', () => {
  const fresh = [auditEntry(account, user, key('FRESH', 3), policy, now)];
  it('0 when every key meets the policy, 1 when one does not', () => {
    assert.equal(auditExitCode(report([], fresh)), 0);
    assert.equal(auditExitCode(report()), 1);
  });

  it('3 when something was not read, over 1; 2 for a configuration problem, over both', () => {
    assert.equal(auditExitCode(report([{ kind: 'cloud', message: 'x' }])), 3);
    assert.equal(auditExitCode(report([{ kind: 'cloud', message: 'x' }], fresh)), 3);
    assert.equal(
      auditExitCode(
        report([
          { kind: 'config', message: 'y' },
          { kind: 'cloud', message: 'x' },
        ]),
      ),
      2,
    );
  });
});
