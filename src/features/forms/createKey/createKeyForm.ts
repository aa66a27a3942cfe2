import type { CreateKeyOptions } from '../../../clouds/provider';
import { checkUploadablePublicKey } from '../../../clouds/oci/publicKey';
import { parseExpiryInput } from '../../../operations/expiryInput';
import type { CloudUser } from '../../../model/types';
import type { AccountChoice, CreateKeyForm, FormField, KindChoice } from '../../../webview/protocol';

export type PublicKeyCheck = { ok: true; message: string } | { ok: false; message: string };

/** Live validation of a pasted public key, in the words the form shows under the field. */
export function checkPublicKey(pem: string): PublicKeyCheck {
  if (!pem.trim()) return { ok: false, message: 'Paste the public key to upload, or choose to generate a key pair.' };
  try {
    const checked = checkUploadablePublicKey(pem);
    return { ok: true, message: `RSA public key, ${checked.bits} bits, fingerprint ${checked.fingerprint}` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export interface FieldError {
  readonly field: FormField;
  readonly message: string;
}

export type CheckedForm =
  { ok: true; account: AccountChoice; kind: KindChoice; user: CloudUser; options: CreateKeyOptions } | { ok: false; errors: FieldError[] };

/**
 * Checks a submitted Create Key form against what the host knows (the accounts, the users it
 * listed, each kind's capabilities) and turns it into adapter options. The page checks the same
 * things first; this is the check that counts.
 */
export function checkCreateForm(
  form: CreateKeyForm,
  accounts: readonly AccountChoice[],
  usersOf: (accountId: string) => readonly CloudUser[] | undefined,
  now: number,
): CheckedForm {
  const errors: FieldError[] = [];
  const account = accounts.find((a) => a.id === form.accountId);
  if (!account) return { ok: false, errors: [{ field: 'accountId', message: 'Choose an account from the list.' }] };
  const user = usersOf(account.id)?.find((u) => u.id === form.userId);
  if (!user)
    errors.push({
      field: 'userId',
      message: form.userId ? 'That user is not in this account any more. Choose a user from the list.' : 'Choose the user the key is for.',
    });
  const kind = account.kinds.find((k) => k.kind === form.kind);
  if (!kind)
    return {
      ok: false,
      errors: [...errors, { field: 'kind', message: `${account.cloudName} does not offer this kind of key. Choose one from the list.` }],
    };

  const options: { -readonly [K in keyof CreateKeyOptions]: CreateKeyOptions[K] } = {};
  const name = form.displayName?.trim();
  if (name) {
    if (!kind.nameLabel) errors.push({ field: 'displayName', message: 'Keys of this kind have no name.' });
    else options.displayName = name;
  }
  if (form.expiresOn?.trim()) {
    if (!kind.canExpire)
      errors.push({ field: 'expiresOn', message: `${account.cloudName} keys of this kind cannot expire. Leave the date empty.` });
    else {
      const parsed = parseExpiryInput(form.expiresOn, now);
      if (!parsed.ok) errors.push({ field: 'expiresOn', message: parsed.message });
      else if (parsed.date) options.expiresAt = parsed.date;
    }
  }
  if (kind.takesPublicKey) {
    const source = form.keySource;
    if (!source) errors.push({ field: 'pem', message: 'Choose to generate a key pair or paste a public key.' });
    else if (source.source === 'generate') options.keyBits = source.bits;
    else {
      const checked = checkPublicKey(source.pem);
      if (!checked.ok) errors.push({ field: 'pem', message: checked.message });
      else options.publicKeyPem = source.pem.trim();
    }
  } else if (form.keySource) {
    errors.push({ field: 'pem', message: 'Only API signing keys take a public key.' });
  }
  if (errors.length > 0 || !user) return { ok: false, errors };
  return { ok: true, account, kind, user, options };
}
