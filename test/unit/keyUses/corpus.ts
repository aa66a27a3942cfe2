/** A planted corpus for the key-use finder: real keys from the emulators written in every form a user writes them, and decoys. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Secret } from '../../../src/model/secret';
import type { AccessKey } from '../../../src/model/types';

export interface PlantedKey {
  readonly key: AccessKey;
  readonly secret?: Secret;
  /** The private key PEM of an API signing key. */
  readonly privateKeyPem?: string;
}

/** One planted use: what a correct finder reports. */
export interface Planted {
  readonly file: string;
  readonly line: number;
  readonly kind: 'key-id' | 'secret' | 'fingerprint' | 'private-key';
  readonly keyId: string;
}

/** A value of the same length and alphabet as `value` (letters stay letters of the same case, digits digits). */
export function decoyOf(value: string): string {
  const pick = (set: string) => set[randomBytes(1)[0] % set.length];
  let out = '';
  for (const c of value) {
    if (/[A-Z]/.test(c)) out += pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    else if (/[a-f]/.test(c) && /^[0-9a-f:]+$/.test(value)) out += pick('abcdef');
    else if (/[a-z]/.test(c)) out += pick('abcdefghijklmnopqrstuvwxyz');
    else if (/[0-9]/.test(c)) out += pick('0123456789');
    else out += c;
  }
  return out === value ? decoyOf(value) : out;
}

/** The same value with one character changed: the closest decoy. */
function nearMiss(value: string): string {
  const i = Math.floor(value.length / 2);
  const c = value[i];
  return (
    value.slice(0, i) +
    (c === 'A' ? 'B' : c === 'a' ? 'b' : c === '0' ? '1' : /[0-9]/.test(c) ? '0' : /[a-z]/.test(c) ? 'a' : 'A') +
    value.slice(i + 1)
  );
}

export class Corpus {
  readonly planted: Planted[] = [];
  readonly decoys: string[] = [];

  constructor(readonly root: string) {}

  /** Writes `lines` to `file` (relative), remembering which lines plant what. */
  write(
    file: string,
    lines: readonly (string | { text: string; plants: readonly Omit<Planted, 'file' | 'line'>[] })[],
    options: { crlf?: boolean; bom?: 'utf8' | 'utf16le' } = {},
  ): string {
    const full = path.join(this.root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const texts = lines.map((l, i) => {
      if (typeof l !== 'string') for (const p of l.plants) this.planted.push({ ...p, file: full, line: i + 1 });
      return typeof l === 'string' ? l : l.text;
    });
    const text = texts.join(options.crlf ? '\r\n' : '\n') + (options.crlf ? '\r\n' : '\n');
    const body =
      options.bom === 'utf16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
        : Buffer.from((options.bom === 'utf8' ? '\ufeff' : '') + text, 'utf8');
    fs.writeFileSync(full, body);
    return full;
  }

  /** Plants every form of one S3-style key (id and secret) and its decoys. */
  plantAccessKey(name: string, id: string, secret: string): void {
    const I = { kind: 'key-id', keyId: id } as const;
    const S = { kind: 'secret', keyId: id } as const;
    const dI = decoyOf(id);
    const dS = decoyOf(secret);
    const nS = nearMiss(secret);
    this.decoys.push(dI, dS, nS);
    this.write(`${name}/.env`, [
      '# keys',
      { text: `ACCESS_KEY_ID=${id}`, plants: [I] },
      { text: `SECRET_ACCESS_KEY="${secret}"`, plants: [S] },
      `DECOY_ID=${dI}`,
      `DECOY_SECRET=${dS}`,
      `NEAR=${nS}`,
    ]);
    this.write(
      `${name}/.env.production`,
      [
        { text: `AWS_ACCESS_KEY_ID='${id}'`, plants: [I] },
        { text: `AWS_SECRET_ACCESS_KEY='${secret}' # prod`, plants: [S] },
      ],
      { crlf: true, bom: 'utf8' },
    );
    this.write(`${name}/deploy.sh`, [
      '#!/bin/sh',
      { text: `export AWS_ACCESS_KEY_ID=${id}`, plants: [I] },
      { text: `export AWS_SECRET_ACCESS_KEY=${secret}`, plants: [S] },
      `export OTHER=${dS}`,
    ]);
    this.write(`${name}/home/.aws/credentials`, [
      '[work]',
      { text: `aws_access_key_id = ${id}`, plants: [I] },
      { text: `aws_secret_access_key = ${secret}`, plants: [S] },
      '[decoy]',
      `aws_access_key_id = ${dI}`,
      `aws_secret_access_key = ${dS}`,
    ]);
    this.write(`${name}/.github/workflows/deploy.yml`, [
      'jobs:',
      '  deploy:',
      '    env:',
      { text: `      S3_KEY: "${id}"`, plants: [I] },
      { text: `      S3_SECRET: ${secret}`, plants: [S] },
      `      S3_DECOY: ${dS}`,
    ]);
    this.write(`${name}/.gitlab-ci.yml`, ['variables:', { text: `  S3_KEY: '${id}'`, plants: [I] }], { crlf: true });
    this.write(`${name}/settings.json`, [
      '{',
      { text: `  "credentials": {"AccessKey": "${id}", "SecretKey": "${secret}"},`, plants: [I, S] },
      `  "decoy": "${dS}"`,
      '}',
    ]);
    this.write(`${name}/prod.auto.tfvars`, [
      { text: `access_key = "${id}"`, plants: [I] },
      { text: `secret_key = "${secret}"`, plants: [S] },
      `decoy_key = "${dS}"`,
    ]);
    this.write(`${name}/vars.tfvars`, [{ text: `s3 = { id = "${id}", secret = "${secret}" }`, plants: [I, S] }], { crlf: true });
    this.write(`${name}/terraform.tfstate`, [
      '{',
      '  "resources": [{',
      { text: `    "attributes": {"id": "${id}", "secret": "${secret}"}`, plants: [I, S] },
      '  }]',
      '}',
    ]);
    this.write(`${name}/wide.txt`, [{ text: `utf-16 file: ${id} and ${secret}`, plants: [I, S] }], { bom: 'utf16le' });
  }

  /** Plants an API signing key: its fingerprint in an OCI config and its private key file, with a decoy key file. */
  plantApiKey(name: string, fingerprint: string, privateKeyPem: string, decoyPem: string): void {
    const F = { kind: 'fingerprint', keyId: fingerprint } as const;
    const dF = decoyOf(fingerprint);
    this.decoys.push(dF);
    this.write(`${name}/home/.oci/config`, [
      '[DEFAULT]',
      'user=ocid1.user.oc1..aaaa',
      { text: `fingerprint=${fingerprint}`, plants: [F] },
      'key_file=~/.oci/oci_api_key.pem',
      '[OTHER]',
      `fingerprint=${dF}`,
    ]);
    const pemLines = privateKeyPem.trim().split('\n');
    this.write(`${name}/home/.oci/oci_api_key.pem`, [
      { text: pemLines[0], plants: [{ kind: 'private-key', keyId: fingerprint }] },
      ...pemLines.slice(1),
    ]);
    this.write(`${name}/keys/unrelated.pem`, decoyPem.trim().split('\n'));
    this.write(`${name}/main.tf`, ['provider "oci" {', { text: `  fingerprint = "${fingerprint}"`, plants: [F] }, '}']);
  }
}
