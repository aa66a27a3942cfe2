/**
 * scripts/extract-contract.mjs on a small OpenAPI file: it keeps the operations we call with the
 * components they use, drops text, turns OpenAPI 3.0 `nullable` into JSON Schema, and refuses a spec
 * of another version unless told which commit it comes from.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const script = path.resolve(__dirname, '..', '..', '..', 'scripts', 'extract-contract.mjs');
const ACTIONS = ['ReadAccessKeys', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'ReadUsers'];

function spec(version: string): string {
  const paths = ACTIONS.map(
    (action) => `  /${action}:
    post:
      operationId: ${action}
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/${action}Request' }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }`,
  ).join('\n');
  const requests = ACTIONS.map(
    (action) =>
      `    ${action}Request: { type: object, additionalProperties: false, properties: { DryRun: { type: boolean, description: drop me } } }`,
  ).join('\n');
  return `openapi: 3.0.0
info: { title: 3DS OUTSCALE API, version: '${version}' }
paths:
  /Unused:
    post:
      operationId: Unused
      responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Unused' } } } } }
${paths}
components:
  schemas:
${requests}
    Thing:
      type: object
      description: a thing
      properties:
        Name: { type: string, nullable: true, example: x }
        Kind: { allOf: [{ $ref: '#/components/schemas/Kind' }], type: object }
    Kind: { type: string, enum: [a, b] }
    Unused: { type: object }
    ErrorResponse: { type: object, properties: { Errors: { type: array, items: { type: object } } } }
`;
}

function extract(version: string, ...extra: string[]): { status: number | null; stderr: string; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-extract-'));
  const file = path.join(dir, 'outscale.yaml');
  fs.writeFileSync(file, spec(version));
  const out = path.join(dir, 'out.json');
  const run = spawnSync(process.execPath, [script, file, '--out', out, ...extra], { encoding: 'utf8' });
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, out: text };
}

describe('scripts/extract-contract.mjs', () => {
  it('extracts the operations we call with the components they use, as plain JSON Schema', () => {
    const { status, out, stderr } = extract('1.40.1');
    assert.equal(status, 0, stderr);
    const contract = JSON.parse(out) as {
      source: Record<string, string>;
      operations: Record<string, unknown>;
      components: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(contract.operations).sort(), [...ACTIONS].sort());
    assert.equal(contract.source.commit, '56e948e208ae511b1330728656e6e31aa2f43e59');
    assert.equal(contract.source.licence, 'BSD-3-Clause');
    assert.match(contract.source.sha256, /^[0-9a-f]{64}$/);
    assert.ok(!('Unused' in contract.components), 'components no operation of ours uses are left out');
    assert.deepEqual(contract.components.Thing, {
      type: 'object',
      properties: { Name: { type: ['string', 'null'] }, Kind: { allOf: [{ $ref: '#/components/Kind' }] } },
    });
    assert.ok(!out.includes('drop me') && !out.includes('a thing'), 'descriptions are dropped');
    assert.deepEqual((contract.operations.ReadUsers as { responses: Record<string, unknown> }).responses.default, {
      schema: { $ref: '#/components/ErrorResponse' },
    });
  });

  it('refuses a spec of another version unless the commit it comes from is given', () => {
    const refused = extract('1.41.0');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /API 1\.41\.0, not 1\.40\.1: pass --commit/);
    const told = extract('1.41.0', '--commit', 'abc123');
    assert.equal(told.status, 0, told.stderr);
    assert.equal((JSON.parse(told.out) as { source: { commit: string; version: string } }).source.commit, 'abc123');
  });
});
