#!/usr/bin/env node
// Static tier: fails, naming the files, when the modules of src/ (or of the folder given) import
// each other in a cycle, `import type` included.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCycles, importGraph } from './lib/import-cycles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, 'src'));
const cycles = importCycles(importGraph(dir));
for (const cycle of cycles) {
  process.stderr.write(`Import cycle (type imports count): ${cycle.map((f) => path.relative(path.dirname(dir), f)).join(' ↔ ')}\n`);
}
if (cycles.length > 0) {
  process.stderr.write('Break it: move the shared type or constant into the module lower in the chain (docs/architecture.md, "Layers").\n');
  process.exit(1);
}
process.stdout.write(`No import cycles in ${path.basename(dir)}/.\n`);
