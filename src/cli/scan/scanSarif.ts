import { createHash } from 'node:crypto';
import type { ReportingDescriptor, Result } from 'sarif';
import type { LeakSeverity } from '../../leaks/attribution';
import type { LeakPart } from '../../leaks/types';
import { sarifLog } from '../formats/sarifLog';
import type { ScanFinding, ScanReport } from './scanReport';

type Rule = ReportingDescriptor & { id: string };

function rule(id: string, name: string, short: string, full: string): Rule {
  return { id, name, shortDescription: { text: short }, fullDescription: { text: full }, properties: { tags: ['security', 'secrets'] } };
}

/** One rule per kind of value found; the level of each result is its severity (owner, state). */
const RULES: Record<LeakPart, Rule> = {
  secret: rule(
    'CK101',
    'CloudKeySecretInFile',
    'Cloud access key secret written in a file',
    'A secret key of an OCI, OUTSCALE or IONOS Cloud access key is written in the file. Move it to the environment or a secret store, and rotate the key if the file was shared.',
  ),
  'key-id': rule(
    'CK102',
    'CloudKeyIdInFile',
    'Cloud access key id written in a file',
    'The id of an access key is written in the file: not a secret, but its secret is usually next to it, and it names whose key this is.',
  ),
  fingerprint: rule(
    'CK103',
    'OciApiKeyFingerprintInFile',
    'OCI API key fingerprint written in a file',
    'The fingerprint of an OCI API signing key is written in the file; its private key may be nearby.',
  ),
  'private-key': rule(
    'CK104',
    'PrivateKeyInFile',
    'Unencrypted private key in a file',
    'An unencrypted PEM private key (an OCI API signing key when it matches one) is in the file. Remove it and rotate the key.',
  ),
  token: rule(
    'CK105',
    'ApiTokenInFile',
    'API token written in a file',
    'An IONOS Cloud API token is written in the file. Remove it and revoke the token.',
  ),
};
const RULE_ORDER: readonly LeakPart[] = ['secret', 'key-id', 'fingerprint', 'private-key', 'token'];
const LEVEL: Record<LeakSeverity, Result.level> = { error: 'error', warning: 'warning', information: 'note' };

/** An encoded URI of a relative `/`-separated path, for `artifactLocation.uri`. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(finding: ScanFinding): Result {
  const owner = finding.owner ?? finding.probableOwner;
  const absolute = finding.file.startsWith('/');
  return {
    ruleId: RULES[finding.part].id,
    ruleIndex: RULE_ORDER.indexOf(finding.part),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: absolute
            ? { uri: `file://${relativeUri(finding.file)}` }
            : { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            snippet: { text: finding.snippet },
          },
        },
      },
    ],
    // Stable across runs and line moves within the file, with no secret in it (the snippet is masked).
    partialFingerprints: {
      cloudKeysFinding: createHash('sha256')
        .update([finding.file, finding.part, owner?.keyId ?? '', finding.snippet].join('\0'))
        .digest('hex')
        .slice(0, 32),
    },
    properties: {
      severity: finding.severity,
      part: finding.part,
      clouds: finding.clouds,
      ...(owner ? { owner, ownerKnown: finding.owner !== undefined } : {}),
    },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one result per finding, located in its file
 * (`artifactLocation.uri` relative to the repository's top, `%SRCROOT%`) with a masked snippet;
 * accounts not read are tool execution notifications.
 */
export function scanSarif(report: ScanReport, version: string): string {
  return sarifLog({
    version,
    rules: RULE_ORDER.map((part) => RULES[part]),
    results: report.findings.map(result),
    problems: report.problems,
    properties: { filesScanned: report.filesScanned, failOn: report.failOn, inventory: report.inventory ?? null },
  });
}
