/**
 * Benchmark #6: leak detection while typing. A 5,000-line source file (code, config lines, a few
 * planted credentials of the three clouds) is edited one keystroke at a time; after each change the
 * whole text is checked again, as the diagnostics do after their debounce, against an inventory of
 * 2,000 keys with their secrets. Side by side in the same run: one plain regex pass over the same
 * text (`[A-Za-z0-9+/]{40}`), the floor any scanner pays. Figures: median and 95th percentile per
 * change (goal: median < 10 ms) and the ratio of the medians.
 */
import { randomBytes } from 'node:crypto';
import { detectLeaks } from '../../../src/leaks/detect';
import { OwnerIndex } from '../../../src/leaks/ownerIndex';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import type { BenchOptions, Row, Section } from '../support/results';
import { median, round } from '../support/stats';

const LINES = 5_000;
const CHANGES = 300;
const KEYS = 2_000;
const GOAL_MS = 10;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (alphabet: string, length: number) => Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');

function sourceFile(keys: { id: string; secret: string }[]): string {
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    if (i % 500 === 7) lines.push(`const secretKey${i} = "${keys[i % keys.length].secret}";`);
    else if (i % 500 === 11) lines.push(`  OSC_SECRET_KEY: "${pick(ALNUM, 40)}",`);
    else if (i % 50 === 3) lines.push(`const digest${i} = "${randomBytes(20).toString('hex')}"; // sha1 of the payload`);
    else if (i % 10 === 5) lines.push(`  const value${i} = await client.request({ path: '/v1/items/${i}', method: 'GET', retries: 3 });`);
    else lines.push(`  if (items[${i}].state === 'active' && count > ${i}) total += items[${i}].size * factor; // line ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

async function inventory(): Promise<{ owners: OwnerIndex; keys: { id: string; secret: string }[] }> {
  const keys = Array.from({ length: KEYS }, () => ({ id: pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20), secret: pick(ALNUM, 40) }));
  const owners = new OwnerIndex();
  const accessKeys: AccessKey[] = keys.map((k) => ({ id: k.id, accountId: 'bench', userId: 'u', kind: 'access-key', state: 'active' }));
  const secrets = new Map(keys.map((k) => [k.id, k.secret]));
  await owners.update(
    [{ account: { id: 'bench', label: 'bench', cloud: 'outscale' }, user: { id: 'u', name: 'bench' }, keys: accessKeys }],
    async (key) => new Secret(secrets.get(key.id)!),
  );
  return { owners, keys };
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  const { owners, keys } = await inventory();
  let text = sourceFile(keys);
  options.log(`leaks: ${LINES} lines, ${round(text.length / 1024)} KB, ${KEYS} keys in the inventory, ${CHANGES} keystrokes`);
  const detectMs: number[] = [];
  const regexMs: number[] = [];
  let findings = 0;
  let regexHits = 0;
  const regex = /[A-Za-z0-9+/]{40}/g;
  // Warm up the JIT on both paths.
  for (let i = 0; i < 20; i++) {
    findings = detectLeaks(text, owners.index).length;
    regexHits = [...text.matchAll(regex)].length;
  }
  for (let i = 0; i < CHANGES; i++) {
    const at = text.indexOf('\n', Math.floor((i * 7919) % (text.length - 100))) + 3;
    text = `${text.slice(0, at)}${'abcdefgh'[i % 8]}${text.slice(at)}`;
    const t0 = performance.now();
    findings = detectLeaks(text, owners.index).length;
    detectMs.push(performance.now() - t0);
    const t1 = performance.now();
    regexHits = [...text.matchAll(regex)].length;
    regexMs.push(performance.now() - t1);
  }
  const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)];
  const detect = median(detectMs);
  const ratio = detect / median(regexMs);
  const rows: Row[] = [
    {
      name: `detection per change, ${LINES}-line file`,
      unit: 'ms',
      value: round(detect),
      samples: [round(detect), round(p95(detectMs))],
      extra: { p95: round(p95(detectMs)), findings },
      goal: { text: `median < ${GOAL_MS} ms`, met: detect < GOAL_MS },
    },
    {
      name: 'plain regex pass, same text',
      unit: 'ms',
      value: round(median(regexMs)),
      samples: [round(median(regexMs)), round(p95(regexMs))],
      extra: { p95: round(p95(regexMs)), hits: regexHits },
    },
    { name: 'detection / regex', unit: '×', value: round(ratio), samples: [round(ratio)] },
  ];
  return {
    id: 'leaks',
    title: '#7 Leaked keys: detection while typing',
    rows,
    notes: ['the diagnostics also debounce typing by 150 ms; this measures one check of the whole text'],
    durationMs: performance.now() - started,
  };
}

if (require.main === module) {
  run({ log: (line) => process.stdout.write(`${line}\n`) }).then((s) => process.stdout.write(`${JSON.stringify(s, null, 2)}\n`));
}
