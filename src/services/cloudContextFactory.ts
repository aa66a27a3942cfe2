import os from 'node:os';
import * as vscode from 'vscode';
import type { CloudContext, CloudMemory, UserPrompts } from '../clouds/cloudModule';
import { settings } from '../config/settings';
import { Secret } from '../model/secret';
import type { SecretStore } from '../secrets/secretStore';
import type { Logger } from '../util/logger';

const prompts: UserPrompts = {
  async askPassphrase(account, keyFile) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Passphrase for {0}', account.label),
      prompt: vscode.l10n.t('The private key {0} is encrypted. Its passphrase is kept in VS Code secret storage.', keyFile),
      password: true,
      ignoreFocusOut: true,
    });
    return value === undefined ? undefined : new Secret(value);
  },
};

/** The adapters' memory in VS Code's global state, under `cloudKeys.memory.<key>`. */
function mementoMemory(memento: vscode.Memento): CloudMemory {
  return {
    get: (key) => {
      const value: unknown = memento.get(`cloudKeys.memory.${key}`);
      return typeof value === 'string' ? value : undefined;
    },
    set: (key, value) => memento.update(`cloudKeys.memory.${key}`, value),
  };
}

/** The CloudContext the adapters get: settings (user values only), secrets, logger, prompts, network options, memory. */
export function createCloudContext(logger: Logger, secrets: SecretStore, memory?: vscode.Memento): CloudContext {
  return {
    ...(memory ? { memory: mementoMemory(memory) } : {}),
    logger,
    credentials: secrets.credentials,
    prompts,
    settings: settings.cloud(),
    env: process.env,
    homeDir: os.homedir(),
    http: { ...settings.http(), warnUnverified: (message) => logger.warn(message) },
  };
}
