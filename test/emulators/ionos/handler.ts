/**
 * The IONOS Cloud API v6 routes the adapter uses, served from an IonosState:
 *   GET    /cloudapi/v6/um/users                       (depth, offset, limit; administrators only)
 *   GET    /cloudapi/v6/um/users/{userId}
 *   GET    /cloudapi/v6/um/users/{userId}/s3keys       (depth ≥ 1 includes secretKey)
 *   POST   /cloudapi/v6/um/users/{userId}/s3keys       (no body; 200, + Location when writes are async)
 *   GET|PUT|DELETE /cloudapi/v6/um/users/{userId}/s3keys/{keyId}   (a missing key answers 422)
 *   GET    /cloudapi/v6/requests/{requestId}/status
 * Route keys for faults drop the `/cloudapi/v6` prefix: e.g. `POST /um/users/*\/s3keys`.
 * Status codes are the spec's (Cloud API 6.0, sdk-go v6.1.4 api/openapi.yaml): POST s3keys 200,
 * PUT and DELETE 202, each with a `Location` header naming the request to poll, which the spec
 * leaves optional: synchronous writes (asyncWrites false) answer without it, the change made.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from '../shared/httpServer';
import { authenticate } from './auth';
import type { EmKey, EmUser, IonosState } from './state';
import { API_PREFIX, errorResponse, keyJson, userJson } from './wire';

const MAX_KEYS = 5;
/** umUsersGet `limit`: maximum 100 (Cloud API 6.0 spec). */
const MAX_LIMIT = 100;

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Access denied',
  404: 'Resource does not exist',
  422: 'Validation failed',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function intParam(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

export class IonosHandler implements EmulatorHandler {
  constructor(readonly state: IonosState) {}

  routeKey(req: EmulatorRequest): string {
    const path = req.path.startsWith(API_PREFIX) ? req.path.slice(API_PREFIX.length) || '/' : req.path;
    return `${req.method} ${path}`;
  }

  errorBody(status: number): EmulatorResponse {
    return errorResponse(status, DEFAULT_MESSAGES[status] ?? `HTTP ${status}`);
  }

  reset(): void {
    this.state.reset();
  }

  /** A request the spec refuses (a wrong query value, a body of the wrong shape): 422, the status of IONOS's validation errors (UNCONFIRMED for these cases). */
  refuse(problems: string[]): EmulatorResponse {
    return this.#withRequestId(errorResponse(422, problems.map((p) => p.replace(/^IONOS \w+ request: /, '')).join('; ')));
  }

  #withRequestId(response: EmulatorResponse): EmulatorResponse {
    return { ...response, headers: { 'x-request-id': randomUUID(), ...(response.headers ?? {}) } };
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    return this.#withRequestId(this.#route(req));
  }

  #route(req: EmulatorRequest): EmulatorResponse {
    this.state.settle();
    if (!req.path.startsWith(`${API_PREFIX}/`)) return errorResponse(404, 'Resource does not exist', '309');
    const caller = authenticate(req.headers.authorization, this.state);
    if (!caller) return { ...errorResponse(401, 'Unauthorized', '315'), headers: { 'www-authenticate': 'Basic realm="Cloud API"' } };
    const contract = req.headers['x-contract-number'];
    if (contract !== undefined && contract !== this.state.contractNumber) {
      return errorResponse(403, `The contract number ${String(contract)} is not one of the caller's contracts.`, '310');
    }
    const base = `http://${req.headers.host ?? '127.0.0.1'}${API_PREFIX}`;
    const parts = req.path
      .slice(API_PREFIX.length + 1)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const depth = intParam(req.query.get('depth'), 0);
    if (depth === undefined) return errorResponse(422, 'depth must be a non-negative integer');

    if (parts[0] === 'requests' && parts.length === 3 && parts[2] === 'status' && req.method === 'GET') {
      return this.#requestStatus(base, parts[1]);
    }
    if (parts[0] !== 'um' || parts[1] !== 'users') return errorResponse(404, 'Resource does not exist', '309');
    if (parts.length === 2 && req.method === 'GET') return this.#listUsers(req, base, caller, depth);
    const user = this.state.users.get(parts[2]);
    if (!caller.administrator && caller.id !== parts[2])
      return errorResponse(403, 'Access denied: only administrators manage other users.', '312');
    if (!user) return errorResponse(404, 'Resource does not exist', '309');
    if (parts.length === 3 && req.method === 'GET') return { status: 200, body: userJson(base, user, depth) };
    if (parts[3] !== 's3keys' || parts.length > 5) return errorResponse(404, 'Resource does not exist', '309');
    if (parts.length === 4) {
      if (req.method === 'GET') return this.#listKeys(base, user, depth);
      if (req.method === 'POST') return this.#createKey(base, user);
      return errorResponse(405, `Method ${req.method} not allowed`);
    }
    const key = this.state.keys.get(parts[4]);
    // IONOS answers 422, not 404, for a key that does not exist.
    if (!key || key.userId !== user.id) return errorResponse(422, `[VDC-11-5] The S3 key ${parts[4]} does not exist.`, '200');
    if (req.method === 'GET') return { status: 200, body: keyJson(base, key, 1) };
    if (req.method === 'PUT') return this.#updateKey(req, base, key);
    if (req.method === 'DELETE') return this.#deleteKey(base, key);
    return errorResponse(405, `Method ${req.method} not allowed`);
  }

  #listUsers(req: EmulatorRequest, base: string, caller: EmUser, depth: number): EmulatorResponse {
    if (!caller.administrator) return errorResponse(403, 'Access denied: only administrators list users.', '312');
    const offset = intParam(req.query.get('offset'), 0);
    const limit = intParam(req.query.get('limit'), 100);
    if (offset === undefined || limit === undefined || limit < 1 || limit > MAX_LIMIT) {
      return errorResponse(422, `offset must be ≥ 0 and limit between 1 and ${MAX_LIMIT}`);
    }
    const all = [...this.state.users.values()];
    const page = all.slice(offset, offset + limit);
    const link = (at: number) => `${base}/um/users?offset=${at}&limit=${limit}&depth=${depth}`;
    const links: Record<string, string> = { self: link(offset) };
    if (offset > 0) links.prev = link(Math.max(0, offset - limit));
    if (offset + limit < all.length) links.next = link(offset + limit);
    return {
      status: 200,
      body: {
        id: 'users',
        type: 'collection',
        href: `${base}/um/users`,
        items: page.map((u) => userJson(base, u, depth)),
        offset,
        limit,
        _links: links,
      },
    };
  }

  #listKeys(base: string, user: EmUser, depth: number): EmulatorResponse {
    return {
      status: 200,
      body: {
        id: `${user.id}/s3keys`,
        type: 'collection',
        href: `${base}/um/users/${user.id}/s3keys`,
        items: this.state.keysOf(user.id).map((k) => keyJson(base, k, depth)),
      },
    };
  }

  /** A write as the spec answers it: `status`, with a Location to poll when the change is asynchronous. */
  #written(status: number, base: string, body: unknown, change: { onDone?: () => void; onFailed?: () => void }): EmulatorResponse {
    if (!this.state.asyncWrites) {
      change.onDone?.();
      return { status, body };
    }
    const request = this.state.startRequest(change);
    return { status, headers: { location: `${base}/requests/${request.id}/status` }, body };
  }

  #createKey(base: string, user: EmUser): EmulatorResponse {
    if (user.privilegeLag > 0 || !user.s3Privilege) {
      if (user.privilegeLag > 0) user.privilegeLag -= 1;
      return errorResponse(422, '[VDC-11-10] The user needs to be part of a group that has ACCESS_S3_OBJECT_STORAGE privilege.', '200');
    }
    if (this.state.keysOf(user.id).length >= MAX_KEYS) {
      return errorResponse(422, `[VDC-11-3] The maximum number of S3 keys (${MAX_KEYS}) has been reached for this user.`, '200');
    }
    const key = this.state.addKey(user.id);
    return this.#written(200, base, keyJson(base, key, 1), { onFailed: () => this.state.keys.delete(key.id) });
  }

  #updateKey(req: EmulatorRequest, base: string, key: EmKey): EmulatorResponse {
    let active: unknown;
    try {
      active = (JSON.parse(req.body.toString('utf8')) as { properties?: { active?: unknown } }).properties?.active;
    } catch {
      return errorResponse(400, 'The request body is not valid JSON.', '100');
    }
    if (typeof active !== 'boolean') return errorResponse(422, '[VDC-11-7] properties.active must be a boolean.', '200');
    const apply = () => {
      key.active = active;
      key.etag = randomUUID().replace(/-/g, '');
    };
    return this.#written(
      202,
      base,
      { ...(keyJson(base, key, 1) as object), properties: { secretKey: key.secretKey, active } },
      { onDone: apply },
    );
  }

  #deleteKey(base: string, key: EmKey): EmulatorResponse {
    return this.#written(202, base, undefined, { onDone: () => void this.state.keys.delete(key.id) });
  }

  #requestStatus(base: string, id: string): EmulatorResponse {
    const request = this.state.requests.get(id);
    if (!request) return errorResponse(404, 'Resource does not exist', '309');
    const status = this.state.statusOf(request);
    const settledMessage = status === 'DONE' || status === 'FAILED' ? request.message : 'Request is being processed';
    return {
      status: 200,
      body: {
        id,
        type: 'request-status',
        href: `${base}/requests/${id}/status`,
        metadata: { status, message: settledMessage, targets: [] },
      },
    };
  }
}
