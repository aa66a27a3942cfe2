/** The OUTSCALE API actions the emulator serves, acting on its state for an authenticated caller. */
import { z } from 'zod';
import type { EmulatorResponse } from '../shared/httpServer';
import { errors } from './wireErrors';
import { keyToWire, newKeyPair, newRequestId, userToWire, type EmulatedKey, type OutscaleState } from './state';

export interface ActionContext {
  readonly state: OutscaleState;
  /** '' for the account, else the EIM user who signed. */
  readonly caller: string;
  readonly now: number;
  readonly maxKeysPerUser: number;
  /** Authentications a new key refuses before it "propagates". */
  readonly newKeyRejections: number;
}

/**
 * `ExpirationDate` in a request: `oneOf` a `date-time` or a `date` (outscale.yaml 1.40.1,
 * CreateAccessKeyRequest / UpdateAccessKeyRequest), i.e. RFC 3339: a full time with seconds and an
 * offset written `Z` or `±hh:mm`. `…+0000`, the form OUTSCALE itself writes in answers, is neither.
 */
const RFC3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const RFC3339_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(text: string): Date | undefined {
  if (!RFC3339_DATE_TIME.test(text) && !RFC3339_DATE.test(text)) return undefined;
  const ms = Date.parse(RFC3339_DATE.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

const ok = (body: Record<string, unknown>): EmulatorResponse => ({
  status: 200,
  body: { ...body, ResponseContext: { RequestId: newRequestId() } },
});

const ReadAccessKeys = z.object({
  Filters: z
    .object({ AccessKeyIds: z.array(z.string()).optional(), States: z.array(z.enum(['ACTIVE', 'INACTIVE'])).optional() })
    .optional(),
  UserName: z.string().optional(),
  Tag: z.string().optional(),
  DryRun: z.boolean().optional(),
});
const CreateAccessKey = z.object({
  ExpirationDate: z.string().optional(),
  Tag: z.string().optional(),
  UserName: z.string().optional(),
  DryRun: z.boolean().optional(),
});
const UpdateAccessKey = z.object({
  AccessKeyId: z.string().optional(),
  State: z.enum(['ACTIVE', 'INACTIVE']).optional(),
  ExpirationDate: z.string().optional(),
  ClearExpirationDate: z.boolean().optional(),
  Tag: z.string().optional(),
  ClearTag: z.boolean().optional(),
  UserName: z.string().optional(),
  DryRun: z.boolean().optional(),
});
const DeleteAccessKey = z.object({ AccessKeyId: z.string().optional(), UserName: z.string().optional(), DryRun: z.boolean().optional() });
const ReadUsers = z.object({
  Filters: z.object({ UserIds: z.array(z.string()).optional() }).optional(),
  FirstItem: z.number().int().optional(),
  ResultsPerPage: z.number().int().optional(),
  DryRun: z.boolean().optional(),
});

function invalidShape(error: z.ZodError): EmulatorResponse {
  return errors.invalidValue(`Invalid parameter ${error.issues.map((i) => i.path.join('.')).join(', ')}.`);
}

/** Resolves whose keys a request acts on: `UserName`, or the caller itself. */
function target(ctx: ActionContext, action: string, userName: string | undefined): { owner: string } | EmulatorResponse {
  if (userName === undefined || userName === ctx.caller) return { owner: userName ?? ctx.caller };
  if (!mayManageUsers(ctx)) return errors.unauthorizedOperation(action);
  if (!ctx.state.user(userName)) return errors.noSuchUser(userName);
  return { owner: userName };
}

function ownedKey(ctx: ActionContext, owner: string, id: string | undefined): EmulatedKey | EmulatorResponse {
  if (!id) return errors.missingParameter('AccessKeyId');
  const key = ctx.state.keys.get(id);
  return key && key.owner === owner ? key : errors.noSuchKey(id);
}

/** The account, or an EIM user whose policy allows EIM actions. */
function mayManageUsers(ctx: ActionContext): boolean {
  return ctx.caller === '' || ctx.state.user(ctx.caller)?.eimAdmin === true;
}

const isResponse = (value: unknown): value is EmulatorResponse => typeof value === 'object' && value !== null && 'status' in value;

function readAccessKeys(ctx: ActionContext, input: unknown): EmulatorResponse {
  const req = ReadAccessKeys.safeParse(input);
  if (!req.success) return invalidShape(req.error);
  const who = target(ctx, 'ReadAccessKeys', req.data.UserName);
  if (isResponse(who)) return who;
  const ids = req.data.Filters?.AccessKeyIds;
  const states = req.data.Filters?.States;
  const keys = ctx.state
    .keysOf(who.owner)
    .filter((k) => (!ids || ids.includes(k.accessKeyId)) && (!states || states.includes(k.state)))
    .sort((a, b) => a.creationDate.getTime() - b.creationDate.getTime());
  return ok({ AccessKeys: keys.map(keyToWire) });
}

function expiry(text: string, now: number, current?: Date): Date | EmulatorResponse {
  const date = parseIsoDate(text);
  if (!date) return errors.invalidValue(`ExpirationDate '${text}' is not a valid ISO 8601 date or date-time.`);
  if (date.getTime() <= now && date.getTime() !== current?.getTime()) return errors.invalidValue('ExpirationDate must be in the future.');
  return date;
}

function createAccessKey(ctx: ActionContext, input: unknown): EmulatorResponse {
  const req = CreateAccessKey.safeParse(input);
  if (!req.success) return invalidShape(req.error);
  const who = target(ctx, 'CreateAccessKey', req.data.UserName);
  if (isResponse(who)) return who;
  const expirationDate = req.data.ExpirationDate === undefined ? undefined : expiry(req.data.ExpirationDate, ctx.now);
  if (isResponse(expirationDate)) return expirationDate;
  if (ctx.state.keysOf(who.owner).length >= ctx.maxKeysPerUser) return errors.tooManyKeys(ctx.maxKeysPerUser);
  const pair = newKeyPair(ctx.state.canary);
  const now = new Date(ctx.now);
  const key: EmulatedKey = {
    ...pair,
    owner: who.owner,
    state: 'ACTIVE',
    tag: req.data.Tag,
    creationDate: now,
    expirationDate,
    lastModificationDate: now,
    rejectionsLeft: ctx.newKeyRejections,
  };
  ctx.state.keys.set(key.accessKeyId, key);
  return ok({ AccessKey: { ...keyToWire(key), SecretKey: key.secretKey } });
}

function updateAccessKey(ctx: ActionContext, input: unknown): EmulatorResponse {
  const req = UpdateAccessKey.safeParse(input);
  if (!req.success) return invalidShape(req.error);
  const who = target(ctx, 'UpdateAccessKey', req.data.UserName);
  if (isResponse(who)) return who;
  const key = ownedKey(ctx, who.owner, req.data.AccessKeyId);
  if (isResponse(key)) return key;
  if (req.data.ExpirationDate !== undefined && req.data.ClearExpirationDate) {
    return errors.invalidValue('ExpirationDate and ClearExpirationDate cannot be used together.');
  }
  if (req.data.Tag !== undefined && req.data.ClearTag) return errors.invalidValue('Tag and ClearTag cannot be used together.');
  const expirationDate = req.data.ExpirationDate === undefined ? undefined : expiry(req.data.ExpirationDate, ctx.now, key.expirationDate);
  if (isResponse(expirationDate)) return expirationDate;
  if (req.data.State) key.state = req.data.State;
  // As on OUTSCALE: an update that does not send ExpirationDate leaves the key without one.
  key.expirationDate = expirationDate;
  if (req.data.Tag !== undefined) key.tag = req.data.Tag;
  if (req.data.ClearTag) key.tag = undefined;
  key.lastModificationDate = new Date(ctx.now);
  return ok({ AccessKey: keyToWire(key) });
}

function deleteAccessKey(ctx: ActionContext, input: unknown): EmulatorResponse {
  const req = DeleteAccessKey.safeParse(input);
  if (!req.success) return invalidShape(req.error);
  const who = target(ctx, 'DeleteAccessKey', req.data.UserName);
  if (isResponse(who)) return who;
  const key = ownedKey(ctx, who.owner, req.data.AccessKeyId);
  if (isResponse(key)) return key;
  if (key.owner !== '' && key.state === 'ACTIVE') return errors.mustBeInactive();
  ctx.state.keys.delete(key.accessKeyId);
  if (key.owner === '' && ctx.state.keysOf('').length === 0) {
    // An account never has zero keys: OUTSCALE creates a new one in place of the last.
    const now = new Date(ctx.now);
    const pair = newKeyPair(ctx.state.canary);
    ctx.state.keys.set(pair.accessKeyId, {
      ...pair,
      owner: '',
      state: 'ACTIVE',
      creationDate: now,
      lastModificationDate: now,
      rejectionsLeft: 0,
    });
  }
  return ok({});
}

function readUsers(ctx: ActionContext, input: unknown): EmulatorResponse {
  const req = ReadUsers.safeParse(input);
  if (!req.success) return invalidShape(req.error);
  if (!mayManageUsers(ctx)) return errors.unauthorizedOperation('ReadUsers');
  const first = req.data.FirstItem ?? 0;
  const perPage = req.data.ResultsPerPage ?? 100;
  if (first < 0) return errors.invalidValue('FirstItem must be 0 or more.');
  if (perPage < 1 || perPage > 1000) return errors.invalidValue('ResultsPerPage must be between 1 and 1000.');
  const ids = req.data.Filters?.UserIds;
  const all = ctx.state.users.filter((u) => !ids || ids.includes(u.userId));
  const page = all.slice(first, first + perPage);
  return ok({
    Users: page.map(userToWire),
    HasMoreItems: first + page.length < all.length,
    MaxResultsLimit: 1000,
    MaxResultsTruncated: false,
  });
}

export const ACTIONS: Record<string, (ctx: ActionContext, input: unknown) => EmulatorResponse> = {
  ReadAccessKeys: readAccessKeys,
  CreateAccessKey: createAccessKey,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  ReadUsers: readUsers,
};
