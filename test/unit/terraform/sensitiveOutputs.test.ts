import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTerraform } from '../../../src/terraform/scanner';
import { findUnsafeOutputs, type TextFix } from '../../../src/terraform/sensitiveOutputs';
import { parseHcl } from './support';

function apply(text: string, fix: TextFix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}

function unsafe(text: string) {
  return findUnsafeOutputs(text, scanTerraform(text));
}

describe('outputs that would print a secret', () => {
  it('flags the secret attribute of each key resource in an output that is not sensitive', () => {
    const text = [
      'output "oci" {\n  value = oci_identity_customer_secret_key.ci.key\n}',
      'output "osc" {\n  value = "${outscale_access_key.a.secret_key}:x"\n}',
      'output "ionos" {\n  value = ionoscloud_s3_key.b[0].secret_key\n}',
      'output "whole" {\n  value = outscale_access_key.a\n}',
      'output "splat" {\n  value = ionoscloud_s3_key.many[*].secret_key\n}',
      'output "contract" {\n  value = ionoscloud_object_storage_accesskey.sync.secretkey\n}',
    ].join('\n');
    const found = unsafe(text);
    assert.deepEqual(
      found.map((u) => [u.output, u.resource, u.secretAttribute, u.wholeResource, text.slice(u.start, u.end)]),
      [
        ['oci', 'oci_identity_customer_secret_key.ci', 'key', false, 'oci_identity_customer_secret_key.ci.key'],
        ['osc', 'outscale_access_key.a', 'secret_key', false, 'outscale_access_key.a.secret_key'],
        ['ionos', 'ionoscloud_s3_key.b', 'secret_key', false, 'ionoscloud_s3_key.b[0].secret_key'],
        ['whole', 'outscale_access_key.a', 'secret_key', true, 'outscale_access_key.a'],
        ['splat', 'ionoscloud_s3_key.many', 'secret_key', false, 'ionoscloud_s3_key.many[*].secret_key'],
        ['contract', 'ionoscloud_object_storage_accesskey.sync', 'secretkey', false, 'ionoscloud_object_storage_accesskey.sync.secretkey'],
      ],
    );
  });

  it('leaves alone sensitive outputs, other attributes, API keys (no secret) and secrets not in outputs', () => {
    const text = [
      'output "ok" {\n  value     = oci_identity_customer_secret_key.ci.key\n  sensitive = true\n}',
      'output "id" {\n  value = outscale_access_key.a.access_key_id\n}',
      'output "fp" {\n  value = oci_identity_api_key.k.fingerprint\n}',
      'output "api_whole" {\n  value = oci_identity_api_key.k\n}',
      'locals {\n  s = ionoscloud_s3_key.b.secret_key\n}',
      'output "keyname" {\n  value = oci_identity_customer_secret_key.ci.key_id\n}',
    ].join('\n');
    assert.deepEqual(unsafe(text), []);
  });

  it('fixes by adding `sensitive = true` after the value, keeping the indentation and line endings', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        'resource "outscale_access_key" "a" {}',
        '',
        'output "osc" {',
        '    value = outscale_access_key.a.secret_key',
        '}',
        '',
      ].join(eol);
      const [u] = unsafe(text);
      const fixed = apply(text, u.fix);
      assert.equal(
        fixed,
        [
          'resource "outscale_access_key" "a" {}',
          '',
          'output "osc" {',
          '    value = outscale_access_key.a.secret_key',
          '    sensitive = true',
          '}',
          '',
        ].join(eol),
      );
      assert.deepEqual(unsafe(fixed), [], 'the fix does not silence the warning');
      const json = await parseHcl(fixed);
      assert.equal((json.output as Record<string, { sensitive: boolean }[]>).osc[0].sensitive, true);
    }
  });

  it('fixes `sensitive = false` by turning it true', () => {
    const text = 'output "o" {\n  value     = ionoscloud_s3_key.b.secret_key\n  sensitive = false\n}\n';
    const [u] = unsafe(text);
    assert.equal(apply(text, u.fix), 'output "o" {\n  value     = ionoscloud_s3_key.b.secret_key\n  sensitive = true\n}\n');
  });

  it('fixes an output whose value spans several lines after its last line', () => {
    const text = 'output "o" {\n  value = {\n    secret = outscale_access_key.a.secret_key\n  }\n}\n';
    const [u] = unsafe(text);
    assert.equal(
      apply(text, u.fix),
      'output "o" {\n  value = {\n    secret = outscale_access_key.a.secret_key\n  }\n  sensitive = true\n}\n',
    );
  });
});
