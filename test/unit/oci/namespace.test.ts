import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import * as common from 'oci-common';
import { objectStorageEndpointFor } from '../../../src/clouds/oci/endpoints';
import { createObjectStorageClient } from '../../../src/clouds/oci/objectStorageClient';
import { Secret } from '../../../src/model/secret';
import { SEED_NAMESPACES, type RunningOciEmulator } from '../../emulators/oci';
import { failure, providerFor, useOciEmulator } from './harness';

describe('OCI Object Storage namespace (GetNamespace)', () => {
  let emulator: RunningOciEmulator;
  useOciEmulator((started) => {
    emulator = started;
  });

  const namespaceCalls = () => emulator.calls.filter((call) => call === 'GET /n').length;

  it("returns the tenancy's namespace through a signed GET /n on the endpoint the oci.endpoint setting names", async () => {
    const { provider } = await providerFor(emulator);
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
    assert.equal(namespaceCalls(), 1);
  });

  it('asks once per account and answers from its cache afterwards', async () => {
    const { provider } = await providerFor(emulator);
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
    assert.equal(namespaceCalls(), 1, 'the second call went to the service');
    const other = await providerFor(emulator);
    assert.equal(await other.provider.objectStorageNamespace(), SEED_NAMESPACES.test);
    assert.equal(namespaceCalls(), 2, 'another account has its own cache');
  });

  it('does not cache a failure: the next call asks again', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'status', status: 404, times: 1 });
    await failure(provider.objectStorageNamespace());
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
  });

  it('is refused when the request is signed with a key that is not the registered one', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { provider } = await providerFor(emulator, {}, { keyPem: wrongKey });
    const error = await failure(provider.objectStorageNamespace());
    assert.equal(error.code, 'auth');
    assert.equal(error.httpStatus, 401);
    assert.match(error.message, /did not accept the request signature while reading the Object Storage namespace/);
    assert.equal(namespaceCalls(), 1, 'the refusal came from the namespace route');
  });

  it('answers an unsigned GET /n/ with OCI’s 401 body', async () => {
    const response = await fetch(`${emulator.url}/n/`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'NotAuthenticated');
  });

  it('turns a 404 into a not-found CloudError with the request id', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'status', status: 404, headers: { 'opc-request-id': 'REQ-NS-404' } });
    const error = await failure(provider.objectStorageNamespace());
    assert.equal(error.code, 'not-found');
    assert.equal(error.requestId, 'REQ-NS-404');
    assert.match(error.describe(), /Object Storage namespace.*\(request id REQ-NS-404\)$/);
  });

  it('turns a 403 into a forbidden CloudError that says to ask for a policy', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'status', status: 403 });
    const error = await failure(provider.objectStorageNamespace());
    assert.equal(error.code, 'forbidden');
    assert.match(error.message, /Ask a tenancy administrator for a policy/);
    assert.ok(error.requestId, 'the request id of the refusal is kept');
  });

  it('retries a 500 and then reports a server CloudError with the request id', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'status', status: 500, headers: { 'opc-request-id': 'REQ-NS-500' } });
    const error = await failure(provider.objectStorageNamespace());
    assert.equal(error.code, 'server');
    assert.equal(error.httpStatus, 500);
    assert.equal(error.requestId, 'REQ-NS-500');
    assert.equal(namespaceCalls(), 3, 'the adapter retried within its policy (3 attempts in tests)');
  });

  it('recovers when a 500 is followed by a good answer', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'status', status: 500, times: 1 });
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
  });

  it('reports a body that is not JSON as a server error', async () => {
    const { provider } = await providerFor(emulator);
    emulator.faults.add({ route: 'GET /n', kind: 'garbage' });
    const error = await failure(provider.objectStorageNamespace());
    assert.equal(error.code, 'server');
    assert.match(error.message, /not valid JSON while reading the Object Storage namespace/);
  });

  for (const [name, body] of [
    ['a JSON object', { namespace: 'cktestns4p9w' }],
    ['a string that is no namespace', '"not a namespace!"'],
    ['an empty string', '""'],
  ] as const) {
    it(`reports ${name} as an unexpected response, with the request id`, async () => {
      const { provider } = await providerFor(emulator);
      emulator.faults.add({ route: 'GET /n', kind: 'status', status: 200, body, headers: { 'opc-request-id': 'REQ-NS-SHAPE' } });
      const error = await failure(provider.objectStorageNamespace());
      assert.equal(error.code, 'server');
      assert.match(error.message, /unexpected response while reading the Object Storage namespace/);
      assert.equal(error.requestId, 'REQ-NS-SHAPE');
    });
  }

  it('stops when the caller cancels, without caching anything', async () => {
    const { provider } = await providerFor(emulator);
    const abort = new AbortController();
    abort.abort();
    const error = await failure(provider.objectStorageNamespace(abort.signal));
    assert.equal(error.code, 'cancelled');
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
  });

  it('follows a regional endpoint mapping as identity calls do', async () => {
    const { provider } = await providerFor(emulator, { endpointForRegion: (region) => emulator.regionUrl(region) }, {}, { settings: {} });
    const seen = emulator.requests.length;
    assert.equal(await provider.objectStorageNamespace(), SEED_NAMESPACES.test);
    assert.deepEqual(
      emulator.requests.slice(seen).map((request) => `${request.method} ${request.path}`),
      [`GET /r/${emulator.caller.region}/n`],
    );
  });
});

describe('the Object Storage endpoint that goes with an identity endpoint', () => {
  it('pairs an OCI identity host with the object storage host of the same region', () => {
    assert.equal(
      objectStorageEndpointFor('https://identity.eu-frankfurt-1.oci.oraclecloud.com'),
      'https://objectstorage.eu-frankfurt-1.oraclecloud.com',
    );
    assert.equal(
      objectStorageEndpointFor('https://identity.me-dcc-muscat-1.oci.oraclecloud9.com'),
      'https://objectstorage.me-dcc-muscat-1.oraclecloud9.com',
    );
    assert.equal(
      objectStorageEndpointFor('https://identity.us-ashburn-1.oraclecloud.com'),
      'https://objectstorage.us-ashburn-1.oraclecloud.com',
    );
  });

  it('keeps any other URL (an emulator, a gateway) as it is, path included', () => {
    assert.equal(objectStorageEndpointFor('http://127.0.0.1:4321'), 'http://127.0.0.1:4321');
    assert.equal(objectStorageEndpointFor('http://127.0.0.1:4321/r/eu-frankfurt-1'), 'http://127.0.0.1:4321/r/eu-frankfurt-1');
    assert.equal(objectStorageEndpointFor('https://gateway.example.test/oci'), 'https://gateway.example.test/oci');
  });

  it("leaves the public endpoint to the SDK's region template when nothing overrides it", () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const client = createObjectStorageClient(
      {
        tenancyId: 'ocid1.tenancy.oc1..t',
        userId: 'ocid1.user.oc1..u',
        fingerprint: '00:11',
        privateKey: new Secret(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
        region: 'eu-frankfurt-1',
      },
      { region: 'eu-frankfurt-1' },
      { timeoutMs: 1_000 },
    );
    // The SDK keeps a template and fills it in per call, as here.
    const resolved = common.EndpointBuilder.updateEndpointTemplateForOptions(client.endpoint, false, false);
    assert.equal(resolved, 'https://objectstorage.eu-frankfurt-1.oraclecloud.com');
  });
});
