import type { ReportingDescriptor, Result } from 'sarif';
import type { KeyWarning } from '../../operations/keyHealth';
import { describeWarning } from '../../operations/keyHealth';
import { keyKindName } from '../../views/cloudNames';
import type { AuditEntry } from '../audit/auditReport';
import type { AuditFormatter } from './auditFormatter';
import { sarifLog } from './sarifLog';

type Rule = ReportingDescriptor & { id: string; defaultConfiguration: { level: Result.level } };

function rule(id: string, name: string, short: string, full: string, level: Result.level): Rule {
  return { id, name, shortDescription: { text: short }, fullDescription: { text: full }, defaultConfiguration: { level } };
}

/** One rule per kind of policy finding, in the words of the Key Age Overview. */
const RULES: Record<KeyWarning['kind'], Rule> = {
  old: rule(
    'CK001',
    'KeyOlderThanPolicy',
    'Access key older than the maximum age',
    'An active key is older than the policy allows (--max-age-days). Rotate it.',
    'error',
  ),
  expired: rule('CK002', 'KeyExpired', 'Access key expired', 'The key has passed its expiry date. Rotate it or delete it.', 'error'),
  expiring: rule(
    'CK003',
    'KeyExpiringSoon',
    'Access key expiring soon',
    'The key expires within the warning period (--expiry-warning-days). Rotate it before it does.',
    'warning',
  ),
};
const RULE_ORDER: readonly KeyWarning['kind'][] = ['old', 'expired', 'expiring'];

function results(entry: AuditEntry): Result[] {
  const { row } = entry;
  const where = `${row.cloudName} account ${row.account}, user ${row.user}`;
  return entry.warnings.map((warning) => {
    const rule = RULES[warning.kind];
    return {
      ruleId: rule.id,
      ruleIndex: RULE_ORDER.indexOf(warning.kind),
      level: rule.defaultConfiguration.level,
      message: { text: `The ${keyKindName(row.cloud, row.kind)} ${row.name} (${row.keyId}) of ${where} ${describeWarning(warning)}.` },
      locations: [
        {
          logicalLocations: [
            { name: row.keyId, fullyQualifiedName: `${row.cloud}/${row.account}/${row.user}/${row.keyId}`, kind: 'resource' },
          ],
        },
      ],
      partialFingerprints: { cloudKeyId: `${row.cloud}/${row.accountId}/${row.keyId}` },
      properties: {
        cloud: row.cloud,
        account: row.account,
        user: row.user,
        keyId: row.keyId,
        state: row.state,
        ageDays: row.ageDays,
        expiresAt: row.expiresAt || null,
      },
    };
  });
}

/**
 * SARIF 2.1.0: one result per policy finding (a key with no finding has no result), located by a
 * logical location `cloud/account/user/keyId`; accounts or users not read are tool execution
 * notifications, and make the invocation unsuccessful.
 */
export const sarifFormat: AuditFormatter = (report, { version }) =>
  sarifLog({
    version,
    rules: RULE_ORDER.map((kind) => RULES[kind]),
    results: report.entries.flatMap(results),
    problems: report.problems,
    endTime: report.generatedAt,
    properties: { maxAgeDays: report.policy.maxAgeDays, expiryWarningDays: report.policy.expiryWarningDays, keys: report.entries.length },
  });
