/**
 * The bad-input catalogue: one table across OCI, OUTSCALE and IONOS Cloud. Every case feeds the
 * product something wrong (a config file, a PEM, a name, a date, an endpoint, a cloud answer) and
 * expects a clear message naming what to fix, no crash (a CloudError or a discovery problem, never a
 * raw error), no unhandled rejection, no write reaching an emulator and nothing stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudError } from '../../../src/model/cloudError';
import { startIonosEmulator } from '../../emulators/ionos';
import { startOciEmulator } from '../../emulators/oci';
import { startOutscaleEmulator } from '../../emulators/outscale';
import { CATALOGUE, type Emulators, type Outcome } from './badInputCases';

let emulators: Emulators;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let passed = 0;

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  const [oci, outscale, ionos] = await Promise.all([
    startOciEmulator({ seed: 'test' }),
    startOutscaleEmulator({ seed: 'test' }),
    startIonosEmulator({ seed: 'test', asyncWrites: false }),
  ]);
  emulators = { oci, outscale, ionos };
});
after(async () => {
  process.off('unhandledRejection', onUnhandled);
  await Promise.all(Object.values(emulators).map((e) => e.close()));
  console.log(`bad-input catalogue: ${CATALOGUE.length} cases, ${passed} passed`);
});

const WRITES = /^(POST|PUT|PATCH|DELETE) |^(Create|Update|Delete)/;

async function outcomeOf(run: () => Promise<Outcome>): Promise<{ message: string; kind: 'cloud-error' | 'problem' }> {
  try {
    const result = await run();
    assert.ok(result.problem !== undefined, 'expected a refusal, got success');
    return { message: result.problem, kind: 'problem' };
  } catch (error) {
    assert.ok(
      error instanceof CloudError,
      `expected a CloudError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
    return { message: error.message, kind: 'cloud-error' };
  }
}

describe(`bad-input catalogue (${CATALOGUE.length} cases)`, () => {
  it('has at least 60 cases, across all three clouds', () => {
    assert.ok(CATALOGUE.length >= 60, `${CATALOGUE.length} cases`);
    for (const cloud of ['oci', 'outscale', 'ionos'])
      assert.ok(
        CATALOGUE.some((c) => c.cloud === cloud),
        cloud,
      );
  });

  for (const c of CATALOGUE) {
    it(`[${c.cloud}] ${c.area}: ${c.name}`, async () => {
      for (const emulator of Object.values(emulators)) {
        emulator.faults.clear();
        emulator.calls.length = 0;
      }
      const stored: string[] = [];
      const { message } = await outcomeOf(() => c.run(emulators, stored));
      for (const words of c.expect) assert.match(message, words, `message: ${message}`);
      const writes = Object.values(emulators).flatMap((e) => e.calls.filter((call: string) => WRITES.test(call)));
      assert.deepEqual(writes, [], 'no write reached a cloud');
      assert.deepEqual(stored, [], 'nothing was stored');
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, [], 'no unhandled rejection');
      passed += 1;
    });
  }
});
