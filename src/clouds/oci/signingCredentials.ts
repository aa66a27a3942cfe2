import path from 'node:path';
import { CloudError } from '../../model/cloudError';
import { Secret } from '../../model/secret';
import { manualCredentialName, type Account } from '../../model/types';
import type { CloudContext } from '../cloudModule';
import { isSessionTokenProfile, missingEntries, parseConfigFile, resolveProfile } from './configFile';
import { expandHome } from './configLocations';
import { isEncryptedPem, openPrivateKey, PrivateKeyError } from './privateKey';
import { keyFileProblem } from './profileChecks';
import { ManualSecretsSchema } from './schemas';
import { SessionTokenFile } from './sessionToken';
import { readLocalTextFile } from '../../util/localTextFile';

/** What signs requests for one OCI user: the values of an API signing key, or a session's key and token. */
export interface SigningCredentials {
  readonly tenancyId: string;
  /** For a session, the `sub` of its token when readable, else empty. */
  readonly userId: string;
  /** Unused for a session. */
  readonly fingerprint: string;
  /** Unencrypted PEM. */
  readonly privateKey: Secret;
  /** Set for a session profile (`oci session authenticate`): requests carry `keyId="ST$<token>"`. */
  readonly session?: SessionTokenFile;
  /** The region the profile names (reads may go there). */
  readonly region: string;
}

/** The CredentialStore name of the passphrase a user typed for an account's encrypted key file. */
export function passphraseCredentialName(accountId: string): string {
  return `oci/passphrase/${accountId}`;
}

function configError(message: string): CloudError {
  return new CloudError('config', message, { cloud: 'oci' });
}

function keyProblem(error: unknown, keyName: string): CloudError {
  const problem = error instanceof PrivateKeyError ? error.problem : 'not-a-private-key';
  switch (problem) {
    case 'wrong-passphrase':
      return new CloudError('auth', `The passphrase for ${keyName} is wrong. Try again with the right one.`, { cloud: 'oci' });
    case 'needs-passphrase':
      return new CloudError('auth', `${keyName} is encrypted and needs a passphrase.`, { cloud: 'oci' });
    case 'not-rsa':
      return configError(`${keyName} is not an RSA key. OCI API signing keys are RSA.`);
    default:
      return configError(`${keyName} is not a PEM private key. Point key_file at the private key whose public half you uploaded to OCI.`);
  }
}

/** Opens an encrypted key: passphrase from the config file, then from SecretStorage, then asked once and kept there. */
async function unlock(
  pem: Secret,
  configPassphrase: string | undefined,
  keyFile: string,
  account: Account,
  ctx: CloudContext,
): Promise<Secret> {
  if (!isEncryptedPem(pem.reveal())) return openPrivateKey(pem);
  const name = passphraseCredentialName(account.id);
  let source: 'config' | 'store' | 'prompt' = 'config';
  let passphrase = configPassphrase ? new Secret(configPassphrase) : undefined;
  if (!passphrase) {
    passphrase = await ctx.credentials.get(name);
    source = 'store';
  }
  if (!passphrase) {
    passphrase = await ctx.prompts.askPassphrase(account, keyFile);
    source = 'prompt';
    if (!passphrase) {
      throw new CloudError('cancelled', `No passphrase was given for ${keyFile}, so account ${account.label} cannot sign requests.`, {
        cloud: 'oci',
      });
    }
  }
  let key: Secret;
  try {
    key = openPrivateKey(pem, passphrase);
  } catch (error) {
    if (source === 'store') await ctx.credentials.delete(name);
    const mapped = keyProblem(error, keyFile);
    if (source === 'config') {
      throw new CloudError(mapped.code, `${mapped.message} (the pass_phrase in the config file does not open it).`, { cloud: 'oci' });
    }
    throw mapped;
  }
  if (source === 'prompt') await ctx.credentials.store(name, passphrase);
  return key;
}

/** The config file and the key file are read without yielding when small (`readLocalTextFile`): the account's first page waits for both. */
async function fromConfigFile(account: Account, file: string, profile: string, ctx: CloudContext): Promise<SigningCredentials> {
  let text: string;
  try {
    text = await readLocalTextFile(file);
  } catch (error) {
    throw configError(`The OCI config file ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const parsed = parseConfigFile(text);
  const entries = resolveProfile(parsed, profile);
  if (!entries) {
    const known = [...parsed.profiles.keys()];
    throw configError(
      `Profile ${profile} is not in ${file}${known.length ? ` (it has ${known.join(', ')})` : ''}. Refresh the accounts or fix the profile name.`,
    );
  }
  const missing = missingEntries(entries).filter((key) => !(key === 'region' && ctx.env.OCI_REGION));
  if (missing.length) throw configError(`Profile ${profile} in ${file} lacks ${missing.join(', ')}.`);
  const inConfigDir = (entry: string) => path.resolve(path.dirname(file), expandHome(entries.get(entry) ?? '', ctx.homeDir));
  // A session profile: its token file must be readable now; the token itself is read again on every request.
  const session = isSessionTokenProfile(entries) ? new SessionTokenFile(inConfigDir('security_token_file'), profile, ctx.now) : undefined;
  const claims = session ? (await session.read()).claims : undefined;
  const keyFile = inConfigDir('key_file');
  let pem: Secret;
  try {
    pem = new Secret(await readLocalTextFile(keyFile));
  } catch (error) {
    throw configError(keyFileProblem(keyFile, profile, file, (error as NodeJS.ErrnoException).code));
  }
  let privateKey: Secret;
  try {
    privateKey = await unlock(pem, entries.get('pass_phrase'), keyFile, account, ctx);
  } catch (error) {
    if (error instanceof CloudError) throw error;
    throw keyProblem(error, keyFile);
  }
  return {
    tenancyId: entries.get('tenancy') ?? '',
    // A session's user is the one its token names (`sub`); OCI ignores a `user` entry for sessions.
    userId: (session ? claims?.sub : entries.get('user')) ?? '',
    fingerprint: entries.get('fingerprint') ?? '',
    region: entries.get('region') || ctx.env.OCI_REGION || '',
    privateKey,
    ...(session ? { session } : {}),
  };
}

async function fromManualEntry(account: Account, ctx: CloudContext): Promise<SigningCredentials> {
  const details = account.details ?? {};
  const missing = ['tenancy', 'user', 'fingerprint', 'region'].filter((key) => !details[key]);
  if (missing.length) throw configError(`Account ${account.label} lacks ${missing.join(', ')}. Edit the account and fill them in.`);
  const stored = await ctx.credentials.get(manualCredentialName(account.id));
  if (!stored)
    throw configError(`The private key of account ${account.label} is not in secret storage. Edit the account and enter it again.`);
  let secrets: { privateKey: string; passphrase?: string };
  try {
    const parsed = ManualSecretsSchema.safeParse(JSON.parse(stored.reveal()));
    if (!parsed.success) throw new Error('shape');
    secrets = parsed.data;
  } catch {
    throw configError(
      `The stored credentials of account ${account.label} are unreadable. Edit the account and enter the private key again.`,
    );
  }
  const keyName = `the private key of account ${account.label}`;
  let privateKey: Secret;
  try {
    privateKey = openPrivateKey(new Secret(secrets.privateKey), secrets.passphrase ? new Secret(secrets.passphrase) : undefined);
  } catch (error) {
    throw keyProblem(error, keyName);
  }
  return { tenancyId: details.tenancy, userId: details.user, fingerprint: details.fingerprint, region: details.region, privateKey };
}

/** The signing credentials of any account; every failure is a CloudError that names the file, profile or account. */
export function resolveSigningCredentials(account: Account, ctx: CloudContext): Promise<SigningCredentials> {
  switch (account.origin.kind) {
    case 'config-file':
      return fromConfigFile(account, account.origin.path, account.origin.profile, ctx);
    case 'manual':
      return fromManualEntry(account, ctx);
    default:
      return Promise.reject(configError(`Account ${account.label} comes from the environment, which the OCI adapter does not read.`));
  }
}
