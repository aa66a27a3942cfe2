/**
 * AWS access key ids: 20 capitals and digits, like an OUTSCALE access key id, but starting with
 * one of AWS's unique-id prefixes (AWS IAM User Guide, "IAM identifiers", unique ID prefixes, as
 * listed by hackingthe.cloud "IAM unique identifiers" and scratchstack-aws-principal's IamIdPrefix:
 * AKIA access key, ASIA temporary key, and the others below). A value with such a prefix is AWS's,
 * and a secret written next to one is the AWS key's secret.
 */
const AWS_PREFIXES = ['ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'AKIA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA', 'ASIA'];
const AWS_KEY_ID = new RegExp(`(?<![A-Z0-9])(?:${AWS_PREFIXES.join('|')})[A-Z0-9]{16}(?![A-Z0-9])`);

export function isAwsKeyId(value: string): boolean {
  return value.length === 20 && AWS_PREFIXES.includes(value.slice(0, 4));
}

/** How many lines either side an AWS key id makes a secret-shaped value AWS's: a pair is written together. */
const NEAR_LINES = 2;

/** Whether an AWS access key id is written on the line of `[start, end)` of `text` or within two lines of it. */
export function nearAwsKeyId(text: string, start: number, end: number): boolean {
  let from = start;
  for (let lines = 0; from > 0 && lines <= NEAR_LINES; from--) if (text[from - 1] === '\n') lines++;
  let to = end;
  for (let lines = 0; to < text.length && lines <= NEAR_LINES; to++) if (text[to] === '\n') lines++;
  return AWS_KEY_ID.test(text.slice(from, to));
}
