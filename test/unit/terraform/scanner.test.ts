import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTerraform, type ScannedBlock } from '../../../src/terraform/scanner';
import { CORPUS } from './scannerCorpus';

/** What a test cares about in a block: its kind and labels, whether it closed, and its literal attributes. */
function summary(blocks: readonly ScannedBlock[]): string[] {
  return blocks.map((b) => {
    const attrs = b.attributes.map((a) => `${a.name}=${a.literal === undefined ? `<${a.expression}>` : JSON.stringify(a.literal)}`);
    return `${b.kind}(${b.labels.join(',')})${b.closed ? '' : ' OPEN'} ${attrs.join(' ')}${b.nestedBlocks.length ? ` [${b.nestedBlocks.join(',')}]` : ''}`.trim();
  });
}

describe('scanTerraform', () => {
  for (const c of CORPUS) {
    it(`finds exactly the right blocks: ${c.name}`, () => {
      assert.deepEqual(summary(scanTerraform(c.text)), c.expected);
    });
  }

  it('gives offsets that point into the text', () => {
    const text = CORPUS[0].text;
    for (const block of scanTerraform(text)) {
      assert.equal(text.slice(block.start, block.start + 8), 'resource');
      assert.equal(text[block.bodyStart - 1], '{');
      assert.equal(text[block.end - 1], '}');
      for (const a of block.attributes) {
        assert.equal(text.slice(a.start, a.start + a.name.length), a.name);
        assert.equal(text.slice(a.valueStart, a.valueEnd), a.expression);
      }
    }
  });
});

/** A small deterministic generator (xorshift32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const PIECES = [
  'resource',
  ' "outscale_access_key"',
  ' "oci_identity_api_key"',
  ' "x"',
  ' {',
  '}',
  '\n',
  '\r\n',
  ' = ',
  '"',
  '\\',
  '${',
  '%{',
  '$${',
  '<<EOT\n',
  '<<-EOT\n',
  'EOT\n',
  '#',
  '//',
  '/*',
  '*/',
  '[',
  ']',
  '(',
  ')',
  'import',
  'output',
  'to',
  'id',
  'value',
  'sensitive',
  'true',
  '1.5e3',
  ' ',
  '\t',
  'é',
  '\u0000',
  '==',
  '=>',
  'user_id',
];

function check(text: string): void {
  const blocks = scanTerraform(text);
  for (const b of blocks) {
    assert.ok(
      b.start >= 0 && b.start < b.bodyStart && b.bodyStart <= b.end && b.end <= text.length,
      `bad offsets in ${JSON.stringify(text)}`,
    );
    for (const a of b.attributes)
      assert.ok(
        a.start >= b.start && a.valueStart <= a.valueEnd && a.valueEnd <= b.end,
        `attribute outside its block in ${JSON.stringify(text)}`,
      );
  }
}

describe('scanTerraform on arbitrary input (property)', () => {
  it('never throws and keeps offsets inside the text, on 3,000 random texts', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const next = random(seed);
      const length = Math.floor(next() * 60);
      let text = '';
      for (let i = 0; i < length; i += 1) {
        text += next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x2ff));
      }
      assert.doesNotThrow(() => check(text), `seed ${seed}`);
    }
  });

  it('on every prefix of a real file, finds each block that closed before the cut, unchanged', () => {
    const text = CORPUS.map((c) => c.text).join('\n');
    const whole = scanTerraform(text);
    for (let cut = 0; cut <= text.length; cut += 1) {
      const prefix = text.slice(0, cut);
      check(prefix);
      const found = scanTerraform(prefix);
      for (const block of whole.filter((b) => b.closed && b.end <= cut)) {
        const same = found.find((f) => f.start === block.start);
        assert.ok(same, `the block at ${block.start} is lost when the text is cut at ${cut}`);
        assert.deepEqual(same.labels, block.labels);
      }
    }
  });
});
