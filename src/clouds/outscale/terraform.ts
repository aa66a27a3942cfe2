import type { TerraformData } from '../cloudDescriptor';

/** The OUTSCALE provider (outscale/outscale) and its key resource; what it writes: `terraformWriter.ts`. */
export const outscaleTerraform: TerraformData = {
  provider: { localName: 'outscale', source: 'outscale/outscale' },
  keyResources: [
    {
      type: 'outscale_access_key',
      kind: 'access-key',
      secretAttribute: 'secret_key',
      userArgument: 'user_name',
      importId: (key) => key.id,
      parseImportId: (id) => (/^[^\s/]+$/.test(id.trim()) ? { keyId: id.trim() } : undefined),
    },
  ],
};
