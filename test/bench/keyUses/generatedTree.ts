/** A generated source tree for the key-use finder benchmark: many text files, a few planted uses. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface PlantedUse {
  readonly file: string;
  readonly line: number;
  readonly value: 'id' | 'secret';
  readonly keyId: string;
}

export interface GeneratedTree {
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
  readonly planted: readonly PlantedUse[];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function random(alphabet: string, length: number): string {
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** Lines that look like code and config, with tokens of the keys' lengths and alphabets (decoys) among them. */
function filler(lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    switch (i % 6) {
      case 0:
        out.push(`const value${i} = computeSomething(input, ${i}); // a comment about the code`);
        break;
      case 1:
        out.push(`  token: "${random(ALNUM, 40)}"`);
        break;
      case 2:
        out.push(`export OTHER_ID_${i}=${random(UPPER, 20)}`);
        break;
      case 3:
        out.push(`${random(ALNUM, 44)} ${random(ALNUM, 12)} lorem ipsum dolor sit amet consectetur`);
        break;
      case 4:
        out.push(`  "hash": "${randomBytes(32).toString('base64')}",`);
        break;
      default:
        out.push('function example(a, b) { return a + b; }');
    }
  }
  return out;
}

/**
 * Writes `files` files of about `bytesPerFile` bytes in nested folders under `root`, and plants
 * `uses` uses of `keys` (each an id and a secret) on random lines of random files.
 */
export function generateTree(
  root: string,
  files: number,
  bytesPerFile: number,
  keys: readonly { id: string; secret: string }[],
  uses: number,
): GeneratedTree {
  const linesPerFile = Math.max(4, Math.round(bytesPerFile / 62));
  const chosen = new Map<number, number>();
  while (chosen.size < Math.min(uses, files)) chosen.set(randomBytes(4).readUInt32LE() % files, chosen.size);
  const planted: PlantedUse[] = [];
  // One block of filler reused with a per-file header keeps generation fast without making files identical.
  const blocks = Array.from({ length: 16 }, () => filler(linesPerFile));
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const dir = path.join(root, `pkg${f % 50}`, `mod${Math.floor(f / 50) % 100}`);
    if (f < 5000) fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `file${f}.${['ts', 'js', 'yaml', 'json', 'txt', 'env'][f % 6]}`);
    const lines = [`// file ${f} ${random(ALNUM, 20)}`, ...blocks[f % blocks.length]];
    const use = chosen.get(f);
    if (use !== undefined) {
      const key = keys[use % keys.length];
      const line = 1 + (randomBytes(2).readUInt16LE() % (lines.length - 1));
      const value = use % 2 === 0 ? 'id' : 'secret';
      lines[line] = value === 'id' ? `ACCESS_KEY_ID=${key.id}` : `  secret_key = "${key.secret}"`;
      planted.push({ file, line: line + 1, value, keyId: key.id });
    }
    const text = `${lines.join('\n')}\n`;
    fs.writeFileSync(file, text);
    bytes += text.length;
  }
  return { root, files, bytes, planted };
}

/** An OUTSCALE-shaped key pair. */
export function randomKey(): { id: string; secret: string } {
  return { id: random(UPPER, 20), secret: random(ALNUM, 40) };
}
