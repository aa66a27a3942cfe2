/**
 * Benchmark #5: Find Uses of Key on a generated tree (default 50,000 files, about 500 MB, 100
 * planted uses of 5 keys among decoys of the same shapes). Side by side in the same run: the finder
 * (`findKeyUses`, secrets matched by keyed hash) and ripgrep searching the same ids and secrets as
 * fixed strings. Figures: wall time of each (median), their ratio (goal ≤ 2×), the finder's heap
 * growth (goal < 50 MB), and planted uses found / false attributions.
 *
 * ripgrep: `rg` on PATH (Debian's `ripgrep`) or, failing that, the one VS Code ships (found under
 * ~/.cache/cloud-keys-tools); without either the ratio is skipped with a note.
 * CLOUD_KEYS_BENCH_KEY_USES_FILES=5000 runs a smaller tree for a quick look.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexOfKeys } from '../../../src/keyMatching';
import { findKeyUses } from '../../../src/keyUses/finder';
import { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';
import { generateTree, randomKey } from './generatedTree';
import type { BenchOptions, Row, Section } from '../support/results';
import { median, round, times } from '../support/stats';

const FILES = Number(process.env.CLOUD_KEYS_BENCH_KEY_USES_FILES ?? 50_000);
const BYTES_PER_FILE = 10_000;
const USES = 100;
const RATIO_GOAL = 2;
const HEAP_GOAL_MB = 50;

function findRipgrep(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const cache = path.join(os.homedir(), '.cache', 'cloud-keys-tools');
  const found = spawnSync('find', [cache, '-path', `*ripgrep*/bin/linux-${process.arch}/rg`, '-type', 'f'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0];
  return found || undefined;
}

function ripgrep(rg: string, root: string, literals: readonly string[]): { ms: number; lines: number } {
  const started = performance.now();
  const result = spawnSync(
    rg,
    ['--fixed-strings', '--hidden', '--no-messages', '--line-number', ...literals.flatMap((l) => ['-e', l]), root],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  return { ms: performance.now() - started, lines: result.stdout.split('\n').filter(Boolean).length };
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  const repeats = options.repeats ?? 3;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-bench-uses-'));
  try {
    const keys = Array.from({ length: 5 }, randomKey);
    options.log(`key uses: generating ${FILES} files under ${root}`);
    const tree = generateTree(root, FILES, BYTES_PER_FILE, keys, USES);
    options.log(`key uses: ${tree.files} files, ${round(tree.bytes / 2 ** 20)} MB, ${tree.planted.length} planted uses`);
    const accessKeys = keys.map((k) => ({
      key: { id: k.id, accountId: 'bench', userId: 'u', kind: 'access-key', state: 'active' } satisfies AccessKey,
      secret: new Secret(k.secret),
    }));
    const rg = findRipgrep();
    const literals = keys.flatMap((k) => [k.id, k.secret]);
    // Warm the page cache once for both.
    if (rg) ripgrep(rg, root, literals);

    const finderMs: number[] = [];
    const rgMs: number[] = [];
    let heapGrowth = 0;
    let found = new Set<string>();
    let falseAttributions = 0;
    let rgLines = 0;
    for (let i = 0; i < repeats; i++) {
      globalThis.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
      const uses: string[] = [];
      const t0 = performance.now();
      const index = indexOfKeys(accessKeys);
      await findKeyUses(index, [{ kind: 'folder', path: root }], {
        maxFileBytes: 1 << 20,
        onUses: (u) => uses.push(...u.map((x) => `${x.file}:${x.line}:${x.kind === 'secret' ? 'secret' : 'id'}:${x.ref.keyId}`)),
      });
      finderMs.push(performance.now() - t0);
      clearInterval(sampler);
      heapGrowth = Math.max(heapGrowth, Math.max(peak, process.memoryUsage().heapUsed) - heapBefore);
      const planted = new Set(tree.planted.map((p) => `${p.file}:${p.line}:${p.value}:${p.keyId}`));
      found = new Set(uses.filter((u) => planted.has(u)));
      falseAttributions = uses.filter((u) => !planted.has(u)).length;
      if (rg) {
        const r = ripgrep(rg, root, literals);
        rgMs.push(r.ms);
        rgLines = r.lines;
      }
    }
    const finder = median(finderMs);
    const rows: Row[] = [
      {
        name: `finder, ${tree.files} files / ${round(tree.bytes / 2 ** 20)} MB`,
        unit: 'ms',
        value: round(finder),
        samples: finderMs.map(round),
        extra: { found: `${found.size}/${tree.planted.length}`, falseAttributions },
        goal: { text: `all ${tree.planted.length} found, 0 false`, met: found.size === tree.planted.length && falseAttributions === 0 },
      },
      {
        name: 'finder heap growth',
        unit: 'MB',
        value: round(heapGrowth / 2 ** 20),
        samples: [round(heapGrowth / 2 ** 20)],
        goal: { text: `< ${HEAP_GOAL_MB} MB`, met: heapGrowth / 2 ** 20 < HEAP_GOAL_MB },
      },
    ];
    const notes: string[] = [];
    if (rg) {
      const ratio = finder / median(rgMs);
      rows.push({
        name: 'ripgrep, same literals, same tree',
        unit: 'ms',
        value: round(median(rgMs)),
        samples: rgMs.map(round),
        extra: { lines: rgLines },
      });
      rows.push({
        name: 'finder / ripgrep',
        unit: '×',
        value: round(ratio),
        samples: [round(ratio)],
        goal: { text: `≤ ${RATIO_GOAL}×`, met: ratio <= RATIO_GOAL, ...(ratio > RATIO_GOAL ? { by: times(ratio / RATIO_GOAL) } : {}) },
      });
      notes.push(`ripgrep: ${rg}`);
    } else {
      notes.push(
        "ripgrep not found (install Debian's ripgrep, or run the vscode phase once so code-server's copy is cached): the ratio is not measured",
      );
    }
    if (!globalThis.gc) notes.push('heap growth measured without --expose-gc: it includes garbage not yet collected');
    return { id: 'key-uses', title: '#6 Find Uses of Key', rows, notes, durationMs: performance.now() - started };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run({ log: (line) => process.stdout.write(`${line}\n`) }).then((s) => process.stdout.write(`${JSON.stringify(s, null, 2)}\n`));
}
