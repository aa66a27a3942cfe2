/**
 * Each cloud adapter (dist/clouds/<cloud>.js) and each lazy bundle (dist/lazy/*.js) carries its own
 * copy of `CloudError` and `Secret`, while the code that reacts to them (the tree, the rotation
 * engine, the lenses, the forms, the key operations, the log's redaction) lives in dist/extension.js.
 * These tests load the built bundles under plain Node and hand what they make to the source modules,
 * which stand for the extension's copy: an error or a secret must be recognised whichever bundle made it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CloudProvider } from '../../src/clouds/provider';
import type * as OciBundle from '../../src/clouds/oci/index';
import type * as OutscaleBundle from '../../src/clouds/outscale/index';
import { CloudError, isCloudError } from '../../src/model/cloudError';
import { isSecret, Secret } from '../../src/model/secret';
import { refusedBeforeCreating } from '../../src/operations/keyOperations';
import { Cancelled, errorCode, errorMessage } from '../../src/operations/rotation/engineErrors';
import type * as OciProfileBundle from '../../src/operations/exports/ociProfileModule';
import { redactForLog } from '../../src/util/redact';
import { startOutscaleEmulator, type RunningOutscaleEmulator } from '../emulators/outscale/index';
import { FAST, makeContext, manualAccount } from './outscale/support';

const dist = path.resolve(__dirname, '..', '..', 'dist');

function load<T>(relative: string): T {
  const file = path.join(dist, relative);
  assert.ok(fs.existsSync(file), `${file} is missing: run node esbuild.mjs first`);
  return createRequire(__filename)(file) as T;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the call did not fail');
}

/** What the extension decides from an error, by the source modules it is built from. */
function assertRecognised(error: unknown, code: string): void {
  assert.ok(
    !(error instanceof CloudError && Object.getPrototypeOf(error) === CloudError.prototype),
    'the error must come from another copy of CloudError',
  );
  assert.equal(isCloudError(error), true, 'isCloudError does not recognise it');
  assert.equal(error instanceof CloudError, true, 'instanceof CloudError does not recognise it');
  assert.equal(errorCode(error), code, 'a rotation journal would record another code');
  assert.equal(error instanceof Cancelled, false, "only the rotation's own Cancelled is a Cancelled");
}

describe('errors and secrets made by another bundle keep their identity', () => {
  let emulator: RunningOutscaleEmulator;
  let outscale: CloudProvider;
  let userId: string;

  before(async () => {
    emulator = await startOutscaleEmulator({ seed: 'test' });
    const ctx = makeContext();
    const bundle = load<typeof OutscaleBundle>('clouds/outscale.js');
    outscale = bundle.createOutscaleProvider(await manualAccount(ctx, emulator), ctx, FAST);
    userId = (await outscale.listUsers()).items[0].id;
  });
  after(() => emulator.close());

  it('a throttled error of dist/clouds/outscale.js is a retryable CloudError with its request id', async () => {
    emulator.faults.add({ route: 'ReadAccessKeys', kind: 'status', status: 503 });
    let error: unknown;
    try {
      error = await rejection(outscale.listKeys(userId));
    } finally {
      emulator.faults.clear();
    }
    assertRecognised(error, 'throttled');
    const cloudError = error as CloudError;
    // The rotation engine retries a verify on `retryable`; messages show `describe()`.
    assert.equal(cloudError.retryable, true);
    assert.ok(cloudError.requestId, 'the emulator sends a request id');
    assert.match(cloudError.describe(), new RegExp(`request id ${cloudError.requestId}`));
    assert.equal(errorMessage(error), cloudError.describe());
  });

  it('a cancelled load of dist/clouds/outscale.js is a cancelled CloudError', async () => {
    const error = await rejection(outscale.listKeys(userId, AbortSignal.abort()));
    assertRecognised(error, 'cancelled');
    assert.equal((error as CloudError).retryable, false);
  });

  it('a quota refusal of dist/clouds/outscale.js proves to the key operations that no key was made', async () => {
    emulator.faults.add({
      route: 'CreateAccessKey',
      kind: 'status',
      status: 400,
      body: {
        Errors: [{ Code: '10022', Type: 'TooManyResources', Details: 'The limit of 10 access keys for this user has been reached.' }],
        ResponseContext: { RequestId: 'REQ-QUOTA' },
      },
      times: 1,
    });
    const error = await rejection(outscale.createKey(userId, 'access-key', {}));
    assertRecognised(error, 'quota');
    assert.equal(refusedBeforeCreating(error), true, 'the create journal would keep a record of a key that cannot exist');
  });

  it('errors of dist/clouds/oci.js and dist/lazy/ociProfile.js are CloudErrors', () => {
    const oci = load<typeof OciBundle>('clouds/oci.js');
    let error: unknown;
    try {
      oci.checkUploadablePublicKey('not a key');
    } catch (caught) {
      error = caught;
    }
    assertRecognised(error, 'invalid');

    const profile = load<typeof OciProfileBundle>('lazy/ociProfile.js');
    try {
      profile.checkAbsolutePath('key file', 'relative/key.pem');
      assert.fail('a relative path was accepted');
    } catch (caught) {
      assertRecognised(caught, 'invalid');
    }
  });

  it('a Secret of dist/clouds/oci.js is a Secret, and the log prints it as [redacted]', () => {
    const oci = load<typeof OciBundle>('clouds/oci.js');
    const { privateKey } = oci.generateRsaKeyPair(2048);
    assert.notEqual(Object.getPrototypeOf(privateKey), Secret.prototype, 'the secret must come from another copy of Secret');
    assert.equal(isSecret(privateKey), true, 'isSecret does not recognise it');
    assert.equal(privateKey instanceof Secret, true, 'instanceof Secret does not recognise it');
    assert.equal(redactForLog(privateKey), '[redacted]');
    assert.equal(redactForLog({ key: 'k', value: privateKey }).includes('PRIVATE KEY'), false);
    assert.match(privateKey.reveal(), /^-----BEGIN PRIVATE KEY-----/);
  });

  it('a subclass keeps its own identity: a CloudError is not a Cancelled, a Cancelled is a CloudError', () => {
    assert.equal(new Cancelled() instanceof CloudError, true);
    assert.equal(isCloudError(new Cancelled()), true);
    assert.equal(new CloudError('cancelled', 'x') instanceof Cancelled, false);
    assert.equal(isCloudError(new Error('x')), false);
    assert.equal(isCloudError({ code: 'cancelled', message: 'x' }), false);
    assert.equal(isCloudError(undefined), false);
    assert.equal(isSecret('plain text'), false);
    assert.equal(isSecret({ reveal: () => 'x' }), false);
  });
});
