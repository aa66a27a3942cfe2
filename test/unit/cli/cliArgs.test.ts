/**
 * How `cloud-keys` reads its command line (commander): the values a command receives, and for every
 * kind of mistake, exit code 2 and a message naming the flag or value and how to fix it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditCommand } from '../../../src/cli/audit/auditCommand';
import type { AuditOptions } from '../../../src/cli/audit/auditOptions';
import { runCli } from '../../../src/cli/program';
import { recordingIo } from './recordingIo';

/** Runs the command line with an audit that only records its options and exits 0. */
async function parse(...argv: string[]) {
  const io = recordingIo();
  const received: AuditOptions[] = [];
  const code = await runCli(argv, io, {
    version: '1.2.3',
    commands: [auditCommand(async (options) => (received.push(options), 0))],
  });
  return { code, options: received[0], stdout: io.stdout(), stderr: io.stderr() };
}

describe('cloud-keys command line', () => {
  it('gives audit the default policy (90 days, 14 days), every cloud and account, and no format', async () => {
    const { code, options } = await parse('audit');
    assert.equal(code, 0);
    assert.deepEqual(options, { maxAgeDays: 90, expiryWarningDays: 14, clouds: [], accounts: [], verbose: false });
  });

  it('reads every audit flag, clouds by comma or repeated, accounts repeated, --verbose before or after the command', async () => {
    const { options } = await parse(
      '--verbose',
      'audit',
      '--max-age-days',
      '60',
      '--expiry-warning-days=0',
      '--cloud',
      'oci,IONOS',
      '--cloud',
      'outscale',
      '--account',
      'prod',
      '--account',
      'ionos:environment',
      '--format',
      'sarif',
    );
    assert.deepEqual(options, {
      maxAgeDays: 60,
      expiryWarningDays: 0,
      clouds: ['oci', 'ionos', 'outscale'],
      accounts: ['prod', 'ionos:environment'],
      format: 'sarif',
      verbose: true,
    });
    assert.equal((await parse('audit', '--verbose')).options.verbose, true);
  });

  it('prints the version and exits 0', async () => {
    const { code, stdout } = await parse('--version');
    assert.equal(code, 0);
    assert.equal(stdout, '1.2.3\n');
  });

  it('prints help for the program and for audit, with the flags, the exit codes and the environment', async () => {
    const top = await parse('--help');
    assert.equal(top.code, 0);
    assert.match(top.stdout, /Usage: cloud-keys \[options\] \[command\]/);
    assert.match(top.stdout, /audit \[options\]/);
    const audit = await parse('audit', '--help');
    assert.equal(audit.code, 0);
    for (const flag of ['--max-age-days', '--expiry-warning-days', '--cloud', '--account', '--format'])
      assert.match(audit.stdout, new RegExp(flag));
    assert.match(audit.stdout, /Exit codes:\n {2}0 {2}every key meets the policy/);
    assert.match(audit.stdout, /CLOUD_KEYS_OCI_ENDPOINT/);
    assert.match(audit.stdout, /choices: "table", "json",\s+"csv", "markdown", "sarif"/);
  });

  const mistakes: [string[], RegExp][] = [
    [['audit', '--frmat', 'json'], /unknown option '--frmat'[\s\S]*Did you mean --format\?/],
    [
      ['audit', '--max-age-days', 'ninety'],
      /'--max-age-days <days>' argument 'ninety' is invalid\. --max-age-days takes a whole number of days, 1 or more/,
    ],
    [
      ['audit', '--max-age-days', '0'],
      /argument '0' is invalid\. --max-age-days takes a whole number of days, 1 or more \(for example --max-age-days 90\)/,
    ],
    [['audit', '--max-age-days', '1.5'], /argument '1\.5' is invalid/],
    [['audit', '--expiry-warning-days', '-1'], /argument '-1' is invalid\. --expiry-warning-days takes a whole number of days, 0 or more/],
    [['audit', '--cloud', 'aws'], /"aws" is not a cloud: choose from oci, outscale, ionos/],
    [['audit', '--format', 'xml'], /argument 'xml' is invalid\. Allowed choices are table, json, csv, markdown, sarif\./],
    [['audit', '--format'], /option '--format <format>' argument missing/],
    [['audit', 'extra'], /too many arguments for 'audit'\. Expected 0 arguments but got 1\./],
    [['adit'], /unknown command 'adit'[\s\S]*Did you mean audit\?/],
  ];
  for (const [argv, message] of mistakes) {
    it(`refuses "${argv.join(' ')}" with exit 2 and says what is wrong`, async () => {
      const { code, stderr, options } = await parse(...argv);
      assert.equal(code, 2);
      assert.equal(options, undefined, 'the command did not run');
      assert.match(stderr, message);
    });
  }

  it('without a command, prints the help on stderr and exits 2', async () => {
    const { code, stderr } = await parse();
    assert.equal(code, 2);
    assert.match(stderr, /Commands:\n\s+audit/);
  });
});

describe('cloud-keys audit configuration from the environment', () => {
  async function audit(env: Record<string, string>) {
    const io = recordingIo({ env });
    const code = await runCli(['audit'], io, { version: '1.2.3', loadModule: () => assert.fail('no cloud is read after a usage error') });
    return { code, stderr: io.stderr(), stdout: io.stdout() };
  }

  it('a bad CLOUD_KEYS_HTTP_TIMEOUT_SECONDS exits 2 naming the variable and the range', async () => {
    const { code, stderr, stdout } = await audit({ CLOUD_KEYS_HTTP_TIMEOUT_SECONDS: 'soon' });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^cloud-keys: CLOUD_KEYS_HTTP_TIMEOUT_SECONDS is "soon": give a whole number of seconds from 5 to 600\.\n$/);
  });

  it('a CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS other than true or false exits 2', async () => {
    const { code, stderr } = await audit({ CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS: 'yes' });
    assert.equal(code, 2);
    assert.match(stderr, /CLOUD_KEYS_HTTP_ALLOW_UNVERIFIED_TLS is "yes": set it to true or false\./);
  });
});
