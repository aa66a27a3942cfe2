/**
 * Checks of an OCI config profile that need no call: run when accounts are discovered, so a profile
 * that cannot sign is reported with the other config problems rather than at its first call.
 */
import fs from 'node:fs';

/**
 * An API signing key's fingerprint as the OCI config file holds it: the MD5 of the public key's DER,
 * 16 lower- or upper-case hex pairs separated by colons (docs.oracle.com, "Required Keys and OCIDs":
 * "How to Get the Key's Fingerprint", e.g. 12:34:56:78:90:ab:cd:ef:12:34:56:78:90:ab:cd:ef).
 */
const FINGERPRINT = /^[0-9a-f]{2}(?::[0-9a-f]{2}){15}$/i;

/** What is wrong with a key file that could not be opened, and what to do (also used at call time). */
export function keyFileProblem(keyFile: string, profile: string, file: string, code: string | undefined): string {
  if (code === 'ENOENT') return `The key file ${keyFile} of profile ${profile} does not exist. Fix key_file in ${file}.`;
  if (code === 'EISDIR')
    return `The key file ${keyFile} of profile ${profile} is a folder, not a file. Point key_file in ${file} at the PEM private key.`;
  return `The key file ${keyFile} of profile ${profile} could not be read (${code ?? 'error'}). Check its permissions.`;
}

/** A problem with the profile's `fingerprint`, or undefined when it has the form OCI gives fingerprints. */
export function fingerprintProblem(fingerprint: string, profile: string, file: string): string | undefined {
  if (FINGERPRINT.test(fingerprint)) return undefined;
  const shown = fingerprint.length > 60 ? `${fingerprint.slice(0, 57)}…` : fingerprint;
  return (
    `The fingerprint "${shown}" of profile ${profile} in ${file} is not an OCI key fingerprint (16 hex pairs separated by colons, ` +
    'such as 12:34:56:78:90:ab:cd:ef:12:34:56:78:90:ab:cd:ef). Copy it from the API key in the OCI Console or from `openssl rsa -pubout -outform DER -in <key_file> | openssl md5 -c`.'
  );
}

/** Whether the key file can be opened now; a problem message when it cannot. Reads nothing of the key. */
export async function keyFileAccessProblem(keyFile: string, profile: string, file: string): Promise<string | undefined> {
  try {
    const stat = await fs.promises.stat(keyFile);
    if (stat.isDirectory()) return keyFileProblem(keyFile, profile, file, 'EISDIR');
    await fs.promises.access(keyFile, fs.constants.R_OK);
    return undefined;
  } catch (error) {
    return keyFileProblem(keyFile, profile, file, (error as NodeJS.ErrnoException).code);
  }
}
