import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageBuckets } from '../../../src/webview/shared/ageBuckets';
import { toKeyRow } from '../../../src/webview/shared/keyView';
import { toCsv, toMarkdown } from '../../../src/webview/shared/tableExport';
import { applyTableView, DEFAULT_TABLE_VIEW } from '../../../src/webview/shared/tableView';
import { account, DAY, key, now, policy, user } from '../../support/keyFixtures';

const rows = [
  toKeyRow(account, user, key('FRESH', 3, { displayName: 'ci' }), policy, now),
  toKeyRow(account, user, key('OLD', 120, { displayName: '=HYPERLINK("x")' }), policy, now),
  toKeyRow(account, user, key('EXPIRING', 40, { expiresAt: new Date(now + 5 * DAY) }), policy, now),
  toKeyRow(account, user, key('EXPIRED', 10, { expiresAt: new Date(now - DAY) }), policy, now),
  toKeyRow(account, user, key('OFF', 400, { state: 'inactive', displayName: 'a|b, "c"' }), policy, now),
  toKeyRow(account, user, key('NODATE', undefined), policy, now),
];

describe('the Key Age Overview table', () => {
  it('gives each key one policy status, the worst first', () => {
    assert.deepEqual(
      rows.map((r) => [r.keyId, r.status]),
      [
        ['FRESH', 'ok'],
        ['OLD', 'old'],
        ['EXPIRING', 'expiring'],
        ['EXPIRED', 'expired'],
        ['OFF', 'inactive'],
        ['NODATE', 'unknown'],
      ],
    );
  });

  it('sorts by age, oldest first by default, unknown ages last', () => {
    assert.deepEqual(
      applyTableView(rows, DEFAULT_TABLE_VIEW).map((r) => r.keyId),
      ['OFF', 'OLD', 'EXPIRING', 'EXPIRED', 'FRESH', 'NODATE'],
    );
    assert.deepEqual(
      applyTableView(rows, { ...DEFAULT_TABLE_VIEW, descending: false })
        .map((r) => r.keyId)
        .slice(0, 2),
      ['NODATE', 'FRESH'],
    );
  });

  it('filters by text in any column and by status', () => {
    assert.deepEqual(
      applyTableView(rows, { ...DEFAULT_TABLE_VIEW, text: 'HYPER' }).map((r) => r.keyId),
      ['OLD'],
    );
    assert.deepEqual(
      applyTableView(rows, { ...DEFAULT_TABLE_VIEW, status: 'expired' }).map((r) => r.keyId),
      ['EXPIRED'],
    );
    assert.equal(applyTableView(rows, { ...DEFAULT_TABLE_VIEW, text: 'alice' }).length, rows.length);
    assert.equal(applyTableView(rows, { ...DEFAULT_TABLE_VIEW, text: 'nobody' }).length, 0);
  });

  it('exports CSV a spreadsheet reads as data: quoted where needed, formulas defused', () => {
    const csv = toCsv(rows);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Cloud,Account,User,Key,Key ID,Kind,State,Age (days),Created,Expires,Policy status');
    assert.equal(lines.length, rows.length + 2);
    assert.match(csv, /,"'=HYPERLINK\(""x""\)",OLD,/);
    assert.match(csv, /,"a\|b, ""c""",OFF,/);
    assert.match(
      lines.find((l) => l.includes('NODATE'))!,
      /,active,,,,age unknown$/,
    );
  });

  it('exports in the words the Overview shows (kind and status names), with ISO 8601 dates', () => {
    const lines = toCsv(rows).split('\r\n');
    const old = lines.find((l) => l.includes(',OLD,'))!;
    assert.match(old, /,OLD,access key,active,/, 'the kind is named as the UI names it, not access-key');
    assert.match(old, /,older than policy$/);
    assert.match(old, /,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/, 'the created date is ISO 8601');
    assert.match(toMarkdown(rows, '# Keys'), /\| expiring soon \|/);
  });

  it('exports a Markdown table whose cells cannot break its columns', () => {
    const md = toMarkdown(rows, '# Keys');
    const tableLines = md.trim().split('\n').slice(2);
    assert.equal(tableLines.length, rows.length + 2);
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    for (const line of tableLines) assert.equal(cells(line), cells(tableLines[0]), line);
    assert.match(md, /a\\\|b, "c"/);
  });
});

describe('the Key Age Overview chart buckets', () => {
  it('counts every key once, by age and status, with the policy limit as an edge', () => {
    const buckets = ageBuckets(rows, 90);
    assert.deepEqual(
      buckets.map((b) => b.label),
      ['0–30 d', '31–60 d', '61–90 d', '91–180 d', '181–365 d', '> 365 d', 'unknown'],
    );
    assert.equal(
      buckets.reduce((sum, b) => sum + b.total, 0),
      rows.length,
    );
    assert.deepEqual(buckets[0].counts, { ok: 1, old: 0, expiring: 0, expired: 1, inactive: 0, unknown: 0 });
    assert.equal(buckets[3].counts.old, 1);
    assert.equal(buckets[5].counts.inactive, 1);
    assert.equal(buckets[6].counts.unknown, 1);
  });

  it('moves the edge with the policy', () => {
    assert.deepEqual(
      ageBuckets([], 45).map((b) => b.label),
      ['0–30 d', '31–45 d', '46–60 d', '61–180 d', '181–365 d', '> 365 d'],
    );
  });
});
