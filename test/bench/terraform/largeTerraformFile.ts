/**
 * A large, deterministic Terraform file for the scanner benchmark: key resources of every type
 * among other resources, data sources, variables, imports and outputs, with the things a naive
 * scanner gets wrong: comments and heredocs that hold block-like text, strings with braces and
 * template sequences, nested blocks, and decoys (data sources and other clouds' key resources).
 */
import { KEY_RESOURCE_TYPES } from '../../../src/terraform/resourceTypes';

export interface LargeFile {
  readonly text: string;
  readonly lines: number;
  readonly keyResources: number;
}

const KEY_BODIES: Record<(typeof KEY_RESOURCE_TYPES)[number], (i: number) => string[]> = {
  oci_identity_customer_secret_key: (i) => [`  display_name = "ci-${i} {rotated}"`, `  user_id      = var.oci_users["u${i % 40}"]`],
  oci_identity_api_key: (i) => [
    '  key_value = <<-EOT',
    '    -----BEGIN PUBLIC KEY-----',
    `    } resource "outscale_access_key" "in_heredoc_${i}" {`,
    '    -----END PUBLIC KEY-----',
    '  EOT',
    `  user_id   = "ocid1.user.oc1..u${i}"`,
  ],
  outscale_access_key: (i) => [
    `  user_name       = "user-${i}"`,
    '  state           = "ACTIVE"',
    '  expiration_date = formatdate("YYYY-MM-DD", timeadd(timestamp(), "720h"))',
    '  lifecycle {',
    '    ignore_changes = [expiration_date] # } not a brace that counts',
    '  }',
  ],
  ionoscloud_s3_key: (i) => [`  user_id = "\${local.ionos_user}-${i}"`, `  active  = ${i % 2 === 0}`],
  ionoscloud_object_storage_accesskey: (i) => [`  description = "bucket-sync-${i} {contract}"`],
};

/** About 23 lines of other Terraform: an instance with nested blocks, a heredoc and decoys. */
function otherResources(i: number): string[] {
  return [
    `# resource "outscale_access_key" "commented_${i}" {`,
    `resource "aws_instance" "web_${i}" {`,
    '  ami           = "ami-0123456789"',
    '  instance_type = "t3.micro"',
    `  tags = { Name = "web-${i} }{", Role = "\${var.role}" }`,
    '  user_data = <<EOT',
    '#!/bin/sh',
    `echo 'resource "ionoscloud_s3_key" "in_user_data_${i}" {'`,
    'EOT',
    '  ebs_block_device {',
    '    device_name = "/dev/sdb"',
    '    volume_size = 20',
    '  }',
    '  /* resource "oci_identity_api_key" "block_comment" { */',
    '}',
    `data "oci_identity_api_key" "lookup_${i}" {`,
    `  user_id = "ocid1.user.oc1..d${i}"`,
    '}',
    `resource "aws_iam_access_key" "other_cloud_${i}" {`,
    `  user = "u-${i}" // resource "outscale_access_key" "slashes" {`,
    '}',
    `variable "v_${i}" {`,
    '  default = "{"',
    '}',
  ];
}

/** A file of about `targetLines` lines holding `keyResources` key resources, with an import and an output for every tenth. */
export function largeTerraformFile(targetLines = 50_000, keyResources = 2_000): LargeFile {
  const lines: string[] = ['terraform {', '  required_version = ">= 1.5"', '}', ''];
  let other = 0;
  for (let i = 0; i < keyResources; i += 1) {
    const type = KEY_RESOURCE_TYPES[i % KEY_RESOURCE_TYPES.length];
    lines.push(`resource "${type}" "k_${i}" {`, ...KEY_BODIES[type](i), '}', '');
    if (i % 10 === 0) {
      lines.push('import {', `  to = ${type}.k_${i}`, `  id = "id-${i}"`, '}', `output "k_${i}_id" {`, `  value = ${type}.k_${i}.id`, '}');
    }
    // Other Terraform between key resources, spread evenly so the file ends near `targetLines`.
    while (lines.length < ((i + 1) * targetLines) / keyResources - 12) lines.push(...otherResources(other++));
  }
  return { text: `${lines.join('\n')}\n`, lines: lines.length, keyResources };
}
