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
