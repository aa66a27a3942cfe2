import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountBrowser } from '../../src/operations/accountBrowser';
import { INVENTORY_CONCURRENCY, KeyInventory } from '../../src/operations/keyInventory';
import { createLimiter } from '../../src/util/limiter';
import { startOciEmulator, type RunningOciEmulator } from '../emulators/oci';
import { providerFor } from './oci/harness';

describe('KeyInventory, the background read of every key, against the OCI emulator', () => {
  let emulator: RunningOciEmulator;
  before(async () => {
    emulator = await startOciEmulator({ seed: 'test' });
  });
  after(() => emulator.close());

  it("reads the keys of every user across every page, a few calls at a time, without changing the tree's paging", async () => {
    const { provider, account } = await providerFor(emulator, { pageSize: 2 });
    let inFlight = 0;
    let most = 0;
    const listKeys: typeof provider.listKeys = async (userId, signal) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await provider.listKeys(userId, signal);
      } finally {
        inFlight -= 1;
      }
    };
    // The real provider, its key listings counted as they run.
    const counting = new Proxy(provider, {
      get(target, property) {
        if (property === 'listKeys') return listKeys;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const browser = new AccountBrowser(() => counting, createLimiter(12));
    const inventory = new KeyInventory(browser, async () => [account]);
    await inventory.ensure();
    await inventory.idle();

    const everyUser = await browser.everyUser(account);
    const state = inventory.state();
    assert.equal(state.running, false);
    assert.equal(state.usersTotal, everyUser.length);
    assert.equal(state.usersRead, everyUser.length, 'a user was left unread');
    assert.equal(new Set(browser.loadedKeys().map((k) => k.user.id)).size, everyUser.length);
    assert.ok(
      browser.loadedKeys().some((k) => k.user.name === 'ck-old-keys' && k.keys.length > 0),
      "ck-old-keys' keys were not read",
    );
    assert.ok(most <= INVENTORY_CONCURRENCY, `${most} key listings ran at once (at most ${INVENTORY_CONCURRENCY})`);
    assert.equal((await browser.users(account)).hasMore, true, "the tree's first page grew to every user");
  });

  it("reads only each account's first page until the window settles, then holds each further call while the tree loads", async () => {
    const { provider, account } = await providerFor(emulator, { pageSize: 2 });
    const calls: string[] = [];
    // The real provider, its user and key listings recorded as they start.
    const recording = new Proxy(provider, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = (value as (...args: unknown[]) => unknown).bind(target);
        if (property !== 'listUsers' && property !== 'listKeys') return method;
        return (...args: unknown[]) => (calls.push(String(property)), method(...args));
      },
    });
    const browser = new AccountBrowser(() => recording, createLimiter(12));
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const inventory = new KeyInventory(browser, async () => [account], { settled });
    const counting = inventory.ensure();
    // The first page is read at once: a click on the account joins that read or finds it done.
    assert.equal((await browser.users(account)).loaded > 0, true);
    await provider.whoAmI();
    assert.deepEqual(calls, ['listUsers'], 'the count read past the first page before the window settled');

    // A user's click: the tree's load runs while the window settles.
    let release = () => {};
    const clicked = browser.foreground.run(() => new Promise<void>((resolve) => (release = resolve)));
    settle();
    // A real round trip to the emulator: time enough for the count to send its next call, were it not held.
    await provider.whoAmI();
    assert.deepEqual(calls, ['listUsers'], "the count sent a call while the tree's load ran");

    release();
    await clicked;
    await counting;
    await inventory.idle();
    const state = inventory.state();
    assert.equal(state.usersRead, state.usersTotal);
    assert.ok(
      calls.includes('listKeys') && calls.filter((c) => c === 'listUsers').length > 1,
      'the count did not go on after the tree load',
    );
  });

  it('stops when cancelled and starts over at the next refresh', async () => {
    const { provider, account } = await providerFor(emulator, { pageSize: 2 });
    const browser = new AccountBrowser(() => provider, createLimiter(12));
    const inventory = new KeyInventory(browser, async () => [account]);
    inventory.cancel();
    await inventory.ensure();
    assert.equal(browser.loadedKeys().length, 0, 'a cancelled count read keys');
    assert.equal(inventory.state().cancelled, true);
    inventory.refresh();
    await inventory.idle();
    assert.equal(inventory.state().cancelled, false);
    assert.ok(browser.loadedKeys().length > 0, 'the refresh did not start the count again');
  });
});
