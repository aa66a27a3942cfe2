import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, useDemoWorkbench, type Workbench } from './support/workbench';
import { expand, row } from './support/tree';

describe('An IONOS account with both kinds of Object Storage key, in a browser', () => {
  let workbench: Workbench;
  useDemoWorkbench((opened) => {
    workbench = opened;
  });

  it("shows the caller's S3 keys and, beside the users, the contract's Object Storage access keys", async () => {
    const { page } = workbench;
    await expand(page, 'IONOS Cloud', /Object Storage access keys \(contract\)/);
    // The caller's own S3 keys (Cloud API v6).
    await expand(page, /Claire Dubois/, /active · created/);
    // The contract's access keys (Object Storage Management API): description, state, administrative, regions, age.
    await expand(page, /Object Storage access keys \(contract\)/, /Contract administration/);
    const admin = (await row(page, /Contract administration/).innerText()).replace(/\u00a0/g, ' ');
    // State, administrative and age lead; the shortened access key and the regions close the row (the tooltip has them whole).
    assert.match(admin, /active · administrative · created (today|\d+d ago) · \S{12}… · eu-central-3/);
    const failed = (await row(page, /Log archive/).innerText()).replace(/\u00a0/g, ' ');
    assert.match(failed, /failed: The key could not be provisioned in eu-central-3/);
    await row(page, /Website assets/).waitFor();
    await screenshot(page, 'ionos-both-kinds');
  });
});
