import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountBrowser } from '../../src/operations/accountBrowser';
import { CloudError } from '../../src/model/cloudError';
import { createLimiter } from '../../src/util/limiter';
import { startOciEmulator, type RunningOciEmulator } from '../emulators/oci';
import { encryptedKey, prompts, providerFor } from './oci/harness';
import { cloudModule as ionosModule } from '../../src/clouds/ionos';
import { CONTRACT_KEYS_ENTRY_ID } from '../../src/clouds/ionos/constants';
import { IonosProvider } from '../../src/clouds/ionos/provider';
import { startIonosEmulator } from '../emulators/ionos';
import { basicEnv, FAST, makeContext } from './ionos/support';

describe('AccountBrowser, the listing layer of the tree, against the OCI emulator', () => {
  let emulator: RunningOciEmulator;
  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
  });
  after(() => emulator.close());

  async function browserWithPages(pageSize: number) {
    const { provider, account } = await providerFor(emulator, { pageSize });
    return { browser: new AccountBrowser(() => provider, createLimiter(4)), account, provider };
  }

  it('lists the caller first, then the others by name, a page at a time', async () => {
    const { browser, account, provider } = await browserWithPages(3);
    const all = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await provider.listUsers(cursor);
      all.push(...page.items);
      cursor = page.next;
    }
    const firstView = await browser.users(account);
    assert.equal(firstView.users[0].isCaller, true, 'the caller is not first');
    assert.equal(firstView.hasMore, true, 'a tenancy bigger than a page says there is more');
    assert.ok(firstView.users.length <= 4, `first view shows ${firstView.users.length} users for a page of 3 plus the caller`);
    const others = firstView.users.slice(1).map((u) => u.name);
    assert.deepEqual(
      others,
      [...others].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    );

    let view = firstView;
    while (view.hasMore) view = await browser.loadMore(account);
    assert.equal(view.loaded, all.length, 'every user appears once after loading every page, the caller included');
    assert.equal(new Set(view.users.map((u) => u.id)).size, view.users.length, 'no user appears twice');
  });

  it('when the cloud cannot name the caller, no user is marked "you" and the view says why', async () => {
    const { provider, account } = await providerFor(emulator, { pageSize: 100 });
    const why = 'This token does not say which user it belongs to.';
    const anonymous = new Proxy(provider, {
      get: (target, name) => {
        if (name === 'whoAmI')
          return async () => ({ id: 'unknown', accountId: account.id, name: 'token holder', isCaller: true, placeholder: true, note: why });
        const value: unknown = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const view = await new AccountBrowser(() => anonymous, createLimiter(4)).users(account);
    assert.equal(view.callerUnknown, why);
    assert.ok(view.users.length > 0, 'the users are still listed');
    assert.ok(
      view.users.every((u) => !u.placeholder && u.id !== 'unknown'),
      'the placeholder caller is not listed as a user',
    );
    const named = await new AccountBrowser(() => provider, createLimiter(4)).users(account);
    assert.equal(named.callerUnknown, undefined);
  });

  it('narrows users by name or email, without another request', async () => {
    const { browser, account } = await browserWithPages(100);
    const full = await browser.users(account);
    const target = full.users[full.users.length - 1];
    const callsBefore = emulator.calls.length;
    browser.setFilter(account, target.name.slice(0, 4).toUpperCase());
    const filtered = await browser.users(account);
    assert.ok(filtered.users.some((u) => u.id === target.id));
    assert.ok(
      filtered.users.every(
        (u) =>
          u.name.toLowerCase().includes(target.name.slice(0, 4).toLowerCase()) ||
          (u.email ?? '').toLowerCase().includes(target.name.slice(0, 4).toLowerCase()),
      ),
    );
    assert.equal(filtered.filter, target.name.slice(0, 4).toUpperCase());
    assert.equal(emulator.calls.length, callsBefore, 'filtering sent a request');
    browser.setFilter(account, '');
    assert.equal((await browser.users(account)).users.length, full.users.length);
  });

  it("reads a user's keys once, until that user is invalidated", async () => {
    const { browser, account } = await browserWithPages(100);
    const caller = (await browser.users(account)).users[0];
    const first = await browser.keys(account, caller);
    const calls = emulator.calls.length;
    await browser.keys(account, caller);
    assert.equal(emulator.calls.length, calls, 'a second read of the same keys went to the network');
    browser.invalidate(account.id, caller.id);
    assert.deepEqual(
      (await browser.keys(account, caller)).map((k) => k.id),
      first.map((k) => k.id),
    );
    assert.ok(emulator.calls.length > calls);
  });

  it('a click while the key count reads the first page joins that read: same users, the page asked for once', async () => {
    const { browser, account } = await browserWithPages(100);
    emulator.faults.add({ route: 'GET /users', kind: 'latency', ms: 200, times: 1 });
    const before = emulator.calls.filter((call) => call === 'GET /users').length;
    const [count, click] = await Promise.all([browser.users(account), browser.users(account)]);
    assert.deepEqual(
      click.users.map((u) => u.id),
      count.users.map((u) => u.id),
    );
    assert.equal(emulator.calls.filter((call) => call === 'GET /users').length - before, 1, 'the first page was read twice');
    emulator.faults.clear();
  });

  it('a click that joined a read cancelled by its starter still gets the users', async () => {
    const { browser, account } = await browserWithPages(100);
    emulator.faults.add({ route: 'GET /users', kind: 'latency', ms: 1_000, times: 1 });
    const abort = new AbortController();
    const started = browser.users(account, abort.signal);
    const click = browser.users(account);
    setTimeout(() => abort.abort(), 50);
    await assert.rejects(started, (error: unknown) => error instanceof CloudError && error.code === 'cancelled');
    assert.equal((await click).users[0].isCaller, true);
    emulator.faults.clear();
  });

  it('a refused passphrase prompt fails every caller that joined the read, and is asked once', async () => {
    const log = prompts(() => undefined);
    const { provider, account } = await providerFor(
      emulator,
      { pageSize: 100 },
      { keyPem: encryptedKey(emulator.caller.privateKeyPem, 'a passphrase') },
      { prompts: log },
    );
    const browser = new AccountBrowser(() => provider, createLimiter(4));
    const count = browser.users(account);
    const click = browser.users(account);
    const lens = browser.users(account);
    for (const caller of [count, click, lens]) {
      await assert.rejects(caller, (error: unknown) => error instanceof CloudError && error.code === 'cancelled');
    }
    assert.equal(log.asked.length, 1, `the passphrase was asked ${log.asked.length} times`);
  });

  it('stops a load when it is cancelled, with a cancelled CloudError', async () => {
    const { browser, account } = await browserWithPages(100);
    emulator.faults.add({ route: 'GET /users', kind: 'latency', ms: 2_000, times: 1 });
    const abort = new AbortController();
    const loading = browser.users(account, abort.signal);
    setTimeout(() => abort.abort(), 50);
    await assert.rejects(loading, (error: unknown) => error instanceof CloudError && error.code === 'cancelled');
    emulator.faults.clear();
  });
});

describe('AccountBrowser with the IONOS emulator', () => {
  it("lists the caller, then the contract's Object Storage access keys, then the other users by name", async (t) => {
    const emulator = await startIonosEmulator({ seed: 'test' });
    t.after(() => emulator.close());
    const ctx = makeContext({ env: basicEnv(emulator) });
    const { accounts } = await ionosModule.discoverAccounts(ctx);
    const provider = new IonosProvider(accounts[0], ctx, FAST);
    const view = await new AccountBrowser(() => provider, createLimiter(4)).users(accounts[0]);
    assert.equal(view.users[0].isCaller, true);
    assert.equal(view.users[1].id, CONTRACT_KEYS_ENTRY_ID);
    const others = view.users.slice(2).map((u) => u.name);
    assert.deepEqual(
      others,
      [...others].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    );
  });
});
