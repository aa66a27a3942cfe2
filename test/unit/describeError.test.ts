/** Every failure is put into words one way (`describeError`): what a person reads in messages, result views and summaries. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudError, describeError } from '../../src/model/cloudError';
import { Secret } from '../../src/model/secret';

describe('describeError', () => {
  const cloudError = new CloudError('throttled', 'OUTSCALE is busy; try again in a minute.', { cloud: 'outscale', requestId: 'req-42' });

  it("gives a cloud error's message with its request id, or without it when asked", () => {
    assert.equal(describeError(cloudError), 'OUTSCALE is busy; try again in a minute. (request id req-42)');
    assert.equal(describeError(cloudError, { requestId: false }), 'OUTSCALE is busy; try again in a minute.');
    assert.equal(describeError(new CloudError('invalid', 'No request made.')), 'No request made.');
  });

  it("gives another error's message, and anything else as text", () => {
    assert.equal(describeError(new TypeError('bad input')), 'bad input');
    assert.equal(describeError('plain text'), 'plain text');
    assert.equal(describeError(404), '404');
    assert.equal(describeError(undefined), 'undefined');
  });

  it('never shows a secret thrown by mistake', () => {
    assert.equal(describeError(new Secret('s3cr3t-value')), '[redacted]');
  });
});
