/**
 * The baseline: each cloud's users and keys listed by a plain sequential loop, the way a short script
 * would do it with the cloud's SDK (OCI) or its HTTP API (OUTSCALE with aws4 signing, IONOS with
 * Basic auth), one request after the other, with no limiter, cache or retry of ours.
 *
 * A sequential loop's time is linear in the number of users, so it is measured on the first
 * `sampleUsers` users (after reading every page of users) and scaled to all of them.
 */
import fs from 'node:fs';
import aws4 from 'aws4';
import * as common from 'oci-common';
import * as identity from 'oci-identity';
import { z } from 'zod';
import type { CloudId } from '../../../src/model/types';
import type { EmulatorEndpoint } from '../support/emulatorHost';

export interface SequentialRun {
  readonly users: number;
  /** Time to read every page of users. */
  readonly pagesMs: number;
  /** Time to list the keys of the sampled users. */
  readonly sampleMs: number;
  readonly sampledUsers: number;
  /** Requests sent in the run. */
  readonly requests: number;
  /** pagesMs + sampleMs scaled from the sample to every user. */
  readonly estimatedMs: number;
}

interface Loop {
  listUserIds(): Promise<{ ids: string[]; requests: number }>;
  /** Lists one user's keys; returns the requests it took. */
  listKeys(userId: string): Promise<number>;
}

async function measure(loop: Loop, sampleUsers: number): Promise<SequentialRun> {
  const pagesStart = performance.now();
  const { ids, requests: pageRequests } = await loop.listUserIds();
  const pagesMs = performance.now() - pagesStart;
  const sample = ids.slice(0, sampleUsers);
  let requests = pageRequests;
  const sampleStart = performance.now();
  for (const id of sample) requests += await loop.listKeys(id);
  const sampleMs = performance.now() - sampleStart;
  return {
    users: ids.length,
    pagesMs,
    sampleMs,
    sampledUsers: sample.length,
    requests,
    estimatedMs: pagesMs + (sampleMs * ids.length) / sample.length,
  };
}

// ---- OCI: the official SDK, configured from the profile, as its samples do ------------------

/** Runs `make` with console.info silenced: the SDK's config reader prints a notice about the DEFAULT profile. */
function quietly<T>(make: () => T): T {
  const info = console.info;
  console.info = () => undefined;
  try {
    return make();
  } finally {
    console.info = info;
  }
}

function ociLoop(endpoint: EmulatorEndpoint): Loop {
  const configFile = endpoint.env.OCI_CONFIG_FILE;
  const auth = quietly(() => new common.ConfigFileAuthenticationDetailsProvider(configFile, 'cloud-keys-demo'));
  const client = new identity.IdentityClient({ authenticationDetailsProvider: auth });
  client.endpoint = endpoint.url;
  const tenancy = auth.getTenantId();
  return {
    async listUserIds() {
      const ids: string[] = [];
      let requests = 0;
      let page: string | undefined;
      do {
        const response = await client.listUsers({ compartmentId: tenancy, page });
        requests += 1;
        ids.push(...response.items.map((user) => user.id));
        page = response.opcNextPage;
      } while (page);
      return { ids, requests };
    },
    async listKeys(userId) {
      await client.listCustomerSecretKeys({ userId });
      await client.listApiKeys({ userId });
      return 2;
    },
  };
}

// ---- OUTSCALE: signed POSTs with aws4 and fetch ----------------------------------------------

const OscConfigSchema = z.record(
  z.string(),
  z.object({ access_key: z.string(), secret_key: z.string(), region: z.string(), endpoints: z.object({ api: z.string() }) }),
);

function outscaleLoop(endpoint: EmulatorEndpoint): Loop {
  const profile = OscConfigSchema.parse(JSON.parse(fs.readFileSync(endpoint.env.OSC_CONFIG_FILE, 'utf8'))).demo;
  if (!profile) throw new Error('the OUTSCALE demo profile is missing');
  const api = new URL(profile.endpoints.api);
  const call = async (action: string, body: object): Promise<unknown> => {
    const payload = JSON.stringify(body);
    const signed = aws4.sign(
      {
        host: api.host,
        path: `/api/v1/${action}`,
        method: 'POST',
        service: 'api',
        region: profile.region,
        body: payload,
        headers: { 'Content-Type': 'application/json' },
      },
      { accessKeyId: profile.access_key, secretAccessKey: profile.secret_key },
    );
    const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]));
    const res = await fetch(new URL(`/api/v1/${action}`, api), { method: 'POST', headers, body: payload });
    if (!res.ok) throw new Error(`OUTSCALE ${action} → HTTP ${res.status}`);
    return res.json();
  };
  const UsersPage = z.object({ Users: z.array(z.object({ UserName: z.string() })), HasMoreItems: z.boolean().optional() });
  return {
    async listUserIds() {
      const ids = [''];
      let requests = 0;
      for (let first = 0; ;) {
        const page = UsersPage.parse(await call('ReadUsers', { FirstItem: first, ResultsPerPage: 100 }));
        requests += 1;
        ids.push(...page.Users.map((user) => user.UserName));
        first += page.Users.length;
        if (!page.HasMoreItems || page.Users.length === 0) break;
      }
      return { ids, requests };
    },
    async listKeys(userName) {
      await call('ReadAccessKeys', userName ? { UserName: userName } : {});
      return 1;
    },
  };
}

// ---- IONOS: GETs with Basic auth and fetch ----------------------------------------------------

function ionosLoop(endpoint: EmulatorEndpoint): Loop {
  const base = `${endpoint.env.IONOS_API_URL.replace(/\/$/, '')}/cloudapi/v6`;
  const authorization = `Basic ${Buffer.from(`${endpoint.env.IONOS_USERNAME}:${endpoint.env.IONOS_PASSWORD}`).toString('base64')}`;
  const get = async (url: string): Promise<unknown> => {
    const res = await fetch(url, { headers: { Authorization: authorization, Accept: 'application/json' } });
    if (!res.ok) throw new Error(`IONOS GET → HTTP ${res.status}`);
    return res.json();
  };
  const UsersPage = z.object({
    items: z.array(z.object({ id: z.string() })),
    _links: z.object({ next: z.string().optional() }).optional(),
  });
  return {
    async listUserIds() {
      const ids: string[] = [];
      let requests = 0;
      for (let url: string | undefined = `${base}/um/users?depth=1&offset=0&limit=100`; url;) {
        const page = UsersPage.parse(await get(url));
        requests += 1;
        ids.push(...page.items.map((user) => user.id));
        url = page._links?.next;
      }
      return { ids, requests };
    },
    async listKeys(userId) {
      await get(`${base}/um/users/${encodeURIComponent(userId)}/s3keys?depth=1`);
      return 1;
    },
  };
}

const LOOPS: Record<CloudId, (endpoint: EmulatorEndpoint) => Loop> = { oci: ociLoop, outscale: outscaleLoop, ionos: ionosLoop };

export function runSequentialLoop(endpoint: EmulatorEndpoint, sampleUsers: number): Promise<SequentialRun> {
  return measure(LOOPS[endpoint.cloud](endpoint), sampleUsers);
}
