/**
 * The emulator options the benchmarks rely on: generated users (a large tenancy) and a share of
 * requests answered with a fault. Checked through the real adapters and the extension's listing
 * layer, as the benchmark uses them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos/index';
import { cloudModule as ociModule } from '../../../src/clouds/oci/index';
import { cloudModule as outscaleModule } from '../../../src/clouds/outscale/index';
import type { CloudModule } from '../../../src/clouds/cloudModule';
import type { CloudId } from '../../../src/model/types';
import { AccountBrowser } from '../../../src/operations/accountBrowser';
import { createLimiter } from '../../../src/util/limiter';
import { listEverything } from '../../bench/listing/listEverything';
import { benchContext } from '../../bench/support/benchContext';
import { startBenchEmulators, type EmulatorEndpoint } from '../../bench/support/emulatorHost';
import { FaultInjector } from '../../emulators/shared/faults';
import type { RunningEmulator } from '../../emulators/shared/httpServer';
import { generatedUsers } from '../../emulators/shared/generatedUsers';

const MODULES: Record<CloudId, CloudModule> = { oci: ociModule, outscale: outscaleModule, ionos: ionosModule };
const GENERATED = 25;
/** Users and keys of each cloud's demo seed as the listing layer sees them (OUTSCALE counts the account itself). */
// IONOS: 8 users and their 14 S3 keys, plus the contract's entry and its 4 Object Storage access keys.
const DEMO = { oci: { users: 7, keys: 11 }, outscale: { users: 7, keys: 10 }, ionos: { users: 9, keys: 18 } };

describe('fault ratio', () => {
  it('applies a fault to every 1/ratio-th matching request only, and counts hits against times', () => {
    const faults = new FaultInjector();
    faults.add({ route: 'GET /users', kind: 'status', status: 429, ratio: 0.25, times: 2 });
    const hits = Array.from({ length: 12 }, () => faults.take('GET /users').length);
    assert.deepEqual(hits, [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.equal(faults.take('GET /other').length, 0);
  });

  it('leaves faults without a ratio applying to every matching request', () => {
    const faults = new FaultInjector();
    faults.add({ route: '*', kind: 'latency', ms: 1 });
    assert.deepEqual(
      [1, 2, 3].map(() => faults.take('ReadUsers').length),
      [1, 1, 1],
    );
  });
});

describe('generated users', () => {
  let home: string;
  let running: Map<CloudId, RunningEmulator>;
  let clouds: EmulatorEndpoint[];

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-bench-unit-'));
    ({ running, clouds } = await startBenchEmulators(home, GENERATED));
  });

  after(async () => {
    await Promise.all([...running.values()].map((e) => e.close()));
    fs.rmSync(home, { recursive: true, force: true });
  });

  async function listAll(endpoint: EmulatorEndpoint) {
    const ctx = benchContext(endpoint, home);
    const { accounts } = await MODULES[endpoint.cloud].discoverAccounts(ctx);
    assert.equal(accounts.length, 1, `${endpoint.cloud}: one demo account`);
    const provider = MODULES[endpoint.cloud].createProvider(accounts[0], ctx);
    const browser = new AccountBrowser(() => provider, createLimiter(4));
    return listEverything(browser, accounts[0]);
  }

  const expectedKeys = generatedUsers(GENERATED).reduce((n, user) => n + user.keyCount, 0);

  for (const cloud of ['oci', 'outscale', 'ionos'] as const) {
    it(`adds ${GENERATED} users with one to three keys each to the ${cloud} demo seed, listed page by page`, async () => {
      const endpoint = clouds.find((c) => c.cloud === cloud)!;
      const counted = await listAll(endpoint);
      assert.deepEqual(counted, { users: DEMO[cloud].users + GENERATED, keys: DEMO[cloud].keys + expectedKeys, failedUsers: 0 });
    });
  }

  it('lists everything without a failure when every tenth request is answered 429', async () => {
    const endpoint = clouds.find((c) => c.cloud === 'ionos')!;
    running.get('ionos')!.faults.add({ route: '*', kind: 'status', status: 429, ratio: 0.1, headers: { 'retry-after': '0' } });
    const callsBefore = running.get('ionos')!.calls.length;
    try {
      const counted = await listAll(endpoint);
      assert.deepEqual(counted, { users: DEMO.ionos.users + GENERATED, keys: DEMO.ionos.keys + expectedKeys, failedUsers: 0 });
      assert.ok(running.get('ionos')!.calls.length - callsBefore > GENERATED + DEMO.ionos.users, 'the throttled requests were sent again');
    } finally {
      running.get('ionos')!.faults.clear();
    }
  });
});
