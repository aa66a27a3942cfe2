import { accountsFeature } from './accounts/accountsFeature';
import { createRecoveryFeature } from './createRecovery/createRecoveryFeature';
import { firstRunFeature } from './firstRun/firstRunFeature';
import { keyAlertsFeature } from './keyAlerts/keyAlertsFeature';
import { keyUsesFeature } from './keyUses/keyUsesFeature';
import { leaksFeature } from './leaks/leaksFeature';
import { ociProfileFeature } from './ociProfile/ociProfileFeature';
import { rotationFeature } from './rotation/rotationFeature';
import type * as vscode from 'vscode';
import type { Feature, FeatureServices } from '../services/featureServices';
import { terraformFeature } from './terraform/terraformFeature';
import { registerForms } from './forms/formsFeature';

/**
 * The features built on the tree, each registered from its own module. Adding one is one import
 * and one entry here.
 */
export const FEATURES: readonly Feature[] = [
  accountsFeature,
  registerForms,
  terraformFeature,
  rotationFeature,
  keyAlertsFeature,
  createRecoveryFeature,
  ociProfileFeature,
  firstRunFeature,
  keyUsesFeature,
  leaksFeature,
];

/**
 * Starts every feature; one that fails to start (an unreadable journal file, say) is reported and
 * the others still start, so the tree and the key commands keep working.
 */
export function startFeatures(services: FeatureServices, onFailure: (feature: string, error: unknown) => void): vscode.Disposable[] {
  const started: vscode.Disposable[] = [];
  for (const feature of FEATURES) {
    try {
      started.push(...feature(services));
    } catch (error) {
      onFailure(feature.name || 'a feature', error);
    }
  }
  return started;
}
