// The secret-leak canary check of the integration tier: the emulators start every key secret with
// a canary; after the suite (test/integration/suite/secretLeakCanary.test.ts and the rest) and
// after code-server stops, every place VS Code and Cloud Keys could have written is searched for it.
// Expected: hits only in what the user explicitly exported, the accounts' own config files, and
// the secret store; and hits there (or the search proves nothing).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { searchForCanary } from '../lib/canary-search.mjs';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fixed prefix and six random letters or digits, new for every run. */
export function newCanary() {
  return `CkLeak${Array.from(randomBytes(6), (b) => ALPHANUM[b % ALPHANUM.length]).join('')}`;
}

/** The places searched, most specific first (a file counts once, in the first place that holds it). */
function places({ work, home, folder, profile, userDataDir, browserStorage, output }) {
  const vscdb = [...fs.readdirSync(userDataDir, { recursive: true })]
    .map(String)
    .filter((f) => f.endsWith('.vscdb'))
    .map((f) => path.join(userDataDir, f));
  const browser = (prefix) => Object.fromEntries(Object.entries(browserStorage).filter(([label]) => prefix(label)));
  return [
    { name: 'log channel files (user-data-dir logs/)', paths: [path.join(userDataDir, 'logs')] },
    { name: 'VS Code state databases (*.vscdb, raw bytes)', paths: vscdb },
    { name: 'extension global storage', paths: [path.join(userDataDir, 'User', 'globalStorage')] },
    { name: 'extension workspace storage', paths: [path.join(userDataDir, 'User', 'workspaceStorage')] },
    { name: 'user settings', paths: [path.join(userDataDir, 'User', 'settings.json')] },
    { name: 'machine settings', paths: [path.join(userDataDir, 'Machine', 'settings.json')] },
    { name: 'the rest of the VS Code profile (user-data-dir, extensions)', paths: [profile] },
    {
      name: 'generated Terraform (workspace *.tf)',
      paths: fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.tf'))
        .map((f) => path.join(folder, f)),
    },
    { name: 'workspace folder', paths: [folder] },
    {
      name: 'terminal environment after the export was removed',
      paths: fs
        .readdirSync(home)
        .filter((f) => f.startsWith('terminal-env-after-'))
        .map((f) => path.join(home, f)),
    },
    { name: 'temporary home (~/.aws, cloud configs)', paths: [home] },
    { name: 'browser localStorage (SecretStorage lives here in code-server)', texts: browser((l) => l.startsWith('localStorage:')) },
    { name: 'browser IndexedDB (workbench, extension and webview state)', texts: browser((l) => l.startsWith('indexedDB:')) },
    {
      name: 'test output (results, code-server log, reporter lines)',
      paths: [path.join(work, 'results.json'), path.join(work, 'code-server.log')],
      texts: { 'test output': output },
    },
  ];
}

/** Why a hit in `file` is expected, or undefined for a leak. */
function allowedFor({ home, folder }) {
  return (file) => {
    if (file === path.join(home, '.aws', 'credentials')) return 'AWS profile export the user chose';
    if (path.dirname(file) === folder && path.basename(file).startsWith('.env')) return '.env export the user chose';
    if (file.startsWith(home) && /[\\/]\.osc[\\/]config\.json$/.test(file))
      return "the OUTSCALE account's own config file (its seeded key)";
    if (file === 'localStorage:secrets.provider') return 'SecretStorage';
    return undefined;
  };
}

/** Searches, prints the figures and every hit, and returns one check's counts. */
export function reportCanarySearch({ canary, work, home, folder, profile, userDataDir, browserStorage, output, log }) {
  const result = searchForCanary({
    canary,
    places: places({ work, home, folder, profile, userDataDir, browserStorage, output }),
    allowed: allowedFor({ home, folder }),
  });
  const unexpected = result.hits.filter((h) => !h.allowed);
  const expected = result.hits.filter((h) => h.allowed);
  const store = browserStorage['localStorage:secrets.provider'];
  let storeForm = 'absent';
  if (store !== undefined) {
    let json = true;
    try {
      JSON.parse(store);
    } catch {
      json = false;
    }
    storeForm = store.includes(canary)
      ? 'holds the canary in clear text'
      : json
        ? 'JSON without the canary'
        : `encrypted (${store.length} characters, no canary in clear)`;
  }
  log(
    `  secret-leak canary: searched ${result.places} places (${result.files} files and stored values, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB); ${result.hits.length} files with hits, ${unexpected.length} unexpected`,
  );
  log(`    SecretStorage (code-server: browser localStorage "secrets.provider"): ${storeForm}`);
  for (const hit of expected) log(`    allowed  ${hit.count}× ${path.relative(work, hit.file) || hit.file} — ${hit.allowed}`);
  for (const hit of unexpected)
    log(`    LEAK     ${hit.count}× ${hit.file.startsWith(work) ? path.relative(work, hit.file) : hit.file} (${hit.place})`);
  const exportsFound = expected.some((h) => h.allowed.startsWith('AWS')) && expected.some((h) => h.allowed.startsWith('.env'));
  const problems = [
    ...(unexpected.length ? [`the canary leaked to ${unexpected.length} place(s)`] : []),
    ...(exportsFound ? [] : ['the canary is missing from the exports the suite wrote, so the search would not have seen a leak either']),
    ...(store?.includes(canary) ? ['SecretStorage holds the canary in clear text'] : []),
  ];
  log(
    `  ${problems.length ? '✖' : '✔'} secret-leak canary search${problems.length ? `: ${problems.join('; ')} (kept for inspection: ${work})` : ''}`,
  );
  return problems.length ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 };
}
