/**
 * Benchmark #3: the Terraform scanner. A generated file of about 50,000 lines with 2,000 key
 * resources among other Terraform (heredocs, comments and strings holding block-like text and
 * braces). Side by side, in this process: `scanTerraform` and a full parse of the same text with
 * HashiCorp's parser (`@cdktf/hcl2json`, WebAssembly); both must find the same key blocks, on that
 * file and on every text of the scanner's tricky-file corpus the parser accepts. Then how often the
 * code-lens provider's cache scans a document: once per version is the goal.
 */
import { parse } from '@cdktf/hcl2json';
import { scanTerraform } from '../../src/terraform/scanner';
import { CORPUS } from '../unit/terraform/scannerCorpus';
import type { BenchOptions, Row, Section } from './support/results';
import { median, round, times } from './support/stats';
import { difference, keyBlocksFromParse, keyBlocksFromScanner } from './terraform/keyBlocks';
import { largeTerraformFile } from './terraform/largeTerraformFile';
import { countScans } from './terraform/scanCacheCount';

const TARGET_LINES = 50_000;
const KEY_RESOURCES = 2_000;
const SPEED_GOAL = 100;

function sameBlocks(what: string, scanned: string[], parsed: string[]): string | undefined {
  const { onlyA, onlyB } = difference(scanned, parsed);
  if (onlyA.length === 0 && onlyB.length === 0) return undefined;
  return `${what}: only the scanner found ${JSON.stringify(onlyA)}, only the parser ${JSON.stringify(onlyB)}`;
}

/** Compares both on the corpus; texts the parser rejects (half-typed files) are counted, not compared. */
async function checkCorpus(): Promise<{ compared: number; rejected: string[]; mismatches: string[] }> {
  const rejected: string[] = [];
  const mismatches: string[] = [];
  let compared = 0;
  for (const c of CORPUS) {
    let json: unknown;
    try {
      json = await parse('corpus.tf', c.text);
    } catch {
      rejected.push(c.name);
      continue;
    }
    compared += 1;
    const mismatch = sameBlocks(`corpus "${c.name}"`, keyBlocksFromScanner(scanTerraform(c.text)), keyBlocksFromParse(json));
    if (mismatch) mismatches.push(mismatch);
  }
  return { compared, rejected, mismatches };
}

export async function run(options: BenchOptions): Promise<Section> {
  const started = performance.now();
  const scanRepeats = Math.max(15, (options.repeats ?? 0) * 5);
  const parseRepeats = options.repeats ?? 3;
  const file = largeTerraformFile(TARGET_LINES, KEY_RESOURCES);
  options.log(`terraform: ${file.lines} lines (${round(file.text.length / 2 ** 20)} MB), ${file.keyResources} key resources`);

  // One warm-up of each: the parser compiles its WebAssembly, the scanner gets optimised.
  const parsedOnce = await parse('large.tf', file.text);
  const scannedOnce = scanTerraform(file.text);
  const scanned = keyBlocksFromScanner(scannedOnce);
  const parsed = keyBlocksFromParse(parsedOnce);
  const mismatches = [sameBlocks('the generated file', scanned, parsed)].filter((m): m is string => m !== undefined);
  const corpus = await checkCorpus();
  mismatches.push(...corpus.mismatches);
  const resourcesFound = scannedOnce.filter((b) => b.kind === 'resource').length;
  if (resourcesFound !== KEY_RESOURCES) mismatches.push(`the scanner found ${resourcesFound} key resources, not ${KEY_RESOURCES}`);

  const scanMs: number[] = [];
  for (let i = 0; i < scanRepeats; i += 1) {
    const start = performance.now();
    scanTerraform(file.text);
    scanMs.push(performance.now() - start);
  }
  const parseMs: number[] = [];
  for (let i = 0; i < parseRepeats; i += 1) {
    const start = performance.now();
    await parse('large.tf', file.text);
    parseMs.push(performance.now() - start);
  }
  const speedups = parseMs.map((ms) => ms / median(scanMs));
  const speedup = median(parseMs) / median(scanMs);
  options.log(`terraform: scan ${round(median(scanMs))} ms, full parse ${round(median(parseMs))} ms, ${times(speedup)}`);

  const versions = 5;
  const lensRequests = 10;
  const lens = countScans(file.text, versions, lensRequests);
  for (const mismatch of mismatches) options.log(`terraform: MISMATCH ${mismatch}`);

  const rows: Row[] = [
    {
      name: `scanTerraform, ${file.lines} lines, ${KEY_RESOURCES} key resources`,
      unit: 'ms',
      value: median(scanMs),
      samples: scanMs,
      extra: { lines: file.lines, bytes: file.text.length, keyBlocks: scanned.length },
    },
    { name: 'full parse with @cdktf/hcl2json', unit: 'ms', value: median(parseMs), samples: parseMs },
    {
      name: 'scanner speed-up over the full parse',
      unit: '×',
      value: speedup,
      samples: speedups,
      goal: {
        text: `≥ ${SPEED_GOAL}×`,
        met: speedup >= SPEED_GOAL,
        ...(speedup >= SPEED_GOAL ? {} : { by: `${times(speedup)}, ${Math.round((1 - speedup / SPEED_GOAL) * 100)}% short` }),
      },
    },
    {
      name: `key blocks the two disagree on (large file + ${corpus.compared} corpus texts)`,
      unit: '',
      value: mismatches.length,
      samples: [mismatches.length],
      goal: { text: 'none', met: mismatches.length === 0, ...(mismatches.length ? { by: mismatches[0] } : {}) },
      extra: { keyBlocksLargeFile: scanned.length, corpusCompared: corpus.compared, corpusRejectedByParser: corpus.rejected.length },
    },
    {
      name: `lens provider: scans per document version (${lensRequests} lens requests each)`,
      unit: '',
      value: lens.scans / lens.versions,
      samples: [lens.scans / lens.versions],
      goal: {
        text: '1',
        met: lens.scans === lens.versions,
        ...(lens.scans === lens.versions ? {} : { by: `${lens.scans} scans for ${lens.versions} versions` }),
      },
      extra: { versions: lens.versions, requests: lens.requests, scans: lens.scans, cachedRequestMs: round(lens.cachedRequestMs) },
    },
  ];
  return {
    id: 'terraform-scanner',
    title: '#3 Terraform scanner',
    rows,
    notes: [
      `The file holds ${KEY_RESOURCES} key resources (the four types in turn), an import and an output for every tenth, and other resources, data sources and variables whose comments, heredocs and strings hold block-like text and braces; ${scanned.length} key blocks in all (resources, imports, outputs).`,
      `Both are compared on each key block's identity and the names of its attributes and nested blocks; the parser rejects ${corpus.rejected.length} of the ${CORPUS.length} corpus texts (half-typed files: ${corpus.rejected.join('; ') || 'none'}), the other ${corpus.compared} are compared.`,
      `The lens count drives ScanCache (what KeyCodeLenses asks for blocks) through a document double counting getText(); a cached request takes ${round(lens.cachedRequestMs * 1000)} µs.`,
    ],
    durationMs: performance.now() - started,
  };
}
