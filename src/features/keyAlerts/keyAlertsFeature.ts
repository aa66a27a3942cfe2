import * as vscode from 'vscode';
import { settings } from '../../config/settings';
import { KeyInventory } from '../../operations/keyInventory';
import type { Feature } from '../../services/featureServices';
import { CLOUD_NAMES, keyKindName } from '../../views/cloudNames';
import { KeyAlertsStatusBar } from './keyAlertsStatusBar';
import { COMMAND_IDS } from '../../commands/commandIds';
import { noArg } from '../../commands/commandArgs';
import { registerDrivenCommand } from '../../commands/registerCommand';
import { WINDOW_SETTLE_MS } from '../../services/windowSettle';

/**
 * The key-age status bar over every key of every account, read in the background, and
 * the list it opens.
 */
export const keyAlertsFeature: Feature = (s) => {
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const inventory = new KeyInventory(s.browser, async () => (await s.registry.list()).accounts, { settled });
  const statusBar = new KeyAlertsStatusBar(s.registry, s.browser, inventory, COMMAND_IDS.showKeyAlerts);
  // Not at activation's critical path: the count starts once the window has settled, or when the
  // tree lists its accounts, then with each account's first page only (what a click shows next).
  const start = setTimeout(() => (settle(), void inventory.ensure()), WINDOW_SETTLE_MS);

  return [
    statusBar,
    { dispose: () => (clearTimeout(start), inventory.cancel(), settle()) },
    s.tree.onDidLoadAccounts(() => void inventory.ensure()),
    s.tree.onDidRefresh((node) => inventory.refresh(node?.account, node?.kind === 'user' ? node.user : undefined)),
    s.tree.onDidCancelLoads(() => inventory.cancel()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cloudKeys.keys')) void statusBar.update();
    }),
    // The test API's `listOnly` returns the list instead of showing it; its `complete` first waits until every key was read.
    registerDrivenCommand(
      COMMAND_IDS.showKeyAlerts,
      async (driven, first?: unknown) => {
        noArg(COMMAND_IDS.showKeyAlerts, 'first argument', first);
        if (driven.complete) {
          await inventory.ensure();
          await inventory.idle();
        }
        const summary = await statusBar.update();
        if (driven.listOnly) {
          const { running, usersRead, usersTotal } = inventory.state();
          return {
            text: statusBar.text(),
            overdue: summary.overdue,
            expiring: summary.expiring,
            counting: { running, usersRead, usersTotal },
            keys: summary.alerts.map((a) => ({
              keyId: a.key.id,
              level: a.level,
              reason: a.reason,
              cloud: CLOUD_NAMES[a.cloud],
              account: a.accountLabel,
              user: a.userName,
            })),
          };
        }
        if (summary.alerts.length === 0) {
          const { running } = inventory.state();
          void vscode.window.showInformationMessage(
            running
              ? vscode.l10n.t(
                  'No key read so far is overdue or expiring (maximum age {0} days); Cloud Keys is still reading the others.',
                  settings.keyHealth().maxAgeDays,
                )
              : vscode.l10n.t('No key is overdue or expiring (maximum age {0} days).', settings.keyHealth().maxAgeDays),
          );
          return undefined;
        }
        const picked = await vscode.window.showQuickPick(
          summary.alerts.map((a) => ({
            label: `${a.level === 'overdue' ? '$(warning)' : '$(clock)'} ${a.key.displayName || a.key.id}`,
            description: [CLOUD_NAMES[a.cloud], a.accountLabel, a.userName].filter(Boolean).join(' · '),
            detail: `${a.reason} · ${keyKindName(a.cloud, a.key.kind)} ${a.key.id}`,
            alert: a,
          })),
          { placeHolder: vscode.l10n.t('Keys to rotate: pick one to rotate it'), matchOnDescription: true, matchOnDetail: true },
        );
        if (!picked) return undefined;
        const account = await s.registry.find(picked.alert.key.accountId);
        const user = account ? s.browser.loadedUser(account, picked.alert.key.userId) : undefined;
        if (!account || !user) return undefined;
        const secretStored = await s.secrets.hasKeySecret(picked.alert.key);
        return vscode.commands.executeCommand(COMMAND_IDS.rotateKey, { kind: 'key', account, user, key: picked.alert.key, secretStored });
      },
      s.commandContext,
    ),
  ];
};
