/** Shared helpers of the Terraform tests: HashiCorp's HCL parser (WebAssembly) and the resource schemas. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** The schemas of the four key resources, copied from the design folder (`terraform-schemas.json`). */
export const SCHEMAS = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'terraform-schemas.json'), 'utf8')) as {
  providers: Record<string, { source: string; arguments: string[]; blocks?: Record<string, string[]> }>;
  resources: Record<string, { provider: string; arguments: Record<string, { required: boolean; one_of?: string[] }>; import_id: string }>;
};

/** Meta-arguments and blocks every Terraform resource may have. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

type HclJson = Record<string, unknown>;

/** Parses HCL with HashiCorp's parser; fails the test with the parser's message when it does not parse. */
export async function parseHcl(text: string, file = 'generated.tf'): Promise<HclJson> {
  try {
    return (await parse(file, text)) as HclJson;
  } catch (error) {
    assert.fail(`HCL does not parse: ${String(error)}\n---\n${text}`);
  }
}

/**
 * Checks every key resource of parsed HCL against the schemas: only allowed arguments, every
 * required one present, enumerated values within their set. Returns how many resources it checked.
 */
export function checkKeyResources(json: object): number {
  let checked = 0;
  const resources = ((json as HclJson).resource ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>;
  for (const [type, byName] of Object.entries(resources)) {
    const schema = SCHEMAS.resources[type];
    if (!schema) continue;
    for (const [name, bodies] of Object.entries(byName)) {
      for (const body of bodies) {
        for (const argument of Object.keys(body)) {
          assert.ok(
            argument in schema.arguments || META.has(argument),
            `${type}.${name} uses "${argument}", which the schema does not allow`,
          );
        }
        for (const [argument, spec] of Object.entries(schema.arguments)) {
          if (spec.required) assert.ok(argument in body, `${type}.${name} lacks the required "${argument}"`);
          if (spec.one_of && argument in body)
            assert.ok(
              spec.one_of.includes(String(body[argument])),
              `${type}.${name}.${argument} = ${String(body[argument])} is not one of ${spec.one_of.join(', ')}`,
            );
        }
        checked += 1;
      }
    }
  }
  return checked;
}

/** Checks provider blocks against the schemas' provider arguments. */
export function checkProviders(json: object): number {
  let checked = 0;
  const providers = ((json as HclJson).provider ?? {}) as Record<string, Record<string, unknown>[]>;
  for (const [name, bodies] of Object.entries(providers)) {
    const schema = SCHEMAS.providers[name];
    assert.ok(schema, `unknown provider ${name}`);
    for (const body of bodies) {
      for (const argument of Object.keys(body)) {
        assert.ok(
          schema.arguments.includes(argument) || argument in (schema.blocks ?? {}) || argument === 'alias',
          `provider ${name} has no argument "${argument}"`,
        );
      }
      checked += 1;
    }
  }
  return checked;
}

/** `terraform fmt` of the text, when a terraform binary is on PATH; undefined otherwise. */
export function terraformFmt(text: string): string | undefined {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return execFileSync('terraform', ['fmt', '-no-color', '-'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
}
