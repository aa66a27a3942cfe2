/**
 * `npm run bench`: the Cloud Keys benchmarks, side by side, then one table and
 * `test-results/bench.json`. Never part of `npm test`.
 *
 *   npm run bench                       everything (about 6–9 minutes)
 *   npm run bench -- --only listing     some of: build, vscode, activation, listing, terraform, cli, keyuses, leaks
 *   CLOUD_KEYS_BENCH_KEY_USES_FILES=5000 npm run bench -- --only keyuses   a smaller tree (default 50,000 files)
 *   npm run bench -- --repeats 5        more samples per figure (listing rounds, activation processes)
 *
 * Phases that use the shared dist/ or start code-server (build, vscode) run in child processes that
 * hold the test lock (/tmp/cloud-keys-test.lock), as the test tiers do; the others need no lock.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import * as activationBench from './activation/activation.bench';
import * as cliBench from './cli/cli.bench';
import * as listingBench from './listing/listing.bench';
import * as keyUsesBench from './keyUses/keyUses.bench';
import * as leaksBench from './leaks/leaks.bench';
import { ROOT } from './support/benchBuild';
import { describeMachine, loadAverage } from './support/machine';
import { SectionSchema, type BenchModule, type BenchOptions, type Report, type Section } from './support/results';
import { formatMarkdown, formatTable } from './support/table';

const TEST_LOCK = '/tmp/cloud-keys-test.lock';
const RESULTS = path.join(ROOT, 'test-results', 'bench.json');
/** The same table in Markdown, for the README's Performance section. */
const RESULTS_MD = path.join(ROOT, 'test-results', 'bench.md');
const PHASES = ['build', 'vscode', 'activation', 'listing', 'terraform', 'cli', 'keyuses', 'leaks'] as const;
type Phase = (typeof PHASES)[number];

/**
 * Benchmark #3 (the Terraform scanner) is being written with the scanner. Its slot: a module
 * `test/bench/terraformScanner.bench.ts` exporting `run(options): Promise<Section>` (BenchModule);
 * once it exists, `npm run bench` runs it and puts its rows in the table.
 */
const TERRAFORM_SCANNER_BENCH = path.join(__dirname, 'terraformScanner.bench.ts');

function log(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

function parseArgs(argv: string[]): { phases: Set<Phase>; repeats?: number } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const only = value('--only')
    ?.split(',')
    .map((p) => p.trim());
  const unknown = only?.filter((p) => !(PHASES as readonly string[]).includes(p)) ?? [];
  if (unknown.length) throw new Error(`unknown phase(s) ${unknown.join(', ')}: choose from ${PHASES.join(', ')}`);
  const repeatsText = value('--repeats');
  const repeats = repeatsText === undefined ? undefined : Number(repeatsText);
  if (repeats !== undefined && (!Number.isInteger(repeats) || repeats < 1)) throw new Error('--repeats takes a whole number ≥ 1');
  return { phases: new Set((only ?? PHASES) as Phase[]), repeats };
}

/** Time spent queued for the test lock behind other engineers' test runs; not the benchmarks' own time. */
let lockWaitMs = 0;

/** Runs a TypeScript script in a child process holding the test lock; returns its exit code. */
function underTestLock(script: string, args: string[] = []): number {
  const queuedAt = Date.now();
  // The child starts (and tsx loads) only once flock holds the lock; `-e` notes when that was.
  const marker = path.join(os.tmpdir(), `cloud-keys-bench-lock-${process.pid}`);
  fs.rmSync(marker, { force: true });
  const result = spawnSync(
    'flock',
    [TEST_LOCK, 'sh', '-c', 'date +%s%3N > "$0" && exec "$@"', marker, process.execPath, '--import', 'tsx', script, ...args],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (fs.existsSync(marker)) lockWaitMs += Math.max(0, Number(fs.readFileSync(marker, 'utf8').trim()) - queuedAt);
  fs.rmSync(marker, { force: true });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function failedSection(id: string, title: string, why: string): Section {
  return { id, title, skipped: why, rows: [], notes: [], durationMs: 0 };
}

async function runModule(id: string, title: string, load: () => Promise<BenchModule>, options: BenchOptions): Promise<Section> {
  try {
    return await (await load()).run(options);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log(`${id} failed: ${why}`);
    return failedSection(id, title, `failed: ${why}`);
  }
}

function realVsCode(): Section[] {
  const out = path.join(os.tmpdir(), `cloud-keys-bench-vscode-${process.pid}.json`);
  const code = underTestLock(path.join(__dirname, 'realVsCode', 'realVsCode.bench.ts'), [out]);
  if (code !== 0 || !fs.existsSync(out)) {
    return [failedSection('tree', '#4 Tree in real VS Code', `the real-VS-Code phase exited with ${code}; see [bench:vscode] above`)];
  }
  const parsed = z.object({ sections: z.array(SectionSchema) }).parse(JSON.parse(fs.readFileSync(out, 'utf8')));
  fs.rmSync(out, { force: true });
  return parsed.sections;
}

async function main(): Promise<void> {
  const { phases, repeats } = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const startLoad = loadAverage();
  const options: BenchOptions = { repeats, log: (line) => log(line) };
  const sections: Section[] = [];

  if (phases.has('build')) {
    log('building and packaging (production) under the test lock');
    if (underTestLock(path.join(__dirname, 'support', 'benchBuild.ts')) !== 0) throw new Error('the production build failed');
  }
  const vscodeSections = phases.has('vscode') ? realVsCode() : [];
  if (phases.has('activation')) {
    sections.push(await runModule('activation', '#1 Activation', async () => activationBench, options));
  }
  sections.push(...vscodeSections.filter((s) => s.id === 'activation-vscode'));
  if (phases.has('listing')) {
    sections.push(await runModule('listing', '#2 Listing a large tenancy', async () => listingBench, options));
  }
  if (phases.has('terraform')) {
    sections.push(
      fs.existsSync(TERRAFORM_SCANNER_BENCH)
        ? await runModule(
            'terraform-scanner',
            '#3 Terraform scanner',
            () => import(TERRAFORM_SCANNER_BENCH) as Promise<BenchModule>,
            options,
          )
        : failedSection('terraform-scanner', '#3 Terraform scanner', 'slot for test/bench/terraformScanner.bench.ts, not written yet'),
    );
  }
  if (phases.has('cli')) {
    sections.push(await runModule('cli', '#5 cloud-keys CLI', async () => cliBench, options));
  }
  if (phases.has('keyuses')) {
    sections.push(await runModule('key-uses', '#6 Find Uses of Key', async () => keyUsesBench, options));
  }
  if (phases.has('leaks')) {
    sections.push(await runModule('leaks', '#7 Leaked keys: detection while typing', async () => leaksBench, options));
  }
  sections.push(...vscodeSections.filter((s) => s.id !== 'activation-vscode'));

  const report: Report = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    lockWaitMs,
    machine: describeMachine(startLoad),
    sections,
  };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(RESULTS_MD, `${formatMarkdown(report)}\n`);
  process.stdout.write(`\n${formatTable(sections)}\n\n`);
  for (const section of sections) for (const note of section.notes) process.stdout.write(`${section.title}: ${note}\n`);
  const { machine } = report;
  process.stdout.write(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.node}; load average ${machine.loadAverage.start} → ${machine.loadAverage.end}\n`,
  );
  process.stdout.write(
    `Wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, RESULTS_MD)}: ${Math.round((report.durationMs - lockWaitMs) / 1000)} s of benchmarks` +
      ` (+ ${Math.round(lockWaitMs / 1000)} s waiting for the test lock)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
