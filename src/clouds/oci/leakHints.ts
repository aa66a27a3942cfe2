import type { LeakHints } from '../shared/leakHints';

/**
 * OCI customer secret keys are S3-compatible credentials, used through the AWS SDKs and CLI, so no
 * OCI tool reads them from an `OCI_*` variable: the names suggested are the AWS ones those tools
 * read (AWS CLI docs, "Environment variables to configure the AWS CLI").
 */
export const OCI_LEAK_HINTS: LeakHints = {
  cloud: 'oci',
  names: /(?:^|[^a-z])(?:oci|oracle)(?:[^a-z]|$)/,
  env: { keyId: 'AWS_ACCESS_KEY_ID', secret: 'AWS_SECRET_ACCESS_KEY' },
  source: 'AWS CLI docs: environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (OCI S3 compatibility uses the AWS SDKs)',
};
