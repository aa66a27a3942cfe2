/**
 * The OUTSCALE emulator's request handling: route `POST /api/v1/<Action>` (or `/api/latest/`),
 * check the SigV4 signature and the key behind it (or, on the access-key actions, the account's login
 * and password), apply the brute-force lock, then run the action.
 */
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from '../shared/httpServer';
import { ACTIONS } from './actions';
import { BASIC_AUTH_ACTIONS, isBasicAuth, verifyBasicAuth } from './basicAuth';
import type { OutscaleState } from './state';
import { verifySignature } from './sigv4';
import { errors } from './wireErrors';

/**
 * Four failed authentications lock further attempts: 1 minute, then 1 more per further lock, up to 10.
 * Counted per access key, and per login for login + password requests (the API's brute-force note
 * covers every failed authentication; that a login has its own count is the emulator's choice).
 */
export const FAILURES_BEFORE_LOCK = 4;
const LOCK_STEP_MS = 60_000;
const MAX_LOCK_MS = 10 * 60_000;

export interface HandlerSettings {
  readonly region: string;
  readonly maxKeysPerUser: number;
  readonly newKeyRejections: number;
  readonly now: () => number;
  readonly state: () => OutscaleState;
  readonly reset: () => void;
}

function actionOf(path: string): string | undefined {
  return /^\/api\/(?:v1|latest)\/([A-Za-z]+)$/.exec(path)?.[1];
}

export function createHandler(settings: HandlerSettings): EmulatorHandler {
  /** `subject` is the access key id, or `login:<email>`; undefined when the request named neither. */
  const fail = (subject: string | undefined, response: EmulatorResponse): EmulatorResponse => {
    if (subject) {
      const state = settings.state();
      const record = state.authFailures.get(subject) ?? { count: 0, lockedUntil: 0, locks: 0 };
      record.count += 1;
      if (record.count >= FAILURES_BEFORE_LOCK) {
        record.locks += 1;
        record.count = 0;
        record.lockedUntil = settings.now() + Math.min(MAX_LOCK_MS, record.locks * LOCK_STEP_MS);
      }
      state.authFailures.set(subject, record);
    }
    return response;
  };

  return {
    routeKey: (req) => actionOf(req.path) ?? `${req.method} ${req.path}`,

    errorBody: (status) => {
      if (status === 429 || status === 503) return errors.throttled(status);
      if (status === 401) return errors.authFailed('Injected authentication failure.');
      if (status === 409) return { ...errors.mustBeInactive(), status };
      if (status >= 400 && status < 500) return { ...errors.invalidValue('Injected invalid request.'), status };
      return errors.internal(status);
    },

    reset: () => settings.reset(),

    // Every format in these request schemas is a date or date-time (ExpirationDate): a value in
    // another form is InvalidParameterValue naming the accepted forms, as the actions answer it;
    // anything else (an unknown field, a wrong type) is InvalidParameter.
    refuse: (problems) => {
      const fields = problems.map((p) => /request: (\S+) must match format/.exec(p)?.[1]);
      if (fields.every((f) => f !== undefined)) {
        return errors.invalidValue(`${[...new Set(fields)].join(', ')} is not a valid ISO 8601 date or date-time.`);
      }
      return errors.invalidParameter(problems.map((p) => p.replace(/^OUTSCALE \w+ request: /, '')).join('; '));
    },

    async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
      const action = actionOf(req.path);
      if (req.method !== 'POST' || !action) return errors.unknownAction(`${req.method} ${req.path}`);
      const state = settings.state();
      const now = settings.now();

      if (isBasicAuth(headerText(req, 'authorization'))) {
        if (!BASIC_AUTH_ACTIONS.has(action)) {
          return errors.unknownAuthType(
            `${action} needs a request signed with an access key; a login and password are accepted only by ${[...BASIC_AUTH_ACTIONS].join(', ')}.`,
          );
        }
        const check = verifyBasicAuth(req, { now, account: state.login });
        const subject = check.login === undefined ? undefined : `login:${check.login.toLowerCase()}`;
        const locked = subject ? state.authFailures.get(subject) : undefined;
        if (locked && locked.lockedUntil > now) return errors.temporarilyLocked();
        if (!check.ok) return fail(subject, errors.authFailed(check.reason));
        state.authFailures.delete(subject!);
        return runAction(action, req, '', state, now);
      }

      const claimed = /Credential=([^/\s]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];
      const lock = claimed ? state.authFailures.get(claimed) : undefined;
      if (lock && lock.lockedUntil > now) return errors.temporarilyLocked();

      const check = await verifySignature(req, {
        region: settings.region,
        service: 'api',
        now,
        secretOf: (id) => state.keys.get(id)?.secretKey,
      });
      if (!check.ok)
        return fail(check.accessKeyId, check.unknownScheme ? errors.unknownAuthType(check.reason) : errors.authFailed(check.reason));
      const key = state.keys.get(check.accessKeyId)!;
      if (key.state !== 'ACTIVE') return fail(key.accessKeyId, errors.authFailed('The access key is inactive.'));
      if (key.expirationDate && key.expirationDate.getTime() <= now)
        return fail(key.accessKeyId, errors.authFailed('The access key has expired.'));
      if (key.rejectionsLeft > 0) {
        key.rejectionsLeft -= 1;
        return fail(key.accessKeyId, errors.authFailed('The access key is not known yet.'));
      }
      state.authFailures.delete(key.accessKeyId);
      return runAction(action, req, key.owner, state, now);
    },
  };

  /** Runs an action for an authenticated caller ('' for the account, else an EIM user name). */
  function runAction(action: string, req: EmulatorRequest, caller: string, state: OutscaleState, now: number): EmulatorResponse {
    const run = ACTIONS[action];
    if (!run) return errors.unknownAction(action);
    let input: unknown;
    try {
      input = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
    } catch {
      return errors.invalidBody();
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return errors.invalidBody();
    const context = { state, caller, now, maxKeysPerUser: settings.maxKeysPerUser, newKeyRejections: settings.newKeyRejections };
    if ((input as { DryRun?: unknown }).DryRun === true) {
      // DryRun "checks whether you have the required permissions to perform the action" (osc-api
      // spec, every request's DryRun): run on a copy, so nothing changes; on success answer with the
      // ResponseContext alone (what the real API returns then is UNCONFIRMED).
      const dry = run({ ...context, state: state.clone() }, input);
      return dry.status === 200
        ? { status: 200, body: { ResponseContext: (dry.body as { ResponseContext: unknown }).ResponseContext } }
        : dry;
    }
    return run(context, input);
  }
}

function headerText(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
