import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KEY_RESOURCE_TYPES, KEY_RESOURCES } from '../../../src/terraform/resourceTypes';
import { scanTerraform } from '../../../src/terraform/scanner';
import { findUnsafeOutputs } from '../../../src/terraform/sensitiveOutputs';
import { parseSnippets, snippetPreview } from '../../../src/terraform/snippets';
import { checkKeyResources, parseHcl } from './support';

const root = path.resolve(__dirname, '..', '..', '..');
const snippets = parseSnippets(JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'terraform.json'), 'utf8')));

describe('Terraform snippets', () => {
  it('has a snippet and an import variant for each key resource', () => {
    const prefixes = snippets.flatMap((s) => s.prefixes);
    for (const type of KEY_RESOURCE_TYPES) {
      assert.ok(prefixes.includes(type), `no snippet for ${type}`);
      assert.ok(prefixes.includes(`${type}_import`), `no import snippet for ${type}`);
    }
  });

  for (const snippet of snippets) {
    it(`"${snippet.name}" parses with its defaults and follows the schema`, async () => {
      const text = snippetPreview(snippet.body);
      const json = await parseHcl(text, `${snippet.prefixes[0]}.tf`);
      assert.equal(checkKeyResources(json), 1, text);
      const [type] = Object.keys(json.resource as object);
      const body = Object.values((json.resource as Record<string, Record<string, Record<string, unknown>[]>>)[type])[0][0];
      if (snippet.prefixes[0].endsWith('_import')) {
        assert.equal((json.import as unknown[]).length, 1, 'the import variant has no import block');
      } else {
        const info = KEY_RESOURCES[type as keyof typeof KEY_RESOURCES];
        // The user is a reference to a user resource, not a literal id (a contract-owned key has none).
        if (info.userArgument) {
          const user = String(body.user_id ?? body.user_name);
          assert.match(user, /^\$\{(oci_identity_user|outscale_user|ionoscloud_user)\.[a-z_]+\.(id|user_name)\}$/, user);
        } else {
          assert.equal(body.user_id ?? body.user_name, undefined, 'a contract-owned key names no user');
        }
        const secret = info.secretAttribute;
        if (secret) {
          const outputs = Object.values(json.output as Record<string, { value: string; sensitive: boolean }[]>);
          assert.ok(
            outputs.some(([o]) => o.value.includes(`.${secret}`) && o.sensitive === true),
            `no sensitive output of ${secret}`,
          );
        }
      }
      assert.deepEqual(findUnsafeOutputs(text, scanTerraform(text)), []);
    });
  }

  it('each has a description, and a preview without tab stops: the placeholders read as their default text', () => {
    for (const snippet of snippets) {
      assert.ok(snippet.description.length > 20, `"${snippet.name}" has no description`);
      const preview = snippetPreview(snippet.body);
      assert.doesNotMatch(preview, /\$\{\d+[:|]|\$\d/, `"${snippet.name}" preview shows a tab stop:\n${preview}`);
    }
    const oci = snippets.find((s) => s.prefixes.includes('oci_identity_api_key'))!;
    assert.match(
      snippetPreview(oci.body),
      /key_value = file\("\$\{path\.module\}\/public-key\.pem"\)\n {2}user_id {3}= oci_identity_user\.user\.id/,
    );
    const osc = snippets.find((s) => s.prefixes.includes('outscale_access_key'))!;
    assert.match(snippetPreview(osc.body), /state {11}= "ACTIVE"/, 'a choice reads as its first option');
  });

  it('rejects a file that is not a snippets file, saying so', () => {
    assert.throws(() => parseSnippets({ x: { body: [] } }), /snippets\/terraform\.json is not a VS Code snippets file/);
    assert.throws(
      () => parseSnippets({ x: { prefix: 'x', body: [] } }),
      /snippets\/terraform\.json is not a VS Code snippets file/,
      'a snippet without a description',
    );
  });
});
