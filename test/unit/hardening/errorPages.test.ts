/**
 * Messages a user can read: an HTML error page from a proxy, a gateway or a CDN is described by its
 * status and type, never pasted; a `Retry-After` longer than Cloud Keys waits ends the call at once
 * with the wait the cloud asked for, instead of "wait a minute" after a shorter wait.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failure } from '../oci/harness';
import { faultedClouds, useFaultedCloud } from './support/faultedClouds';

const HTTP = { timeoutMs: 5_000 };

function assertNoMarkup(message: string): void {
  assert.doesNotMatch(message, /<|>|DOCTYPE|nginx|upstream/i, message);
}

for (const cloud of faultedClouds()) {
  describe(`${cloud.name}: error answers a person can read`, { timeout: 30_000 }, () => {
    useFaultedCloud(cloud);

    it("describes a proxy's HTML 502 page by its status, without any markup", async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'page', status: 502 });
      const error = await failure(provider.listUsers());
      assert.equal(error.code, 'server');
      assert.equal(error.httpStatus, 502);
      assertNoMarkup(error.message);
      assert.match(error.message, /502 Bad Gateway as an HTML page/);
      assert.match(error.message, /proxy, gateway or CDN/);
      assert.match(error.message, cloud.listCall);
    });

    it("describes a CDN's HTML 429 page as rate limiting, with the wait it asked for", async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'page', status: 429, headers: { 'retry-after': '600' } });
      const error = await failure(provider.listUsers());
      assert.equal(error.code, 'throttled');
      assertNoMarkup(error.message);
      assert.match(error.message, /429 Too Many Requests as an HTML page/);
      assert.match(error.message, /asked to wait 10 minutes/);
    });

    it('reports a Retry-After longer than it waits with the duration the cloud asked for, without retrying early', async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'status', status: 429, headers: { 'retry-after': '300' } });
      const error = await failure(provider.listUsers());
      assert.equal(error.code, 'throttled');
      assert.match(error.message, /asked to wait 5 minutes/);
      assert.doesNotMatch(error.message, /wait a (minute|moment)/i);
      assert.equal(cloud.served(cloud.listRoute), 1, 'no second request before the time the cloud asked for');
    });

    it('says how long the cloud asked to wait on a 503 too, at once', async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'status', status: 503, headers: { 'retry-after': '600' } });
      const error = await failure(provider.listUsers());
      assert.match(error.message, /asked to wait 10 minutes/);
      assert.equal(cloud.served(cloud.listRoute), 1);
    });

    it('says how long a gateway asked to wait with its HTML 503 page', async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'page', status: 503, headers: { 'retry-after': '7200' } });
      const error = await failure(provider.listUsers());
      assertNoMarkup(error.message);
      assert.match(error.message, /503 Service Unavailable as an HTML page/);
      assert.match(error.message, /after 2 hours, as it asked/);
    });

    it('waits a short Retry-After and succeeds', async () => {
      const provider = await cloud.provider(HTTP);
      cloud.addFault({ route: cloud.listRoute, kind: 'status', status: 429, headers: { 'retry-after': '0.01' }, times: 1 });
      assert.ok((await provider.listUsers()).items.length > 0);
      assert.equal(cloud.served(cloud.listRoute), 2);
    });
  });
}
