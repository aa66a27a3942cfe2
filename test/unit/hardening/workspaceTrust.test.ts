import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restrictedModeRefusal, TRUST_REQUIRED_COMMANDS } from '../../../src/commands/workspaceTrust';
import { COMMAND_IDS } from '../../../src/commands/commandIds';

describe('Restricted Mode', () => {
  it('refuses the commands that write where a workspace decides, naming how to trust it', () => {
    for (const id of [COMMAND_IDS.exportKey, COMMAND_IDS.generateTerraform, COMMAND_IDS.importExistingKey]) {
      const refusal = restrictedModeRefusal(id, false);
      assert.ok(refusal, id);
      assert.match(refusal, /Restricted Mode/);
      assert.match(refusal, /Manage Workspace Trust/);
    }
  });

  it('lets browsing, revealing, creating and deleting run untrusted', () => {
    for (const id of [
      COMMAND_IDS.refresh,
      COMMAND_IDS.revealSecret,
      COMMAND_IDS.copySecret,
      COMMAND_IDS.createKey,
      COMMAND_IDS.deleteKey,
      COMMAND_IDS.rotateKey,
    ]) {
      assert.equal(restrictedModeRefusal(id, false), undefined, id);
    }
  });

  it('refuses nothing in a trusted workspace', () => {
    for (const id of TRUST_REQUIRED_COMMANDS) assert.equal(restrictedModeRefusal(id, true), undefined);
  });

  it('names only real command ids', () => {
    const known = new Set<string>(Object.values(COMMAND_IDS));
    for (const id of TRUST_REQUIRED_COMMANDS) assert.ok(known.has(id), id);
  });
});
