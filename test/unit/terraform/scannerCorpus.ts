/**
 * The tricky-file corpus of the Terraform scanner: each text with the blocks the scanner must find
 * (summarised as `scanner.test.ts` prints them). Shared with the scanner benchmark, which checks
 * HashiCorp's parser finds the same key blocks in every text it accepts.
 */
export const CORPUS: { name: string; text: string; expected: string[] }[] = [
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
    expected: [
      'resource(oci_identity_customer_secret_key,s) display_name="a } { \\" b" user_id=<"${var.prefix}-${lookup(var.m, "}")}"> escaped="${not} %{a} é"',
    ],
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
    expected: [
      'resource(outscale_access_key,n) tag="n" expiration_date=<formatdate(\n    "YYYY-MM-DD",\n    timeadd(timestamp(), "720h"),\n  )> [lifecycle,dynamic]',
    ],
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
    expected: [
      'import() to=<outscale_access_key.n> id="AKIA1"',
      'output(secret) value=<outscale_access_key.n.secret_key>',
      'output(id) value=<outscale_access_key.n.id> sensitive=false',
    ],
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
    expected: [
      'resource(oci_identity_customer_secret_key,half) OPEN display_name="half" user_id=<"ocid1.user.oc1..h>',
      'resource(ionoscloud_s3_key,whole) user_id="u"',
    ],
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
