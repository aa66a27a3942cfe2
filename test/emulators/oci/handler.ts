/**
 * The OCI identity API subset the adapter uses, on top of the shared emulator server:
 *   GET  /20160918/users?compartmentId&page&limit&sortBy&sortOrder      (paged with opc-next-page)
 *   GET  /20160918/users/{userId}
 *   GET  /20160918/tenancies/{tenancyId}/regionSubscriptions
 *   GET|POST        /20160918/users/{userId}/customerSecretKeys
 *   PUT|DELETE      /20160918/users/{userId}/customerSecretKeys/{keyId}
 *   GET|POST        /20160918/users/{userId}/apiKeys
 *   DELETE          /20160918/users/{userId}/apiKeys/{fingerprint}
 * and one Object Storage call, on the same base URL (no version in its path, as on OCI):
 *   GET  /n/  (or /n) ?compartmentId      GetNamespace: the tenancy's namespace as a JSON string
 * Paths may start with `/r/<region>` to stand for that region's endpoint: writes there are refused
 * with 403 NotAllowed unless it is the home region, as OCI does. Every request must carry a valid
 * signature: an API key's, or a session's (`keyId="ST$<token>"`, see sessionTokens.ts). Route keys
 * for faults are `METHOD /path` without the region and version prefix,
 * e.g. `POST /users/*\/apiKeys`; GetNamespace is `GET /n`.
 */
import { createPublicKey } from 'node:crypto';
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from '../shared/httpServer';
import { fakeAccessKeyId, ociFingerprint } from './keys';
import { SessionTokenIssuer } from './sessionTokens';
import { checkSignature } from './signature';
import { ociVariants } from './variants';
import {
  newRequestId,
  newSecretKeyValue,
  seedTenancy,
  type EmulatorUser,
  type OciTenancyState,
  type SeedName,
  type SeededTenancy,
} from './state';

/** `localeCompare`'s order, with one collator: a collator per comparison cost this emulator about 1 ms per page of 2,000 users, on the CPU the client under test shares. */
const byLocale = new Intl.Collator();

export const SECRET_KEY_LIMIT = 2;
export const API_KEY_LIMIT = 3;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

const ERROR_CODES: Record<number, string> = {
  400: 'InvalidParameter',
  401: 'NotAuthenticated',
  403: 'NotAuthorized',
  404: 'NotAuthorizedOrNotFound',
  409: 'Conflict',
  412: 'NoEtagMatch',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

function error(status: number, code: string, message: string): EmulatorResponse {
  return { status, headers: { 'opc-request-id': newRequestId() }, body: { code, message } };
}

function ok(body: unknown, status = 200, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'opc-request-id': newRequestId(), ...headers }, body };
}

const notFound = () => error(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');

interface Route {
  readonly service: 'identity' | 'objectstorage';
  readonly region?: string;
  /** Without region and version prefix. */
  readonly path: string;
  readonly parts: string[];
}

function splitPath(path: string): Route | undefined {
  let rest = path;
  let region: string | undefined;
  const regional = /^\/r\/([a-z0-9-]+)(\/.*)$/.exec(rest);
  if (regional) {
    region = regional[1];
    rest = regional[2];
  }
  if (rest === '/n' || rest.startsWith('/n/')) {
    const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
    return { service: 'objectstorage', region, path: `/${parts.join('/')}`, parts };
  }
  if (!rest.startsWith('/20160918/')) return undefined;
  rest = rest.slice('/20160918'.length);
  return { service: 'identity', region, path: rest, parts: rest.split('/').filter(Boolean).map(decodeURIComponent) };
}

export interface OciHandlerOptions {
  readonly seed: SeedName;
  /** How long an uploaded API key stays CREATING (and cannot sign); 0 by default. */
  readonly apiKeyActivationMs?: number;
  /** Generated users added to the seed (benchmarks); 0 by default. */
  readonly generatedUsers?: number;
  /** Every customer secret key value starts with this (the secret-leak canary, see shared/canary.ts). */
  readonly canary?: string;
  /** Vary the optional fields of the answers, deterministically for this seed (see variants.ts). */
  readonly variantSeed?: number;
}

export class OciEmulatorHandler implements EmulatorHandler {
  /** Added to the real clock: a positive value makes the service's clock run ahead of the caller's. */
  clockOffsetMs = 0;
  #seeded: SeededTenancy;
  #retryTokens = new Map<string, EmulatorResponse>();
  /** Issues and checks session tokens (`keyId="ST$<token>"`); kept across resets, like a real token service. */
  readonly sessions = new SessionTokenIssuer();
  /** Method and full path (region prefix included) of every API request, signed or not. */
  readonly requests: { method: string; path: string }[] = [];

  readonly #vary: (response: EmulatorResponse) => EmulatorResponse;

  constructor(private readonly options: OciHandlerOptions) {
    this.#seeded = seedTenancy(options.seed, Date.now(), options.generatedUsers);
    this.#vary = options.variantSeed === undefined ? (response) => response : ociVariants(options.variantSeed);
  }

  get state(): OciTenancyState {
    return this.#seeded.state;
  }

  get caller(): SeededTenancy['caller'] {
    return this.#seeded.caller;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  reset(): void {
    this.#seeded = seedTenancy(this.options.seed, Date.now(), this.options.generatedUsers);
    this.#retryTokens.clear();
    this.requests.length = 0;
    this.clockOffsetMs = 0;
  }

  routeKey(req: EmulatorRequest): string {
    const route = splitPath(req.path);
    return `${req.method} ${route ? route.path : req.path}`;
  }

  errorBody(status: number): EmulatorResponse {
    const code = ERROR_CODES[status] ?? (status >= 500 ? 'InternalServerError' : 'InvalidParameter');
    return error(status, code, `Injected ${code} (HTTP ${status}).`);
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    this.requests.push({ method: req.method, path: req.path });
    const route = splitPath(req.path);
    if (!route) return error(404, 'NotFound', `No such API path: ${req.path}.`);
    const signature = checkSignature(req, this.state, this.now(), this.sessions);
    if (!signature.ok) return error(401, 'NotAuthenticated', signature.message);
    if (route.service === 'objectstorage') return this.#objectStorage(req, route);
    const write = req.method !== 'GET';
    if (write && route.region && route.region !== this.state.homeRegion.regionName) {
      return error(
        403,
        'NotAllowed',
        `Please go to your home region ${this.state.homeRegion.regionKey} to execute CREATE, UPDATE and DELETE operations.`,
      );
    }
    const token = req.method === 'POST' ? req.headers['opc-retry-token'] : undefined;
    const tokenKey = typeof token === 'string' ? `${signature.user.id} ${route.path} ${token}` : undefined;
    const earlier = tokenKey ? this.#retryTokens.get(tokenKey) : undefined;
    if (earlier) return earlier;
    const response = this.#vary(this.#route(req, route, signature.user));
    if (tokenKey && response.status < 300) this.#retryTokens.set(tokenKey, response);
    return response;
  }

  #route(req: EmulatorRequest, route: Route, caller: EmulatorUser): EmulatorResponse {
    const [collection, id, sub, subId, ...extra] = route.parts;
    if (extra.length) return error(404, 'NotFound', 'No such API path.');
    if (collection === 'tenancies' && sub === 'regionSubscriptions' && req.method === 'GET' && subId === undefined) {
      if (id !== this.state.tenancyId) return notFound();
      return ok(this.state.regions.map((region) => ({ ...region, status: 'READY', isHomeRegion: region === this.state.homeRegion })));
    }
    if (collection !== 'users') return error(404, 'NotFound', 'No such API path.');
    if (id === undefined) return req.method === 'GET' ? this.#listUsers(req, caller) : error(405, 'MethodNotAllowed', 'Not supported.');
    const user = this.state.users.find((candidate) => candidate.id === id);
    // Users see themselves; administrators see everyone. Anything else looks like "not found".
    if (!user || (user.id !== caller.id && !caller.isAdmin)) return notFound();
    if (sub === undefined) return req.method === 'GET' ? ok(this.#userJson(user)) : error(405, 'MethodNotAllowed', 'Not supported.');
    if (sub === 'customerSecretKeys') return this.#secretKeys(req, user, subId);
    if (sub === 'apiKeys') return this.#apiKeys(req, user, subId);
    return error(404, 'NotFound', 'No such API path.');
  }

  /** GetNamespace; every authenticated user of the tenancy may read it, as on OCI. */
  #objectStorage(req: EmulatorRequest, route: Route): EmulatorResponse {
    if (route.parts.length !== 1) return error(404, 'NotFound', 'No such Object Storage path in this emulator.');
    if (req.method !== 'GET') return error(405, 'MethodNotAllowed', 'Not supported.');
    const compartmentId = req.query.get('compartmentId');
    if (compartmentId !== null && compartmentId !== this.state.tenancyId) return notFound();
    // The body is a bare JSON string, e.g. "axaxnpcrorw5".
    return ok(JSON.stringify(this.state.namespace));
  }

  #userJson(user: EmulatorUser): object {
    return {
      id: user.id,
      compartmentId: this.state.tenancyId,
      name: user.name,
      description: user.description,
      ...(user.email ? { email: user.email, emailVerified: true } : {}),
      timeCreated: user.timeCreated,
      lifecycleState: user.lifecycleState,
      isMfaActivated: false,
    };
  }

  #listUsers(req: EmulatorRequest, caller: EmulatorUser): EmulatorResponse {
    if (req.query.get('compartmentId') !== this.state.tenancyId)
      return error(400, 'InvalidParameter', 'compartmentId must be the tenancy OCID.');
    if (!caller.isAdmin) return notFound();
    const limitText = req.query.get('limit');
    const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
      return error(400, 'InvalidParameter', `limit must be 1 to ${MAX_PAGE_SIZE}.`);
    const page = req.query.get('page');
    const start =
      page === null
        ? 0
        : Number(
            Buffer.from(page, 'base64url')
              .toString('utf8')
              .replace(/^offset:/, ''),
          );
    if (!Number.isInteger(start) || start < 0) return error(400, 'InvalidParameter', 'The page token is not valid.');
    const sortBy = req.query.get('sortBy') ?? 'TIMECREATED';
    const descending = (req.query.get('sortOrder') ?? (sortBy === 'NAME' ? 'ASC' : 'DESC')) === 'DESC';
    const sorted = [...this.state.users].sort((a, b) =>
      sortBy === 'NAME' ? byLocale.compare(a.name, b.name) : byLocale.compare(a.timeCreated, b.timeCreated),
    );
    if (descending) sorted.reverse();
    const slice = sorted.slice(start, start + limit);
    const headers: Record<string, string> = {};
    if (start + limit < sorted.length) headers['opc-next-page'] = Buffer.from(`offset:${start + limit}`).toString('base64url');
    return ok(
      slice.map((user) => this.#userJson(user)),
      200,
      headers,
    );
  }

  #body(req: EmulatorRequest): Record<string, unknown> | undefined {
    try {
      const parsed: unknown = JSON.parse(req.body.toString('utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  #secretKeys(req: EmulatorRequest, user: EmulatorUser, keyId: string | undefined): EmulatorResponse {
    const live = this.state.secretKeys.filter((key) => key.userId === user.id && key.lifecycleState !== 'DELETED');
    const summary = (key: (typeof live)[number]) => ({ ...key, inactiveStatus: null });
    if (keyId === undefined && req.method === 'GET') {
      return ok(this.state.secretKeys.filter((key) => key.userId === user.id).map(summary));
    }
    if (keyId === undefined && req.method === 'POST') {
      const body = this.#body(req);
      if (!body || typeof body.displayName !== 'string') return error(400, 'InvalidParameter', 'displayName is required.');
      if (body.displayName.length > 400) return error(400, 'InvalidParameter', 'displayName is longer than 400 characters.');
      if (live.length >= SECRET_KEY_LIMIT) {
        return error(400, 'LimitExceeded', `User ${user.name} already has the maximum of ${SECRET_KEY_LIMIT} customer secret keys.`);
      }
      const key = {
        id: fakeAccessKeyId(`${user.id}/${newRequestId()}`),
        userId: user.id,
        displayName: body.displayName,
        timeCreated: new Date(this.now()).toISOString(),
        timeExpires: null,
        lifecycleState: 'ACTIVE' as const,
      };
      this.state.secretKeys.push(key);
      return ok({ ...summary(key), key: newSecretKeyValue(this.options.canary) });
    }
    const key = live.find((candidate) => candidate.id === keyId);
    if (!key) return notFound();
    if (req.method === 'PUT') {
      const body = this.#body(req);
      if (!body || (body.displayName !== undefined && typeof body.displayName !== 'string'))
        return error(400, 'InvalidParameter', 'displayName must be a string.');
      if (typeof body.displayName === 'string') key.displayName = body.displayName;
      return ok(summary(key));
    }
    if (req.method === 'DELETE') {
      key.lifecycleState = 'DELETED';
      return { status: 204, headers: { 'opc-request-id': newRequestId() } };
    }
    return error(405, 'MethodNotAllowed', 'Not supported.');
  }

  #apiKeys(req: EmulatorRequest, user: EmulatorUser, fingerprint: string | undefined): EmulatorResponse {
    const now = this.now();
    const view = (key: (typeof this.state.apiKeys)[number]) => ({
      keyId: `${this.state.tenancyId}/${key.userId}/${key.fingerprint}`,
      keyValue: key.keyValue,
      fingerprint: key.fingerprint,
      userId: key.userId,
      timeCreated: key.timeCreated,
      lifecycleState: key.lifecycleState === 'ACTIVE' && key.activeFrom > now ? 'CREATING' : key.lifecycleState,
      inactiveStatus: null,
    });
    const live = this.state.apiKeys.filter((key) => key.userId === user.id && key.lifecycleState !== 'DELETED');
    if (fingerprint === undefined && req.method === 'GET') return ok(this.state.apiKeys.filter((key) => key.userId === user.id).map(view));
    if (fingerprint === undefined && req.method === 'POST') {
      const body = this.#body(req);
      if (!body || typeof body.key !== 'string') return error(400, 'InvalidParameter', 'key is required.');
      let print: string;
      try {
        const parsed = createPublicKey(body.key);
        if (parsed.asymmetricKeyType !== 'rsa' || (parsed.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('weak');
        print = ociFingerprint(body.key);
      } catch {
        return error(400, 'InvalidParameter', 'The key must be an RSA public key in PEM format, at least 2048 bits.');
      }
      if (live.some((key) => key.fingerprint === print)) return error(409, 'Conflict', 'This API key is already registered for the user.');
      if (live.length >= API_KEY_LIMIT)
        return error(400, 'LimitExceeded', `User ${user.name} already has the maximum of ${API_KEY_LIMIT} API keys.`);
      const key = {
        fingerprint: print,
        keyValue: body.key,
        userId: user.id,
        timeCreated: new Date(now).toISOString(),
        lifecycleState: 'ACTIVE' as const,
        activeFrom: now + (this.options.apiKeyActivationMs ?? 0),
      };
      this.state.apiKeys.push(key);
      return ok(view(key));
    }
    const key = live.find((candidate) => candidate.fingerprint === fingerprint);
    if (!key) return notFound();
    if (req.method === 'DELETE') {
      key.lifecycleState = 'DELETED';
      return { status: 204, headers: { 'opc-request-id': newRequestId() } };
    }
    return error(405, 'MethodNotAllowed', 'Not supported.');
  }
}
