import type { Secret } from '../../model/secret';
import type { CloudId } from '../../model/types';

/** The variables S3 tools read, as the terminal and `.env` exports set them. */
export function awsVariables(accessKeyId: string, secret: Secret, region?: string, endpointUrl?: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret.reveal(),
    ...(region ? { AWS_REGION: region } : {}),
    ...(endpointUrl ? { AWS_ENDPOINT_URL: endpointUrl } : {}),
  };
}

/** The key as a JSON document, for the clipboard. */
export function keyAsJson(input: { cloud: CloudId; accessKeyId: string; secret: Secret; region?: string; endpointUrl?: string }): string {
  return `${JSON.stringify(
    {
      cloud: input.cloud,
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secret.reveal(),
      ...(input.region ? { region: input.region } : {}),
      ...(input.endpointUrl ? { endpointUrl: input.endpointUrl } : {}),
    },
    null,
    2,
  )}\n`;
}
