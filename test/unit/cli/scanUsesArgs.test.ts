/**
 * How `cloud-keys scan` and `cloud-keys uses` read their command lines: the options each receives,
 * and for every kind of mistake, exit 2 and a message naming the flag or value and how to fix it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/program';
import { scanCommand } from '../../../src/cli/scan/scanCommand';
import type { ScanOptions } from '../../../src/cli/scan/scanOptions';
import { usesCommand } from '../../../src/cli/uses/usesCommand';
import type { UsesOptions } from '../../../src/cli/uses/usesOptions';
import { recordingIo } from './recordingIo';

/** Runs the command line with scan and uses that only record their options and exit 0. */
async function parse(...argv: string[]) {
  const io = recordingIo();
  const scans: ScanOptions[] = [];
  const uses: UsesOptions[] = [];
  const code = await runCli(argv, io, {
    version: '1.2.3',
    commands: [scanCommand(async (options) => (scans.push(options), 0)), usesCommand(async (options) => (uses.push(options), 0))],
  });
  return { code, scan: scans[0], uses: uses[0], stdout: io.stdout(), stderr: io.stderr() };
}

const SCAN_DEFAULTS: ScanOptions = {
  paths: [],
  staged: false,
  inventory: true,
  failOn: 'error',
  format: 'text',
  clouds: [],
  accounts: [],
  verbose: false,
  maxFileBytes: 2048 * 1024,
};

describe('cloud-keys scan command line', () => {
  it('scans the current folder by default: text, fail on errors, the accounts read for owners, 2 MB files', async () => {
    const { code, scan } = await parse('scan');
    assert.equal(code, 0);
    assert.deepEqual(scan, SCAN_DEFAULTS);
  });

  it('reads paths and every flag', async () => {
    const { scan } = await parse(
      '--verbose',
      'scan',
      'src',
      'deploy/.env',
      '--fail-on',
      'warning',
      '--format',
      'sarif',
      '--cloud',
      'oci,outscale',
      '--account',
      'prod',
      '--max-file-kb',
      '64',
    );
    assert.deepEqual(scan, {
      ...SCAN_DEFAULTS,
      paths: ['src', 'deploy/.env'],
      failOn: 'warning',
      format: 'sarif',
      clouds: ['oci', 'outscale'],
      accounts: ['prod'],
      verbose: true,
      maxFileBytes: 64 * 1024,
    });
  });

  it("--staged takes git's index; --offline and --no-inventory both skip the accounts", async () => {
    assert.deepEqual((await parse('scan', '--staged', '--fail-on', 'info')).scan, { ...SCAN_DEFAULTS, staged: true, failOn: 'info' });
    assert.equal((await parse('scan', '--offline')).scan.inventory, false);
    assert.equal((await parse('scan', '--no-inventory')).scan.inventory, false);
  });

  it('prints help with the flags, how owners are found without secrets, the severities and the exit codes', async () => {
    const { code, stdout } = await parse('scan', '--help');
    assert.equal(code, 0);
    assert.match(stdout, /Usage: cloud-keys scan \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--staged', '--fail-on', '--format', '--offline', '--no-inventory', '--cloud', '--account', '--max-file-kb'])
      assert.match(stdout, new RegExp(flag));
    assert.match(stdout, /has no secret storage, so it knows the ids and\s+API key fingerprints of your keys, never their secrets/);
    assert.match(stdout, /Exit codes:\n {2}0 {2}no finding at or above --fail-on\n {2}1 {2}a finding at or above --fail-on/);
  });

  const mistakes: [string[], RegExp][] = [
    [['scan', '--fail-on', 'critical'], /argument 'critical' is invalid\. Allowed choices are error, warning, info\./],
    [['scan', '--format', 'csv'], /argument 'csv' is invalid\. Allowed choices are text, json, sarif\./],
    [['scan', '--stagd'], /unknown option '--stagd'[\s\S]*Did you mean --staged\?/],
    [['scan', '--staged', 'src'], /--staged scans git's index and takes no paths \(got "src"\): drop either\./],
    [['scan', '--offline', '--account', 'prod'], /--account chooses accounts to read, but --offline reads none: drop either\./],
    [['scan', '--max-file-kb', 'big'], /--max-file-kb takes a whole number of kilobytes, 1 or more/],
    [['scan', '--cloud', 'aws'], /"aws" is not a cloud: choose from oci, outscale, ionos/],
    [['scna'], /unknown command 'scna'[\s\S]*Did you mean scan\?/],
  ];
  for (const [argv, message] of mistakes) {
    it(`refuses "${argv.join(' ')}" with exit 2 and says what is wrong`, async () => {
      const { code, stderr, scan } = await parse(...argv);
      assert.equal(code, 2);
      assert.equal(scan, undefined, 'the scan did not run');
      assert.match(stderr, message);
    });
  }
});

describe('cloud-keys uses command line', () => {
  it("searches the editor's default places for the key: current folder, CLI files, shell files", async () => {
    const { code, uses } = await parse('uses', 'AB12CD34EF56GH78IJ90');
    assert.equal(code, 0);
    assert.deepEqual(uses, {
      key: 'AB12CD34EF56GH78IJ90',
      currentFolder: true,
      extraFolders: [],
      cliFiles: true,
      shellRcFiles: true,
      onlyKeyFiles: false,
      exclude: [],
      format: 'text',
      clouds: [],
      accounts: [],
      verbose: false,
      maxFileBytes: 2048 * 1024,
    });
  });

  it('adds folders, skips CLI, shell files and the current folder, and reads the other flags', async () => {
    const { uses } = await parse(
      'uses',
      'aa:bb',
      '--path',
      'deploy',
      '--path',
      '~/ops',
      '--no-cli-files',
      '--no-shell-files',
      '--no-current-folder',
      '--only-key-files',
      '--exclude',
      'node_modules/',
      '--format',
      'json',
      '--cloud',
      'oci',
      '--account',
      'dev',
    );
    assert.deepEqual(
      { ...uses, maxFileBytes: undefined },
      {
        key: 'aa:bb',
        currentFolder: false,
        extraFolders: ['deploy', '~/ops'],
        cliFiles: false,
        shellRcFiles: false,
        onlyKeyFiles: true,
        exclude: ['node_modules/'],
        format: 'json',
        clouds: ['oci'],
        accounts: ['dev'],
        verbose: false,
        maxFileBytes: undefined,
      },
    );
  });

  it('prints help with the flags, that no secret is compared, and the exit codes', async () => {
    const { code, stdout } = await parse('uses', '--help');
    assert.equal(code, 0);
    assert.match(stdout, /Usage: cloud-keys uses \[options\] <key>/);
    for (const flag of ['--path', '--no-cli-files', '--no-shell-files', '--no-current-folder', '--only-key-files', '--exclude', '--format'])
      assert.match(stdout, new RegExp(flag));
    assert.match(stdout, /never its secret/);
    assert.match(stdout, /Exit codes:\n {2}0 {2}no use found\n {2}1 {2}uses found/);
  });

  const mistakes: [string[], RegExp][] = [
    [['uses'], /missing required argument 'key'/],
    [['uses', ' '], /give the key id or OCI API key fingerprint to look for/],
    [['uses', 'K', 'L'], /too many arguments for 'uses'\. Expected 1 argument but got 2\./],
    [['uses', 'K', '--path', ''], /--path takes a folder to search/],
    [['uses', 'K', '--format', 'sarif'], /argument 'sarif' is invalid\. Allowed choices are text, json\./],
    [['uses', 'K', '--no-cli-file'], /unknown option '--no-cli-file'[\s\S]*Did you mean --no-cli-files\?/],
  ];
  for (const [argv, message] of mistakes) {
    it(`refuses "${argv.join(' ')}" with exit 2 and says what is wrong`, async () => {
      const { code, stderr, uses } = await parse(...argv);
      assert.equal(code, 2);
      assert.equal(uses, undefined, 'the search did not run');
      assert.match(stderr, message);
    });
  }
});
