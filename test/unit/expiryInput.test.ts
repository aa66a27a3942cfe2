import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpiryInput } from '../../src/operations/expiryInput';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('expiry input', () => {
  it('reads empty input as "no expiry"', () => {
    assert.deepEqual(parseExpiryInput('  ', NOW), { ok: true, date: null });
  });

  it('reads a date as the end of that day in UTC, and a date-time with its zone', () => {
    const date = parseExpiryInput('2027-03-31', NOW);
    assert.ok(date.ok && date.date?.toISOString() === '2027-03-31T23:59:59.000Z');
    const dateTime = parseExpiryInput('2027-03-31T18:00:00+02:00', NOW);
    assert.ok(dateTime.ok && dateTime.date?.toISOString() === '2027-03-31T16:00:00.000Z');
  });

  it('refuses impossible dates, other formats and the past, saying what to type', () => {
    for (const [text, pattern] of [
      ['2027-02-30', /not a calendar date.*YYYY-MM-DD/],
      ['31/03/2027', /not a date.*YYYY-MM-DD/],
      ['2027-03-31T18:00', /not a date/],
      ['2026-11-24', /in the past/],
      ['2026-11-25T11:59:00Z', /in the past/],
    ] as const) {
      const parsed = parseExpiryInput(text, NOW);
      assert.equal(parsed.ok, false, text);
      assert.match((parsed as { message: string }).message, pattern);
    }
  });
});
