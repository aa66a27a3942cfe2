/**
 * The vendors' contracts: the real adapters drive the emulators through every call they make, and
 * the emulators check each request against the spec's request schema and each response against its
 * response schema (test/contracts, extracted from OSC API 1.40.1 and IONOS Cloud API 6.0). Run with
 * every answer at its fullest, then with seeded spec-valid variants, it must record 0 violations;
 * the counts per cloud are printed. The last tests prove the checks can fail and name the field.
 */
import assert from 'node:assert/strict';
import { after, describe, it, type TestContext } from 'node:test';
import { z } from 'zod';
import { cloudModule as ionosModule } from '../../../src/clouds/ionos';
import { IonosProvider } from '../../../src/clouds/ionos/provider';
import { CloudError } from '../../../src/model/cloudError';
import { startIonosEmulator } from '../../emulators/ionos';
import { startOutscaleEmulator, TEST_SEED } from '../../emulators/outscale/index';
import type { ContractReport } from '../../emulators/shared/contract/recorder';
import { ContractRecorder } from '../../emulators/shared/contract/recorder';
import { startEmulatorServer } from '../../emulators/shared/httpServer';
import { basicEnv, FAST as IONOS_FAST, makeContext as ionosContext } from '../ionos/support';
import { startOciEmulator } from '../../emulators/oci';
import { providerFor as ociProviderFor } from '../oci/harness';
import { providerFor, rawCall } from '../outscale/support';
import { ionosFlow, ociFlow, outscaleFlow, undated } from './flows';

/** Seeds of the spec-valid variants; each gives other fields left out and added. */
const VARIANT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const totals = new Map<string, { spec: string; requests: number; responses: number; violations: number }>();

function tally(report: ContractReport): void {
  const total = totals.get(report.cloud) ?? { spec: report.spec, requests: 0, responses: 0, violations: 0 };
  total.requests += report.requests;
  total.responses += report.responses;
  total.violations += report.violations.length;
  totals.set(report.cloud, total);
}

/** Fails with the first violation, which names the operation and the field. */
function assertNoViolations(report: ContractReport | undefined): void {
  assert.ok(report, 'the emulator checks its contract');
  tally(report);
  assert.ok(report.requests > 0 && report.responses > 0, 'requests and responses were checked');
  assert.equal(report.violations[0], undefined, `${report.violations.length} contract violation(s), the first: ${report.violations[0]}`);
}

async function ionosProvider(emulator: Awaited<ReturnType<typeof startIonosEmulator>>): Promise<IonosProvider> {
  const ctx = ionosContext({ env: basicEnv(emulator) });
  const { accounts } = await ionosModule.discoverAccounts(ctx);
  // Two users a page, so paging is exercised too.
  return new IonosProvider(accounts[0], ctx, { ...IONOS_FAST, pageSize: 2 });
}

after(() => {
  for (const [cloud, t] of totals) {
    console.log(
      `contract ${cloud}: ${t.requests} requests and ${t.responses} responses validated against ${t.spec}, ${t.violations} violations`,
    );
  }
});

describe('OUTSCALE against OSC API 1.40.1', () => {
  for (const seed of [undefined, ...VARIANT_SEEDS]) {
    it(
      seed === undefined ? 'every call, every answer in full: 0 violations' : `every call, answers varied with seed ${seed}: 0 violations`,
      async (t: TestContext) => {
        const emulator = await startOutscaleEmulator({ seed: 'test', variantSeed: seed });
        t.after(() => emulator.close());
        const { provider } = await providerFor(emulator);
        const before = undated.count;
        await outscaleFlow(provider, emulator);
        assertNoViolations(emulator.contract);
        assert.equal(undated.count > before, seed !== undefined, 'the variants leave creation dates out, and only they do');
      },
    );
  }

  it('refuses a misspelt filter, as the spec does, instead of answering every key; the violation names the field', async (t: TestContext) => {
    const emulator = await startOutscaleEmulator({ seed: 'test' });
    t.after(() => emulator.close());
    await assert.rejects(rawCall(emulator, 'ReadAccessKeys', { Filters: { AccessKeyIdz: ['X'] } }), (error: unknown) => {
      assert.ok(error instanceof CloudError);
      assert.equal(error.httpStatus, 400);
      assert.match(error.message, /Filters\.AccessKeyIdz/);
      return true;
    });
    assert.deepEqual(emulator.contract?.violations, [
      'OUTSCALE ReadAccessKeys request: Filters.AccessKeyIdz is not a field the spec allows here',
    ]);
  });

  it('shows a key the spec-valid answer gives no State as state unknown, rather than failing the list', async (t: TestContext) => {
    const emulator = await startOutscaleEmulator({ seed: 'test' });
    t.after(() => emulator.close());
    const body = { AccessKeys: [{ AccessKeyId: TEST_SEED.callerKeyId, CreationDate: '2026-01-31T10:15:00.000+0000' }] };
    const validator = new ContractRecorder('outscale', '/api/v1', { quiet: true }).validator;
    assert.deepEqual(
      validator.checkResponse(validator.match('POST', '/api/v1/ReadAccessKeys')!, 200, { body }),
      [],
      'the answer is one the spec allows',
    );
    emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 200, body, times: 1 });
    const { provider } = await providerFor(emulator);
    const [key] = await provider.listKeys('#account');
    assert.equal(key.id, TEST_SEED.callerKeyId);
    assert.equal(key.state, 'unknown');
  });

  it('honours DryRun: checks the caller may act, changes nothing', async (t: TestContext) => {
    const emulator = await startOutscaleEmulator({ seed: 'test' });
    t.after(() => emulator.close());
    const before = emulator.state.keysOf('bob').length;
    const answer = await rawCall(emulator, 'CreateAccessKey', { UserName: 'bob', DryRun: true });
    assert.deepEqual(Object.keys(answer as object), ['ResponseContext']);
    assert.equal(emulator.state.keysOf('bob').length, before, 'no key was created');
    await assert.rejects(
      rawCall(emulator, 'DeleteAccessKey', { AccessKeyId: TEST_SEED.aliceActiveKeyId, UserName: 'alice', DryRun: true }),
      /INACTIVE|inactive/,
    );
    assert.ok(emulator.state.keys.has(TEST_SEED.aliceActiveKeyId));
    assertNoViolations(emulator.contract);
  });
});

describe('IONOS against Cloud API 6.0', () => {
  for (const asyncWrites of [undefined, false] as const) {
    for (const seed of [undefined, ...VARIANT_SEEDS]) {
      const how = `${asyncWrites === false ? 'synchronous' : 'asynchronous'} writes`;
      it(`every call, ${how}, ${seed === undefined ? 'every answer in full' : `answers varied with seed ${seed}`}: 0 violations`, async (t: TestContext) => {
        const emulator = await startIonosEmulator({ seed: 'test', variantSeed: seed, ...(asyncWrites === false ? { asyncWrites } : {}) });
        t.after(() => emulator.close());
        const before = undated.count;
        await ionosFlow(await ionosProvider(emulator), emulator);
        assertNoViolations(emulator.contract);
        // The Object Storage Management API, on its own port, against its own contract.
        assertNoViolations(emulator.objectStorage.contract);
        assert.equal(undated.count > before, seed !== undefined, 'the variants leave creation dates out, and only they do');
      });
    }
  }

  it('refuses a page size above the spec maximum; the violation names the parameter', async (t: TestContext) => {
    const emulator = await startIonosEmulator({ seed: 'test' });
    t.after(() => emulator.close());
    const provider = new IonosProvider(
      (await ionosModule.discoverAccounts(ionosContext({ env: basicEnv(emulator) }))).accounts[0],
      ionosContext({ env: basicEnv(emulator) }),
      {
        ...IONOS_FAST,
        pageSize: 1000,
      },
    );
    await assert.rejects(
      provider.listUsers(),
      (error: unknown) => error instanceof CloudError && error.httpStatus === 422 && /limit/.test(error.message),
    );
    assert.equal(emulator.contract?.violations[0], 'IONOS umUsersGet request: query.limit must be <= 100');
  });
});

describe('OCI against the SDK models (oci-identity 2.139.1)', () => {
  // OCI publishes no OpenAPI file: the official SDK is the contract, and the emulator keeps checking
  // every request's signature. The variants leave out or null the fields the SDK marks optional.
  for (const seed of VARIANT_SEEDS) {
    it(`every call, answers varied with seed ${seed}: the adapter copes`, async (t: TestContext) => {
      const emulator = await startOciEmulator({ seed: 'test', variantSeed: seed });
      t.after(() => emulator.close());
      const { provider } = await ociProviderFor(emulator, { pageSize: 3 });
      const before = undated.count;
      await ociFlow(provider, emulator);
      assert.ok(undated.count > before, 'the variants leave creation dates out');
    });
  }
});

describe('the contract check itself', () => {
  it('fails a response the spec does not allow, naming the operation and the field', async (t: TestContext) => {
    const recorder = new ContractRecorder('outscale', '/api/v1', { quiet: true });
    const server = await startEmulatorServer(
      {
        routeKey: () => 'ReadAccessKeys',
        handle: () => ({ status: 200, body: { AccessKeys: [{ AccessKeyId: 'A', State: 'ACTIVE', Secret: 'leak' }] } }),
        errorBody: (status) => ({ status }),
        reset: () => undefined,
      },
      { contract: { recorder } },
    );
    t.after(() => server.close());
    const response = await fetch(`${server.url}/api/v1/ReadAccessKeys`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 500);
    assert.match(z.object({ emulatorError: z.string() }).parse(await response.json()).emulatorError, /AccessKeys\.0\.Secret/);
    assert.deepEqual(recorder.report.violations, [
      'OUTSCALE ReadAccessKeys response 200: AccessKeys.0.Secret is not a field the spec allows here',
    ]);
  });

  it('fails a status the spec does not document for the operation', async (t: TestContext) => {
    const recorder = new ContractRecorder('ionos', '/cloudapi/v6', { quiet: true });
    const server = await startEmulatorServer(
      { routeKey: () => 'DELETE', handle: () => ({ status: 204 }), errorBody: (status) => ({ status }), reset: () => undefined },
      { contract: { recorder } },
    );
    t.after(() => server.close());
    assert.equal((await fetch(`${server.url}/cloudapi/v6/um/users/u/s3keys/k`, { method: 'DELETE' })).status, 500);
    assert.deepEqual(recorder.report.violations, [
      'IONOS umUsersS3keysDelete response: status 204 is not one the spec documents (202, or an error)',
    ]);
  });
});
