/**
 * IONOS's Object Storage Management API (`https://s3.ionos.com`), the access-key routes, served from
 * the IONOS emulator's state on a port of its own, as the reference docs describe them (sdk-go-bundle
 * objectstoragemanagement v2.0.0, docs/api/AccesskeysApi.md):
 *   GET    /accesskeys                (offset, limit, filter.accesskeyId)
 *   POST   /accesskeys                (AccessKeyCreate: properties.description)
 *   GET    /accesskeys/{id}
 *   PUT    /accesskeys/{id}           (AccessKeyEnsure: properties.description)
 *   PUT    /accesskeys/{id}/renew     (no body)
 *   DELETE /accesskeys/{id}
 * Authentication and the contract header are checked exactly as the Cloud API emulator checks them
 * (the docs configure both APIs with the same username, password or token). UNCONFIRMED, as the
 * docs do not say: the success statuses (POST and DELETE 202, PUT 200), the 404 for a missing key,
 * that any authenticated user of the contract may manage its keys, and that the secret is returned
 * only by create and renew (`secretKey` is required in the model, so reads carry it empty).
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from '../shared/httpServer';
import { authenticate } from './auth';
import type { EmAccessKey } from './objectStorageState';
import type { EmUser, IonosState } from './state';
import { errorResponse } from './wire';

function keyJson(base: string, key: EmAccessKey, withSecret: boolean): unknown {
  return {
    id: key.id,
    type: 'accesskey',
    href: `${base}/accesskeys/${key.id}`,
    metadata: {
      createdDate: key.createdDate,
      createdBy: key.createdBy,
      lastModifiedDate: key.lastModifiedDate,
      status: key.status,
      ...(key.statusMessage ? { statusMessage: key.statusMessage } : {}),
      administrative: key.administrative,
      supportedRegions: key.supportedRegions,
    },
    properties: {
      description: key.description,
      accessKey: key.accessKey,
      secretKey: withSecret ? key.secretKey : '',
      canonicalUserId: key.canonicalUserId,
      contractUserId: key.contractUserId,
    },
  };
}

function description(req: EmulatorRequest): string | EmulatorResponse {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return errorResponse(400, 'The request body is not valid JSON.', '100');
  }
  const value = (body as { properties?: { description?: unknown } } | null)?.properties?.description;
  if (typeof value !== 'string') return errorResponse(422, 'properties.description is required and must be a string.', '200');
  return value;
}

export class ObjectStorageHandler implements EmulatorHandler {
  constructor(readonly state: IonosState) {}

  routeKey(req: EmulatorRequest): string {
    return `${req.method} ${req.path}`;
  }

  errorBody(status: number): EmulatorResponse {
    return errorResponse(status, `HTTP ${status}`);
  }

  reset(): void {
    this.state.objectStorage.reset();
  }

  refuse(problems: string[]): EmulatorResponse {
    return this.#withRequestId(errorResponse(422, problems.map((p) => p.replace(/^IONOS Object Storage \w+ request: /, '')).join('; ')));
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    return this.#withRequestId(this.#route(req));
  }

  #withRequestId(response: EmulatorResponse): EmulatorResponse {
    return { ...response, headers: { 'x-request-id': randomUUID(), ...(response.headers ?? {}) } };
  }

  #route(req: EmulatorRequest): EmulatorResponse {
    const keys = this.state.objectStorage;
    keys.settle();
    const caller = authenticate(req.headers.authorization, this.state);
    if (!caller)
      return {
        ...errorResponse(401, 'Unauthorized', '315'),
        headers: { 'www-authenticate': 'Basic realm="Object Storage Management API"' },
      };
    const contract = req.headers['x-contract-number'];
    if (contract !== undefined && contract !== this.state.contractNumber) {
      return errorResponse(403, `The contract number ${String(contract)} is not one of the caller's contracts.`, '310');
    }
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'accesskeys' || parts.length > 3 || (parts.length === 3 && parts[2] !== 'renew'))
      return errorResponse(404, 'Resource does not exist', '309');
    if (parts.length === 1) {
      if (req.method === 'GET') return this.#list(req, base);
      if (req.method === 'POST') return this.#create(req, base, caller);
      return errorResponse(405, `Method ${req.method} not allowed`);
    }
    const key = keys.keys.get(parts[1]);
    if (!key) return errorResponse(404, `The access key ${parts[1]} does not exist.`, '309');
    if (parts.length === 3) {
      if (req.method !== 'PUT') return errorResponse(405, `Method ${req.method} not allowed`);
      if (key.status === 'DESTROYING') return errorResponse(409, 'The access key is being deleted.', '409');
      keys.renew(key);
      return { status: 200, body: keyJson(base, key, true) };
    }
    if (req.method === 'GET') return { status: 200, body: keyJson(base, key, false) };
    if (req.method === 'PUT') {
      const text = description(req);
      if (typeof text !== 'string') return text;
      keys.describe(key, text);
      return { status: 200, body: keyJson(base, key, false) };
    }
    if (req.method === 'DELETE') {
      keys.destroy(key);
      return { status: 202 };
    }
    return errorResponse(405, `Method ${req.method} not allowed`);
  }

  #list(req: EmulatorRequest, base: string): EmulatorResponse {
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Number(req.query.get('limit') ?? 100);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
      return errorResponse(400, 'offset must be a non-negative integer and limit a positive one.', '100');
    }
    const filter = req.query.get('filter.accesskeyId');
    const all = this.state.objectStorage.list().filter((k) => filter === null || k.accessKey === filter);
    const link = (at: number) => `${base}/accesskeys?offset=${at}&limit=${limit}`;
    const links: Record<string, string> = { self: link(offset) };
    if (offset > 0) links.prev = link(Math.max(0, offset - limit));
    if (offset + limit < all.length) links.next = link(offset + limit);
    return {
      status: 200,
      body: {
        id: 'accesskeys',
        type: 'collection',
        href: `${base}/accesskeys`,
        items: all.slice(offset, offset + limit).map((k) => keyJson(base, k, false)),
        offset,
        limit,
        _links: links,
      },
    };
  }

  #create(req: EmulatorRequest, base: string, caller: EmUser): EmulatorResponse {
    const text = description(req);
    if (typeof text !== 'string') return text;
    const key = this.state.objectStorage.create(text, caller.email);
    return { status: 202, body: keyJson(base, key, true) };
  }
}
