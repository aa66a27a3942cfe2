import { IONOS_TOKEN_FORMAT, isIonosIssuer } from '../clouds/ionos/tokenFormat';
import { IONOS_LEAK_HINTS } from '../clouds/ionos/leakHints';
import { lineContext } from './lineContext';
import type { ShapeHit } from './shapes';

const PREFIX = Buffer.from(IONOS_TOKEN_FORMAT.prefix);
const BASE64URL = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') BASE64URL[c.charCodeAt(0)] = 1;
const DOT = 0x2e;

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The JWTs in `bytes` that are IONOS API tokens: three base64url parts starting `eyJ`, whose
 * payload names an IONOS issuer, or whose line names IONOS and a token (`IONOS_TOKEN=…`,
 * `ionos_token:`). Other JWTs (an OAuth token in a test fixture, say) are left out.
 */
export function ionosTokenHits(bytes: Buffer): ShapeHit[] {
  const hits: ShapeHit[] = [];
  for (let at = bytes.indexOf(PREFIX); at >= 0; at = bytes.indexOf(PREFIX, at + 1)) {
    if (at > 0 && (BASE64URL[bytes[at - 1]] === 1 || bytes[at - 1] === DOT)) continue;
    let end = at;
    let dots = 0;
    while (end < bytes.length && (BASE64URL[bytes[end]] === 1 || (bytes[end] === DOT && dots < 2 && BASE64URL[bytes[end + 1]] === 1))) {
      if (bytes[end] === DOT) dots++;
      end++;
    }
    if (dots !== 2 || end - at < IONOS_TOKEN_FORMAT.minLength) {
      at = end;
      continue;
    }
    const [, payload] = bytes.toString('latin1', at, end).split('.');
    let lineStart = at;
    while (lineStart > 0 && at - lineStart < 160 && bytes[lineStart - 1] !== 0x0a) lineStart--;
    const context = lineContext(bytes.toString('latin1', lineStart, at));
    const namesIonos = context.part === 'token' && context.clouds.includes(IONOS_LEAK_HINTS.cloud);
    if (isIonosIssuer(decodeJson(payload)) || namesIonos)
      hits.push({ offset: at, length: end - at, part: 'token', clouds: ['ionos'], name: context.name });
    at = end;
  }
  return hits;
}
