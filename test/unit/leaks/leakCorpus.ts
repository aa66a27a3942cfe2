/**
 * A labelled corpus for leak detection, generated at test time: credentials of the three clouds
 * (the emulators' own keys and values of each cloud's shape) written as people write them in 18
 * languages and formats, among decoys that are not credentials of these clouds.
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import type { CloudId } from '../../../src/model/types';
import type { LeakPart } from '../../../src/leaks/types';

export interface Plant {
  readonly file: string;
  /** 0-based line. */
  readonly line: number;
  readonly part: LeakPart;
  readonly cloud: CloudId;
  /** The key it belongs to, for the user's own keys (attribution is checked). */
  readonly keyId?: string;
}

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** A language or format: how a value is assigned to a name on one line. */
interface Style {
  readonly ext: string;
  readonly line: (name: string, value: string) => string;
  readonly comment: string;
}

const camel = (name: string) => name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase());

export const STYLES: readonly Style[] = [
  { ext: '.env', line: (n, v) => `${n}=${v}`, comment: '#' },
  { ext: '.sh', line: (n, v) => `export ${n}="${v}"`, comment: '#' },
  { ext: '.py', line: (n, v) => `${n.toLowerCase()} = "${v}"`, comment: '#' },
  { ext: '.ts', line: (n, v) => `const ${camel(n)} = '${v}';`, comment: '//' },
  { ext: '.js', line: (n, v) => `  ${camel(n)}: "${v}",`, comment: '//' },
  { ext: '.yaml', line: (n, v) => `  ${n.toLowerCase()}: ${v}`, comment: '#' },
  { ext: '.json', line: (n, v) => `  "${pascal(n)}": "${v}",`, comment: '//' },
  { ext: '.tf', line: (n, v) => `  ${n.toLowerCase()} = "${v}"`, comment: '#' },
  { ext: '.java', line: (n, v) => `    private static final String ${n} = "${v}";`, comment: '//' },
  { ext: '.go', line: (n, v) => `\t${camel(n)} := "${v}"`, comment: '//' },
  { ext: '.cs', line: (n, v) => `        var ${camel(n)} = "${v}";`, comment: '//' },
  { ext: '.rb', line: (n, v) => `${n.toLowerCase()} = '${v}'`, comment: '#' },
  { ext: '.php', line: (n, v) => `    '${n.toLowerCase()}' => '${v}',`, comment: '//' },
  { ext: '.ini', line: (n, v) => `${n.toLowerCase()} = ${v}`, comment: ';' },
  { ext: '.xml', line: (n, v) => `  <${camel(n)}>${v}</${camel(n)}>`, comment: '<!--' },
  { ext: '.ps1', line: (n, v) => `$env:${n} = "${v}"`, comment: '#' },
  { ext: '.rs', line: (n, v) => `    let ${n.toLowerCase()} = "${v}";`, comment: '//' },
  { ext: '.toml', line: (n, v) => `${n.toLowerCase()} = "${v}"`, comment: '#' },
];

const pick = (alphabet: string, length: number) => Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT whose payload names its issuer. */
export function jwt(iss: string): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT', kid: randomUUID() })}.${b64url({ iss, iat: 1_700_000_000, exp: 1_800_000_000, identity: { uuid: randomUUID(), role: 'owner' } })}.${randomBytes(64).toString('base64url')}`;
}

/** Values of each cloud's shapes, with the names people give them (cloud-specific and generic). */
export const UNKNOWN_SHAPES: readonly { cloud: CloudId; part: LeakPart; make: () => string; names: readonly string[] }[] = [
  {
    cloud: 'outscale',
    part: 'key-id',
    make: () => pick(UPPER_DIGITS, 20),
    names: ['OSC_ACCESS_KEY', 'OUTSCALE_ACCESS_KEY_ID', 'AWS_ACCESS_KEY_ID'],
  },
  {
    cloud: 'outscale',
    part: 'secret',
    make: () => pick(ALNUM, 40),
    names: ['OSC_SECRET_KEY', 'OUTSCALE_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY'],
  },
  { cloud: 'oci', part: 'key-id', make: () => hex(20), names: ['OCI_S3_ACCESS_KEY_ID', 'ACCESS_KEY_ID', 'AWS_ACCESS_KEY_ID'] },
  {
    cloud: 'oci',
    part: 'secret',
    make: () => randomBytes(33).toString('base64'),
    names: ['OCI_S3_SECRET_KEY', 'SECRET_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY'],
  },
  {
    cloud: 'oci',
    part: 'fingerprint',
    make: () => hex(16).replace(/(..)(?!$)/g, '$1:'),
    names: ['OCI_FINGERPRINT', 'FINGERPRINT', 'KEY_FINGERPRINT'],
  },
  { cloud: 'ionos', part: 'key-id', make: () => hex(10), names: ['IONOS_S3_ACCESS_KEY', 'S3_ACCESS_KEY', 'ACCESS_KEY'] },
  {
    cloud: 'ionos',
    part: 'secret',
    make: () => randomBytes(30).toString('base64'),
    names: ['IONOS_S3_SECRET_KEY', 'S3_SECRET_KEY', 'SECRET_KEY'],
  },
  { cloud: 'ionos', part: 'key-id', make: () => pick(`${ALNUM}_`, 92), names: ['IONOS_OBJECT_STORAGE_ACCESS_KEY', 'S3_ACCESS_KEY_ID'] },
  { cloud: 'ionos', part: 'token', make: () => jwt('ionoscloud'), names: ['IONOS_TOKEN', 'API_TOKEN', 'BEARER_TOKEN'] },
  {
    cloud: 'ionos',
    part: 'token',
    make: () =>
      `eyJ${randomBytes(24).toString('base64url')}.eyJ${randomBytes(96).toString('base64url')}.${randomBytes(64).toString('base64url')}`,
    names: ['IONOS_TOKEN'],
  },
];

/** Decoys: values that are not credentials of the three clouds, with the names they usually have. */
export const DECOYS: readonly { make: () => string; names: readonly string[] }[] = [
  { make: () => hex(20), names: ['COMMIT_SHA', 'GIT_REVISION', 'CHECKSUM_SHA1', 'CACHE_KEY'] },
  { make: () => hex(32), names: ['SHA256', 'CONTENT_HASH', 'SECRET_KEY_BASE'] },
  { make: () => hex(16), names: ['MD5', 'ETAG'] },
  { make: () => randomUUID(), names: ['REQUEST_ID', 'TENANT_UUID', 'ACCESS_KEY_ID', 'CLIENT_SECRET'] },
  { make: () => randomBytes(30).toString('base64'), names: ['NONCE', 'PAYLOAD', 'CACHE_KEY', 'DATA'] },
  { make: () => randomBytes(33).toString('base64'), names: ['INTEGRITY', 'BODY', 'BLOB'] },
  { make: () => randomBytes(96).toString('base64'), names: ['IMAGE_DATA', 'CERT_BODY', 'SECRET_BLOB'] },
  { make: () => pick(ALNUM, 40), names: ['RANDOM_ID', 'SESSION_NAME', 'TRACE', 'UPLOAD_ID'] },
  { make: () => pick(UPPER_DIGITS, 20), names: ['ORDER_REFERENCE', 'SKU', 'LICENSE'] },
  { make: () => `AKIA${pick(UPPER_DIGITS, 16)}`, names: ['AWS_ACCESS_KEY_ID', 'ACCESS_KEY'] },
  { make: () => jwt('https://accounts.example.com'), names: ['ID_TOKEN', 'ACCESS_TOKEN', 'BEARER_TOKEN'] },
  { make: () => createHash('sha1').update(randomBytes(8)).digest('base64'), names: ['DIGEST', 'SECRET_HASH'] },
  { make: () => `${pick('abcdefghijklmnopqrstuvwxyz', 8)}-${pick('abcdefghijklmnopqrstuvwxyz', 8)}`, names: ['SECRET_KEY', 'PASSWORD'] },
];

/** Builds files in every style; `plant` adds a labelled credential line, `decoy` a decoy line. */
export class LeakCorpus {
  readonly plants: Plant[] = [];
  readonly files = new Map<string, string[]>();
  decoys = 0;

  #lines(file: string): string[] {
    let lines = this.files.get(file);
    if (!lines) {
      lines = [];
      this.files.set(file, lines);
    }
    return lines;
  }

  plant(style: Style, file: string, name: string, value: string, label: Omit<Plant, 'file' | 'line'>): void {
    const lines = this.#lines(`${file}${style.ext}`);
    this.plants.push({ ...label, file: `${file}${style.ext}`, line: lines.length });
    lines.push(style.line(name, value));
  }

  /** An AWS pair: an AKIA id and its secret on the next line, with AWS's own names. */
  awsPair(style: Style, file: string): void {
    const lines = this.#lines(`${file}${style.ext}`);
    lines.push(style.line('AWS_ACCESS_KEY_ID', `AKIA${pick(UPPER_DIGITS, 16)}`), style.line('AWS_SECRET_ACCESS_KEY', pick(ALNUM, 40)));
    this.decoys += 2;
  }

  decoy(style: Style, file: string, name: string, value: string): void {
    this.#lines(`${file}${style.ext}`).push(style.line(name, value));
    this.decoys++;
  }

  /** Free text: a PEM block or a comment. */
  raw(file: string, text: string, plant?: Omit<Plant, 'file' | 'line'>): void {
    const lines = this.#lines(file);
    if (plant) this.plants.push({ ...plant, file, line: lines.length });
    lines.push(...text.split('\n'));
  }

  texts(): CorpusFile[] {
    return [...this.files.entries()].map(([name, lines]) => ({ name, text: `${lines.join('\n')}\n` }));
  }
}
