/** Checks the `Authorization` header the way IONOS does: Basic (email and password) or Bearer (token). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmUser, IonosState } from './state';

function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The user the header authenticates, or undefined (answer 401). */
export function authenticate(header: string | undefined, state: IonosState): EmUser | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) {
    for (const [token, userId] of state.tokens) {
      if (same(token, value)) return state.users.get(userId);
    }
    return undefined;
  }
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const user = state.userByEmail(decoded.slice(0, colon));
    if (!user?.password || !user.active) return undefined;
    return same(user.password, decoded.slice(colon + 1)) ? user : undefined;
  }
  return undefined;
}
