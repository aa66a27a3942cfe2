import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostToWebviewSchema, WebviewToHostSchema } from '../../../src/webview/protocol';

describe('the webview protocol', () => {
  it('accepts each message the page sends', () => {
    const key = { accountId: 'oci:/c#DEFAULT', userId: 'u1', kind: 'access-key', keyId: 'k1' };
    for (const message of [
      { type: 'ready' },
      { type: 'cancel' },
      { type: 'reveal-secret', key },
      {
        type: 'create/submit',
        form: { accountId: 'a', userId: 'u', kind: 'api-signing-key', keySource: { source: 'generate', bits: 4096 } },
      },
      { type: 'create/check-public-key', pem: '-----BEGIN PUBLIC KEY-----', requestId: 3 },
      { type: 'overview/export', format: 'csv', view: { text: '', status: 'old', sortBy: 'ageDays', descending: true } },
      { type: 'details/action', action: 'delete' },
    ]) {
      assert.equal(WebviewToHostSchema.safeParse(message).success, true, JSON.stringify(message));
    }
  });

  it('refuses unknown types, missing fields and wrong shapes', () => {
    for (const message of [
      { type: 'eval', code: 'alert(1)' },
      { type: 'reveal-secret' },
      { type: 'reveal-secret', key: { accountId: '', userId: 'u', kind: 'access-key', keyId: 'k' } },
      {
        type: 'create/submit',
        form: { accountId: 'a', userId: 'u', kind: 'api-signing-key', keySource: { source: 'generate', bits: 1024 } },
      },
      { type: 'overview/export', format: 'xlsx', view: { text: '', status: 'all', sortBy: 'ageDays', descending: true } },
      { type: 'details/action', action: 'format-disk' },
      'ready',
      null,
    ]) {
      assert.equal(WebviewToHostSchema.safeParse(message).success, false, JSON.stringify(message));
    }
  });

  it('checks what the host sends too, down to the dates of a key', () => {
    const key = {
      id: 'k',
      accountId: 'a',
      userId: 'u',
      kind: 'access-key',
      kindName: 'access key',
      state: 'active',
      createdAt: '2026-01-02T03:04:05.000Z',
    };
    const created = {
      type: 'create/created',
      key,
      account: 'demo',
      user: 'me',
      cloudName: 'OUTSCALE',
      secretStored: true,
      secretLabel: 'Secret key',
    };
    assert.equal(HostToWebviewSchema.safeParse(created).success, true);
    assert.equal(HostToWebviewSchema.safeParse({ ...created, key: { ...key, createdAt: 'yesterday' } }).success, false);
    assert.equal(HostToWebviewSchema.safeParse({ type: 'secret', keyId: 'k' }).success, false);
  });

  it('has no message but "secret" that could carry a secret value', () => {
    const created = HostToWebviewSchema.def.options.find((o) => o.shape.type.def.values[0] === 'create/created');
    assert.ok(created);
    assert.deepEqual(Object.keys(created.shape).sort(), [
      'account',
      'cloudName',
      'followUps',
      'key',
      'secretLabel',
      'secretStored',
      'type',
      'user',
    ]);
  });
});
