import { CLOUD_ENGINE_PARTS } from '../clouds/engineParts';
import type { CredentialFormat, CredentialPart } from '../clouds/shared/credentialFormat';
import { CLOUD_IDS, type CloudId, type KeyKind } from '../model/types';

export type { CredentialFormat, CredentialPart };

/** Every cloud's key shapes, as each cloud's folder states them. */
export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = CLOUD_IDS.flatMap((cloud) => CLOUD_ENGINE_PARTS[cloud].credentialFormats);

/** The shapes of one cloud's key kind (optionally one part of it). */
export function formatsFor(cloud: CloudId, kind: KeyKind, part?: CredentialPart): CredentialFormat[] {
  return CREDENTIAL_FORMATS.filter((f) => f.cloud === cloud && f.kind === kind && (part === undefined || f.part === part));
}

/** Whether a value has one of the shapes: its length, and every character in the alphabet. */
export function hasFormat(value: string, format: CredentialFormat): boolean {
  return value.length === format.length && [...value].every((char) => format.alphabet.includes(char));
}
