/** IONOS S3 locations and their endpoints (user-owned buckets first, then contract-owned). */
export const IONOS_S3_LOCATIONS: Readonly<Record<string, string>> = {
  de: 'https://s3.eu-central-1.ionoscloud.com',
  'eu-central-2': 'https://s3.eu-central-2.ionoscloud.com',
  'eu-south-2': 'https://s3.eu-south-2.ionoscloud.com',
  'eu-central-3': 'https://s3.eu-central-3.ionoscloud.com',
  'eu-central-4': 'https://s3.eu-central-4.ionoscloud.com',
  'us-central-1': 'https://s3.us-central-1.ionoscloud.com',
};

const REGION = /^[a-z0-9-]+$/;
const NAMESPACE = /^[a-z0-9-]+$/i;

export type S3Target =
  | { readonly cloud: 'oci'; readonly region: string; readonly namespace: string }
  | { readonly cloud: 'outscale'; readonly region: string }
  | { readonly cloud: 'ionos'; readonly location: string };

/** The S3-compatible endpoint and the region an S3 tool should use; throws a message naming what to fix. */
export function s3Endpoint(target: S3Target): { endpointUrl: string; region: string } {
  switch (target.cloud) {
    case 'oci':
      if (!REGION.test(target.region)) throw new Error(`"${target.region}" is not an OCI region id such as eu-frankfurt-1.`);
      if (!NAMESPACE.test(target.namespace)) {
        throw new Error(
          `"${target.namespace}" is not an Object Storage namespace: copy it from the OCI console (Tenancy details → Object Storage namespace).`,
        );
      }
      return {
        endpointUrl: `https://${target.namespace.toLowerCase()}.compat.objectstorage.${target.region}.oraclecloud.com`,
        region: target.region,
      };
    case 'outscale':
      if (!REGION.test(target.region)) throw new Error(`"${target.region}" is not an OUTSCALE region such as eu-west-2.`);
      return { endpointUrl: `https://oos.${target.region}.outscale.com`, region: target.region };
    case 'ionos': {
      const endpointUrl = IONOS_S3_LOCATIONS[target.location];
      if (!endpointUrl)
        throw new Error(`"${target.location}" is not an IONOS S3 location; use one of ${Object.keys(IONOS_S3_LOCATIONS).join(', ')}.`);
      return { endpointUrl, region: target.location };
    }
  }
}
