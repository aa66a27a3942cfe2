import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTerraform, type ScannedBlock } from '../../../src/terraform/scanner';

/** What a test cares about in a block: its kind and labels, whether it closed, and its literal attributes. */
function summary(blocks: readonly ScannedBlock[]): string[] {
  return blocks.map((b) => {
    const attrs = b.attributes.map((a) => `${a.name}=${a.literal === undefined ? `<${a.expression}>` : JSON.stringify(a.literal)}`);
    return `${b.kind}(${b.labels.join(',')})${b.closed ? '' : ' OPEN'} ${attrs.join(' ')}${b.nestedBlocks.length ? ` [${b.nestedBlocks.join(',')}]` : ''}`.trim();
  });
}

const CORPUS: { name: string; text: string; expected: string[] }[] = [
  {
    name: 'the four key resources, and nothing else',
    text: `
resource "oci_identity_customer_secret_key" "a" {
  display_name = "ci"
  user_id      = "ocid1.user.oc1..x"
}
resource "oci_identity_api_key" "b" {
  key_value = file("k.pem")
  user_id   = var.user
}
resource "outscale_access_key" "c" {
  state = "ACTIVE"
}
resource "ionoscloud_s3_key" "d" {
  user_id = "u-1"
  active  = false
}
resource "aws_iam_access_key" "e" {
  user = "x"
}
data "oci_identity_customer_secret_key" "f" {}
variable "user" {}
`,
    expected: [
      'resource(oci_identity_customer_secret_key,a) display_name="ci" user_id="ocid1.user.oc1..x"',
      'resource(oci_identity_api_key,b) key_value=<file("k.pem")> user_id=<var.user>',
      'resource(outscale_access_key,c) state="ACTIVE"',
      'resource(ionoscloud_s3_key,d) user_id="u-1" active=false',
    ],
  },
  {
    name: 'comments of every kind, including ones that look like blocks',
    text: `# resource "outscale_access_key" "hash" {
// resource "outscale_access_key" "slashes" {
/* resource "outscale_access_key" "block" {
}
*/
resource "outscale_access_key" "real" { # a comment with a } brace
  tag = "t" // another }
  /* inline { */ state = "INACTIVE"
}
`,
    expected: ['resource(outscale_access_key,real) tag="t" state="INACTIVE"'],
  },
  {
    name: 'heredocs holding braces, quotes and block-like text',
    text: `resource "oci_identity_api_key" "k" {
  key_value = <<-EOT
    -----BEGIN PUBLIC KEY-----
    } " resource "outscale_access_key" "fake" {
    -----END PUBLIC KEY-----
  EOT
  user_id = "ocid1.user.oc1..y"
}
resource "ionoscloud_s3_key" "after" {
  user_id = <<MARK
not-indented
MARK
}
`,
    expected: [
      'resource(oci_identity_api_key,k) key_value="    -----BEGIN PUBLIC KEY-----\\n    } \\" resource \\"outscale_access_key\\" \\"fake\\" {\\n    -----END PUBLIC KEY-----\\n" user_id="ocid1.user.oc1..y"',
      'resource(ionoscloud_s3_key,after) user_id="not-indented\\n"',
    ],
  },
  {
    name: 'strings with braces, escapes and template sequences',
    text: `resource "oci_identity_customer_secret_key" "s" {
  display_name = "a } { \\" b"
  user_id      = "\${var.prefix}-\${lookup(var.m, "}")}"
  escaped      = "$\${not} %%{a} \\u00e9"
}
`,
    expected: ['resource(oci_identity_customer_secret_key,s) display_name="a } { \\" b" user_id=<"${var.prefix}-${lookup(var.m, "}")}"> escaped="${not} %{a} é"'],
  },
  {
    name: 'nested blocks, objects and lists spanning lines',
    text: `resource "outscale_access_key" "n" {
  tag = "n"
  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [
      time_rotating.r,
    ]
  }
  dynamic "x" {
    for_each = {
      a = "}"
    }
  }
  expiration_date = formatdate(
    "YYYY-MM-DD",
    timeadd(timestamp(), "720h"),
  )
}
`,
    expected: ['resource(outscale_access_key,n) tag="n" expiration_date=<formatdate(\n    "YYYY-MM-DD",\n    timeadd(timestamp(), "720h"),\n  )> [lifecycle,dynamic]'],
  },
  {
    name: 'import and output blocks; imports of other resources are left out',
    text: `import {
  to = outscale_access_key.n
  id = "AKIA1"
}
import {
  to = aws_s3_bucket.b
  id = "b"
}
output "secret" {
  value = outscale_access_key.n.secret_key
}
output "id" {
  value     = outscale_access_key.n.id
  sensitive = false
}
`,
    expected: ['import() to=<outscale_access_key.n> id="AKIA1"', 'output(secret) value=<outscale_access_key.n.secret_key>', 'output(id) value=<outscale_access_key.n.id> sensitive=false'],
  },
  {
    name: 'an unfinished block ends where the next top-level block starts',
    text: `resource "oci_identity_customer_secret_key" "half" {
  display_name = "half"
  user_id      = "ocid1.user.oc1..h

resource "ionoscloud_s3_key" "whole" {
  user_id = "u"
}
`,
    expected: ['resource(oci_identity_customer_secret_key,half) OPEN display_name="half" user_id=<"ocid1.user.oc1..h>', 'resource(ionoscloud_s3_key,whole) user_id="u"'],
  },
  {
    name: 'an unfinished block, a dangling attribute and an unclosed list at the end of the text',
    text: `resource "outscale_access_key" "typing" {
  tag =
  state = [
`,
    expected: ['resource(outscale_access_key,typing) OPEN tag=<> state=<[>'],
  },
  {
    name: 'CRLF line endings',
    text: 'resource "ionoscloud_s3_key" "w" {\r\n  user_id = "u"\r\n  active  = true\r\n}\r\noutput "o" {\r\n  value = ionoscloud_s3_key.w.secret_key\r\n}\r\n',
    expected: ['resource(ionoscloud_s3_key,w) user_id="u" active=true', 'output(o) value=<ionoscloud_s3_key.w.secret_key>'],
  },
  {
    name: 'labels written as identifiers, one-line blocks and stray closing braces',
    text: `}
resource outscale_access_key one_line { tag = "x" }
}
resource "ionoscloud_s3_key" "z" { user_id = "u" }
`,
    expected: ['resource(outscale_access_key,one_line) tag="x"', 'resource(ionoscloud_s3_key,z) user_id="u"'],
  },
];

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
  'resource', ' "outscale_access_key"', ' "oci_identity_api_key"', ' "x"', ' {', '}', '\n', '\r\n', ' = ', '"', '\\', '${', '%{', '$${', '<<EOT\n', '<<-EOT\n', 'EOT\n',
  '#', '//', '/*', '*/', '[', ']', '(', ')', 'import', 'output', 'to', 'id', 'value', 'sensitive', 'true', '1.5e3', ' ', '\t', 'é', '\u0000', '==', '=>', 'user_id',
];

function check(text: string): void {
  const blocks = scanTerraform(text);
  for (const b of blocks) {
    assert.ok(b.start >= 0 && b.start < b.bodyStart && b.bodyStart <= b.end && b.end <= text.length, `bad offsets in ${JSON.stringify(text)}`);
    for (const a of b.attributes) assert.ok(a.start >= b.start && a.valueStart <= a.valueEnd && a.valueEnd <= b.end, `attribute outside its block in ${JSON.stringify(text)}`);
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
