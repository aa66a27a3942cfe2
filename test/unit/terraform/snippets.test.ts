import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KEY_RESOURCE_TYPES, KEY_RESOURCES } from '../../../src/terraform/resourceTypes';
import { scanTerraform } from '../../../src/terraform/scanner';
import { findUnsafeOutputs } from '../../../src/terraform/sensitiveOutputs';
import { parseSnippets } from '../../../src/terraform/snippets';
import { checkKeyResources, parseHcl } from './support';

const root = path.resolve(__dirname, '..', '..', '..');
const snippets = parseSnippets(JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'terraform.json'), 'utf8')));

/**
 * The text a snippet inserts when every tab stop keeps its default: `${1:x}` → x, `${1|a,b|}` → a,
 * `$1` / `$0` → nothing, `\$` → `$`. Nested placeholders are expanded from the inside out.
 */
function expand(body: string): string {
  let text = body;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/(?<!\\)\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/(?<!\\)\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/(?<!\\)\$\d+/g, '');
  }
  return text.replace(/\\\$/g, '$').replace(/\\\}/g, '}');
}

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
      const text = expand(snippet.body);
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
          assert.ok(outputs.some(([o]) => o.value.includes(`.${secret}`) && o.sensitive === true), `no sensitive output of ${secret}`);
        }
      }
      assert.deepEqual(findUnsafeOutputs(text, scanTerraform(text)), []);
    });
  }

  it('rejects a file that is not a snippets file, saying so', () => {
    assert.throws(() => parseSnippets({ x: { body: [] } }), /snippets\/terraform\.json is not a VS Code snippets file/);
  });
});
