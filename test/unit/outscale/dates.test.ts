import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpiryInput } from '../../../src/clouds/outscale/index';
import { checkFutureExpiry, parseWireDate } from '../../../src/clouds/outscale/dates';
import { CloudError } from '../../../src/model/cloudError';

describe('OUTSCALE dates', () => {
  it('reads dates as OUTSCALE sends them', () => {
    assert.equal(parseWireDate('2026-01-31T10:15:00.000+0000')?.toISOString(), '2026-01-31T10:15:00.000Z');
    assert.equal(parseWireDate('2026-01-31T10:15:00+01:00')?.toISOString(), '2026-01-31T09:15:00.000Z');
    assert.equal(parseWireDate('2026-01-31')?.toISOString(), '2026-01-31T00:00:00.000Z');
    assert.equal(parseWireDate('garbage'), undefined);
    assert.equal(parseWireDate(null), undefined);
  });

  it('accepts an ISO date or date-time typed by a person, in UTC when no offset is given', () => {
    assert.equal(parseExpiryInput('2030-12-31').toISOString(), '2030-12-31T00:00:00.000Z');
    assert.equal(parseExpiryInput(' 2030-12-31T18:00 ').toISOString(), '2030-12-31T18:00:00.000Z');
    assert.equal(parseExpiryInput('2030-12-31T18:00:00+02:00').toISOString(), '2030-12-31T16:00:00.000Z');
  });

  it('rejects what is not a date, naming the accepted forms', () => {
    for (const bad of ['tomorrow', '31/12/2030', '2030-02-30', '2030-13-01', '2030-12-31 18:00', '']) {
      assert.throws(
        () => parseExpiryInput(bad),
        (e: unknown) => e instanceof CloudError && e.code === 'invalid' && /2026-12-31T18:00:00Z/.test(e.message),
        bad,
      );
    }
  });

  it('rejects dates that are not in the future', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    assert.throws(() => checkFutureExpiry(new Date(now), now), /not in the future/);
    assert.throws(() => checkFutureExpiry(new Date(Number.NaN), now), /not a valid date/);
    assert.equal(checkFutureExpiry(new Date(now + 1), now).getTime(), now + 1);
  });
});
