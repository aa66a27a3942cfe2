/** The OASIS SARIF 2.1.0 schema (test/contracts/), compiled by ajv for the CLI's tests. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'contracts', 'sarif-schema-2.1.0.json');

/**
 * A validator of SARIF logs. The schema is draft-04: ajv 8 reads it once its `id` is `$id` and its
 * `$schema` is dropped (see test/contracts/README.md); union types need non-strict mode.
 */
export function sarifValidator(): (log: unknown) => string[] {
  const { $schema: _draft, id, ...schema } = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile({ ...schema, $id: String(id) });
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
