import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessKey, Account, CloudUser } from '../../../src/model/types';
import { applyInsertions, planAppend } from '../../../src/terraform/appendTerraform';
import { accountTerraform, keysTerraform } from '../../../src/terraform/generate';
import { terraformLayout } from '../../../src/terraform/terraformLayout';
import { parseHcl, terraformFmt } from './support';

const outscale: Account = {
  id: 'outscale:demo',
  cloud: 'outscale',
  label: 'demo',
  source: 'test',
  origin: { kind: 'config-file', path: '/home/me/.osc/config.json', profile: 'demo' },
};
const user: CloudUser = { id: 'ci', accountId: 'a', name: 'ci', isCaller: false };
const key: AccessKey = {
  id: 'AKIAEXAMPLE0001',
  userId: 'ci',
  accountId: 'a',
  kind: 'access-key',
  state: 'active',
  displayName: 'runner',
  createdAt: new Date(Date.UTC(2026, 0, 1)),
};
const generatedKey = keysTerraform(outscale, user, [key]);

const OCI_ONLY = [
  '# Our state bucket.',
  'terraform {',
  '  required_version = ">= 1.5"',
  '  required_providers {',
  '    oci = {',
  '      source = "oracle/oci"',
  '    }',
  '  }',
  '}',
  '',
  'resource "oci_objectstorage_bucket" "state" {',
  '  name        = "state"',
  '  description = "a } in a string, and ${var.x}"',
  '}',
  '',
  'resource "oci_identity_customer_secret_key" "ci" {',
  '  display_name = "ci" # the CI key }',
  '  user_id      = var.user',
  '}',
  '',
  'output "bucket" {',
  '  value = oci_objectstorage_bucket.state.name',
  '}',
  '',
].join('\n');

/** Each `terraform`/`required_providers` block of a parsed file, and the providers it requires. */
function requiredProviders(json: Record<string, unknown>): Record<string, unknown>[] {
  const terraform = (json.terraform ?? []) as { required_providers?: Record<string, unknown>[] }[];
  return terraform.flatMap((t) => t.required_providers ?? []);
}

function appended(text: string, generated = generatedKey): string {
  return applyInsertions(text, planAppend(text, generated).insertions);
}

describe('Append generated Terraform to a file', () => {
  it('adds only the missing provider inside the existing required_providers, and the resource after the last resource', async () => {
    const out = appended(OCI_ONLY);
    const json = await parseHcl(out);
    const required = requiredProviders(json);
    assert.equal(required.length, 1, `more than one required_providers:\n${out}`);
    assert.deepEqual(Object.keys(required[0]).sort(), ['oci', 'outscale']);
    assert.equal((json.terraform as unknown[]).length, 1, 'a second terraform block');
    // The resource comes right after the last resource, before the output.
    const resourceAt = out.indexOf('resource "outscale_access_key"');
    assert.ok(
      resourceAt > out.indexOf('resource "oci_identity_customer_secret_key" "ci"') && resourceAt < out.indexOf('output "bucket"'),
      out,
    );
    // Everything the file had is still there, in order.
    const entry = '    outscale = {\n      source = "outscale/outscale"\n    }\n';
    assert.equal(out.replace(entry, '').replace(`\n\n${generatedKey.body.trimEnd()}`, ''), OCI_ONLY);
    const formatted = terraformFmt(out);
    if (formatted !== undefined) assert.equal(out, formatted);
  });

  it('adds no provider when the file declares it, by local name or by source', async () => {
    for (const declared of [
      'outscale = { source = "outscale/outscale" }',
      'osc = { source = "registry.terraform.io/outscale/outscale" }',
      'outscale = "~> 0.12"',
    ]) {
      const text = `terraform {\n  required_providers {\n    ${declared}\n  }\n}\n`;
      const plan = planAppend(text, generatedKey);
      assert.deepEqual(plan.added, [], declared);
      assert.equal(plan.insertions.length, 1, declared);
      const out = applyInsertions(text, plan.insertions);
      assert.ok(out.startsWith(text), out);
      assert.equal(requiredProviders(await parseHcl(out)).length, 1);
    }
  });

  it('puts required_providers into a terraform block that has none, never a second terraform block', async () => {
    const text = 'terraform {\n  required_version = ">= 1.5"\n}\n\nresource "outscale_net" "n" {\n  ip_range = "10.0.0.0/16"\n}\n';
    const out = appended(text);
    const json = await parseHcl(out);
    assert.equal((json.terraform as unknown[]).length, 1, out);
    assert.deepEqual(Object.keys(requiredProviders(json)[0]), ['outscale']);
    const formatted = terraformFmt(out);
    if (formatted !== undefined) assert.equal(out, formatted);
  });

  it('starts a file without a terraform block with one, and an empty file too', async () => {
    for (const text of ['resource "outscale_net" "n" {\n  ip_range = "10.0.0.0/16"\n}\n', '']) {
      const out = appended(text);
      assert.ok(out.startsWith('terraform {\n  required_providers {\n    outscale = {'), out);
      const json = await parseHcl(out);
      assert.equal(requiredProviders(json).length, 1);
      assert.ok((json.resource as Record<string, unknown>).outscale_access_key, out);
      const formatted = terraformFmt(out);
      if (formatted !== undefined) assert.equal(out, formatted);
    }
  });

  it('writes CRLF into a CRLF file, and places after a closing brace followed by a comment', async () => {
    const text =
      'terraform {\r\n  required_providers {}\r\n}\r\n\r\nresource "outscale_net" "n" {\r\n  ip_range = "10.0.0.0/16"\r\n} # the net\r\n';
    const out = appended(text);
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF in a CRLF file');
    assert.ok(out.includes('} # the net\r\n\r\n# "runner"'), out);
    const json = await parseHcl(out.replace(/\r\n/g, '\n'));
    assert.deepEqual(Object.keys(requiredProviders(json)[0]), ['outscale']);
  });

  it('refuses a file whose terraform block is left open, naming the line, instead of adding a second one', () => {
    assert.throws(
      () => planAppend('# versions\nterraform {\n  required_providers {\n    oci = {\n', generatedKey),
      /The terraform block at line 2 is not closed: close it, then append again/,
    );
  });

  it('places a provider block after the last provider block, or after the terraform block', () => {
    const provider = accountTerraform(outscale);
    const text =
      'terraform {\n  required_providers {\n    outscale = {\n      source = "outscale/outscale"\n    }\n  }\n}\n\nresource "outscale_net" "n" {\n  ip_range = "10.0.0.0/16"\n}\n';
    const out = appended(text, provider);
    assert.ok(out.indexOf('provider "outscale"') < out.indexOf('resource "outscale_net"'), out);
    assert.ok(out.indexOf('provider "outscale"') > out.indexOf('required_providers'), out);
  });
});

describe('The outline of a Terraform file', () => {
  it('finds every top-level block and the entries of required_providers, ignoring braces in strings, comments and heredocs', () => {
    const text = `${OCI_ONLY}locals {\n  doc = <<-EOT\n    { not a block\n  EOT\n}\n# resource "x" "y" {\n`;
    const layout = terraformLayout(text);
    assert.deepEqual(
      layout.blocks.map((b) => [b.type, ...b.labels].join(' ')),
      ['terraform', 'resource oci_objectstorage_bucket state', 'resource oci_identity_customer_secret_key ci', 'output bucket', 'locals'],
    );
    assert.deepEqual(
      layout.requiredProviders?.entries.map((e) => e.localName),
      ['oci'],
    );
    assert.ok(layout.blocks.every((b) => b.closed && text[b.close] === '}'));
  });

  it('survives a file left half-typed', () => {
    const layout = terraformLayout('terraform {\n  required_providers {\n    oci = {\n');
    assert.equal(layout.blocks[0].closed, false);
    assert.equal(layout.requiredProviders, undefined);
  });
});
