import type { ManualField } from '../cloudModule';

/**
 * The "Add Account" form for IONOS: a token, or a username and password. Secret fields go to the
 * CredentialStore as one JSON object (`{ token?, password? }`), the others to `Account.details`.
 */
export const IONOS_MANUAL_FIELDS: readonly ManualField[] = [
  { name: 'username', label: 'Username (email), with a password', secret: false, required: false, placeholder: 'you@example.com' },
  { name: 'password', label: 'Password', secret: true, required: false },
  { name: 'token', label: 'Token (instead of username and password)', secret: true, required: false },
  { name: 'contractNumber', label: 'Contract number (resellers with several contracts)', secret: false, required: false },
  { name: 'apiUrl', label: 'API URL', secret: false, required: false, placeholder: 'https://api.ionos.com' },
];
