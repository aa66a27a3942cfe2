/**
 * Benchmark #1: activation cost. The production bundles' sizes; the time to load the extension
 * bundle and run `activate` against the typed host double, next to the time to load the OCI SDK
 * alone (oci-common + oci-identity from node_modules) and the OCI adapter bundle, each sample in a
 * fresh Node process, the three interleaved. Real VS Code's figure comes from the real-VS-Code phase.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { z } from 'zod';
import { BENCH_EXTENSION, BENCH_OUT, ROOT } from '../support/benchBuild';
import type { BenchOptions, Row, Section } from '../support/results';
import { median, round, times } from '../support/stats';

const KB = 1024;
const BUNDLE_GOAL_KB = 200;
const CHILD = path.join(BENCH_OUT, 'activateChild.js');

const SampleSchema = z.object({
  loadMs: z.number(),
  activateMs: z.number(),
  loggedMs: z.number().optional(),
  commands: z.number(),
  subscriptions: z.number(),
  unmodelled: z.array(z.string()),
});

const TimeSchema = z.object({ ms: z.number() });

/** Requires `modules` in a fresh process and reports how long that took. */
const LOAD_SCRIPT = `
const start = performance.now();
for (const name of JSON.parse(process.argv[1])) require(name);
process.stdout.write(JSON.stringify({ ms: performance.now() - start }) + '\\n');
process.exit(0);
`;

function loadTime(modules: string[]): number {
  const out = runChild(['-e', LOAD_SCRIPT, JSON.stringify(modules)]);
  return TimeSchema.parse(JSON.parse(out.trim().split('\n').pop() ?? '{}')).ms;
}

/** Runs a child, and on failure says which error it ended with (not the minified line it points at). */
function runChild(args: string[]): string {
  try {
    return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const last =
      stderr
        .split('\n')
        .filter((line) => /^\w*Error\b/.test(line))
        .pop() ?? 'no error message';
    throw new Error(`node ${path.basename(args[0] ?? '')} failed: ${last.slice(0, 300)}`);
  }
}

function activationSample(): z.infer<typeof SampleSchema> {
  const out = runChild([CHILD, BENCH_EXTENSION]);
  return SampleSchema.parse(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
}

async function buildChild(): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'activateChild.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}

/** The extension bundle's biggest inputs, by package, from an in-memory production build. */
async function bundleContents(): Promise<{ name: string; kb: number }[]> {
  const { zodRuntimeFrom } = await import('../../../scripts/lib/bundles.mjs');
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'extension.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: path.join(BENCH_OUT, 'analysis', 'extension.js'),
    plugins: [zodRuntimeFrom('src/util/zodRuntimeLazy.ts')],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const byPackage = new Map<string, number>();
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1] : 'Cloud Keys code';
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...byPackage].map(([name, bytes]) => ({ name, kb: bytes / KB })).sort((a, b) => b.kb - a.kb);
}

function sizeRows(): Row[] {
  const dist = path.join(BENCH_EXTENSION, 'dist');
  const extensionKb = fs.statSync(path.join(dist, 'extension.js')).size / KB;
  const rows: Row[] = [
    {
      name: 'dist/extension.js (production)',
      unit: 'KB',
      value: extensionKb,
      samples: [extensionKb],
      goal: {
        text: `< ${BUNDLE_GOAL_KB} KB`,
        met: extensionKb < BUNDLE_GOAL_KB,
        ...(extensionKb < BUNDLE_GOAL_KB ? {} : { by: `${times(extensionKb / BUNDLE_GOAL_KB)} the goal` }),
      },
    },
  ];
  for (const file of fs
    .readdirSync(path.join(dist, 'clouds'))
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const kb = fs.statSync(path.join(dist, 'clouds', file)).size / KB;
    rows.push({ name: `dist/clouds/${file} (loaded on first use)`, unit: 'KB', value: kb, samples: [kb] });
  }
  return rows;
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  if (!fs.existsSync(path.join(BENCH_EXTENSION, 'dist', 'extension.js'))) {
    throw new Error(`${path.relative(ROOT, BENCH_EXTENSION)} is missing: run the bench build first (npm run bench does)`);
  }
  await buildChild();
  const repeats = options.repeats ?? 15;
  const activation: z.infer<typeof SampleSchema>[] = [];
  const sdk: number[] = [];
  const ociBundle: number[] = [];
  // Warm the file cache once for each, then interleave so drift on a shared machine hits all three alike.
  activationSample();
  loadTime(['oci-common', 'oci-identity']);
  loadTime([path.join(BENCH_EXTENSION, 'dist', 'clouds', 'oci.js')]);
  for (let i = 0; i < repeats; i += 1) {
    activation.push(activationSample());
    sdk.push(loadTime(['oci-common', 'oci-identity']));
    ociBundle.push(loadTime([path.join(BENCH_EXTENSION, 'dist', 'clouds', 'oci.js')]));
  }
  options.log(`${repeats} activation samples, ${repeats} OCI SDK loads, ${repeats} OCI adapter loads`);
  const total = activation.map((s) => s.loadMs + s.activateMs);
  const ratio = median(total) / median(sdk);
  const contents = await bundleContents();
  const unmodelled = [...new Set(activation.flatMap((s) => s.unmodelled))];
  const rows: Row[] = [
    ...sizeRows(),
    {
      name: 'load + activate the extension (host double)',
      unit: 'ms',
      value: median(total),
      samples: total,
      extra: {
        loadMs: round(median(activation.map((s) => s.loadMs))),
        activateMs: round(median(activation.map((s) => s.activateMs))),
        commandsRegistered: activation[0]?.commands ?? 0,
        subscriptions: activation[0]?.subscriptions ?? 0,
      },
    },
    { name: 'load the OCI SDK alone (oci-common + oci-identity)', unit: 'ms', value: median(sdk), samples: sdk },
    { name: 'load dist/clouds/oci.js (adapter + SDK, bundled)', unit: 'ms', value: median(ociBundle), samples: ociBundle },
    {
      name: 'activation ÷ OCI SDK load',
      unit: '×',
      value: ratio,
      samples: total.map((ms, i) => ms / sdk[i]),
      goal: { text: '< 0.1×', met: ratio < 0.1, ...(ratio < 0.1 ? {} : { by: times(ratio) }) },
    },
  ];
  return {
    id: 'activation',
    title: '#1 Activation',
    rows,
    notes: [
      `Extension bundle contents: ${contents
        .slice(0, 4)
        .map((c) => `${c.name} ${round(c.kb)} KB`)
        .join(', ')}.`,
      'Each timing is a fresh Node process (module cache cold, file cache warm), the three kinds interleaved.',
      ...(unmodelled.length
        ? [`Activation also touched host API the double does not model (answered by stand-ins): ${unmodelled.join(', ')}.`]
        : []),
    ],
    durationMs: performance.now() - started,
  };
}
