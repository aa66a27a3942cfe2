/**
 * Every cloud call ends within its deadline, body included: a server that sends its headers and then
 * trickles the body one byte at a time is cut off, and the message names the call and the deadline.
 * A short deadline is injected (`timeoutMs`); the tests assert how the call ended, never a wall time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failure } from '../oci/harness';
import { faultedClouds, useFaultedCloud } from './support/faultedClouds';

const DEADLINE = { timeoutMs: 400 };

for (const cloud of faultedClouds()) {
  // Without a total deadline the trickled body would take minutes: the test's own timeout catches that.
  describe(`${cloud.name}: a call that never ends`, { timeout: 30_000 }, () => {
    useFaultedCloud(cloud);

    it('is stopped at the deadline when the body trickles in after the headers, naming the call and the deadline', async () => {
      const provider = await cloud.provider(DEADLINE);
      cloud.addFault({ route: cloud.listRoute, kind: 'trickle', ms: 100 });
      const error = await failure(provider.listUsers());
      assert.equal(error.code, 'network');
      assert.equal(error.cloud, cloud.cloud);
      assert.match(error.message, /did not finish answering/);
      assert.match(error.message, cloud.listCall);
      assert.match(error.message, /within 0\.4 s/);
      assert.match(error.message, /cloudKeys\.http\.timeoutSeconds/);
    });

    it('reports a cancel by the user as a cancel, not as a timeout', async () => {
      const provider = await cloud.provider(DEADLINE);
      cloud.addFault({ route: cloud.listRoute, kind: 'trickle', ms: 100 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await failure(provider.listUsers(undefined, controller.signal));
      assert.equal(error.code, 'cancelled', error.message);
    });

    it('lets a slow answer that finishes within the deadline through', async () => {
      const provider = await cloud.provider({ timeoutMs: 10_000 });
      cloud.addFault({ route: cloud.listRoute, kind: 'latency', ms: 200, times: 1 });
      assert.ok((await provider.listUsers()).items.length > 0);
    });
  });
}
