/** IONOS S3 locations and their endpoints (user-owned buckets first, then contract-owned). */
export const IONOS_S3_LOCATIONS: Readonly<Record<string, string>> = {
  de: 'https://s3.eu-central-1.ionoscloud.com',
  'eu-central-2': 'https://s3.eu-central-2.ionoscloud.com',
  'eu-south-2': 'https://s3.eu-south-2.ionoscloud.com',
  'eu-central-3': 'https://s3.eu-central-3.ionoscloud.com',
  'eu-central-4': 'https://s3.eu-central-4.ionoscloud.com',
  'us-central-1': 'https://s3.us-central-1.ionoscloud.com',
};
