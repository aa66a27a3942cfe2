// The arguments of commands, parsed: a keybinding, another extension or a script can pass anything.
// Tree nodes are checked for what the commands read of them; options objects are strict, so a
// misspelt or test-only option (`confirmed`: see CommandDriver) is refused by name.
import type * as z from 'zod/mini';
import { type ZodMini, zodRuntime } from '../model/zodRuntime';
import { CloudIdSchema, KeyKindSchema, KeyStateSchema } from '../model/schemas';
import { GraceSchema } from '../operations/rotation/graceSchema';
import { memo } from '../util/memo';
import type { AccountNode, KeyNode, UserNode } from '../views/nodes/treeNodes';

const nodeSchemas = memo(() => {
  const z = zodRuntime();
  const account = z.looseObject({ id: z.string(), label: z.string(), cloud: CloudIdSchema });
  const user = z.looseObject({ id: z.string(), name: z.string() });
  const key = z.looseObject({ id: z.string(), kind: KeyKindSchema, state: KeyStateSchema });
  return {
    anyNode: z.looseObject({ kind: z.string() }),
    account: z.looseObject({ kind: z.literal('account'), account }),
    user: z.looseObject({ kind: z.literal('user'), account, user }),
    key: z.looseObject({ kind: z.literal('key'), account, user, key, secretStored: z.boolean() }),
  };
});

/** A refused argument: says which command, which argument, what was wrong and what it takes. */
export class CommandArgumentError extends Error {
  constructor(command: string, argument: string, problem: string, takes: string) {
    super(`${command}: the ${argument} ${problem}. It takes ${takes}.`);
    this.name = 'CommandArgumentError';
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function issuesOf(error: z.core.$ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the value'}: ${issue.message}`).join('; ');
}

const NODE_TAKES = 'a node of the Cloud Keys tree (an account, a user or a key), or nothing (you pick one)';

/**
 * A command's tree-node argument: an account, user or key node; `undefined` when absent or a node
 * of another kind (the command then asks, as from the Command Palette). Refused when it is not a
 * node of the tree, or is an account, user or key node without what commands read of it.
 */
export function treeNodeArg(command: string, value: unknown): AccountNode | UserNode | KeyNode | undefined {
  if (value === undefined) return undefined;
  const schemas = nodeSchemas();
  const node = schemas.anyNode.safeParse(value);
  if (!node.success)
    throw new CommandArgumentError(command, 'first argument', `is ${describeValue(value)}, not a node of the Cloud Keys tree`, NODE_TAKES);
  const kind = node.data.kind;
  if (kind !== 'account' && kind !== 'user' && kind !== 'key') return undefined;
  const parsed = schemas[kind].safeParse(value);
  if (!parsed.success)
    throw new CommandArgumentError(
      command,
      'first argument',
      `is a "${kind}" node without what the command needs (${issuesOf(parsed.error)})`,
      NODE_TAKES,
    );
  return value as AccountNode | UserNode | KeyNode;
}

/** The key a command acts on, or `undefined` for the command to ask which. */
export function keyNodeArg(command: string, value: unknown): KeyNode | undefined {
  const node = treeNodeArg(command, value);
  return node?.kind === 'key' ? node : undefined;
}

/** The account or user a command starts from, or `undefined` for the command to ask which. */
export function accountOrUserArg(command: string, value: unknown): AccountNode | UserNode | undefined {
  const node = treeNodeArg(command, value);
  return node?.kind === 'account' || node?.kind === 'user' ? node : undefined;
}

/** The account a command acts on, or `undefined` for the command to ask which. */
export function accountNodeArg(command: string, value: unknown): AccountNode | undefined {
  const node = treeNodeArg(command, value);
  return node?.kind === 'account' ? node : undefined;
}

/** An options argument checked against `schema`; absent is `{}`. */
export function optionsArg<S extends z.ZodMiniType>(
  command: string,
  argument: string,
  value: unknown,
  schema: S,
  takes: string,
): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new CommandArgumentError(command, argument, `is not valid (${issuesOf(parsed.error)})`, takes);
  return parsed.data;
}

/** Refuses any argument where a command takes none. */
export function noArg(command: string, argument: string, value: unknown): void {
  if (value !== undefined) throw new CommandArgumentError(command, argument, `was given (${describeValue(value)})`, 'no argument');
}

const isoDate = (z: ZodMini) =>
  z.pipe(
    z.iso.datetime({ offset: true }),
    z.transform((text: string) => new Date(text)),
  );

/** The options of each command that takes some, built on first use. */
export const commandOptions = memo(() => {
  const z = zodRuntime();
  return {
    createKey: {
      schema: z.strictObject({
        kind: z.optional(KeyKindSchema),
        options: z.optional(
          z.strictObject({
            displayName: z.optional(z.string()),
            expiresAt: z.optional(z.union([z.date(), isoDate(z)])),
            publicKeyPem: z.optional(z.string()),
            keyBits: z.optional(z.union([z.literal(2048), z.literal(4096)])),
          }),
        ),
        showDetails: z.optional(z.boolean()),
      }),
      takes: '{ kind?, options?: { displayName?, expiresAt?, publicKeyPem?, keyBits? }, showDetails? }',
    },
    exportKey: {
      schema: z.strictObject({
        format: z.optional(z.enum(['aws-profile', 'dotenv', 'terminal', 'json'])),
        profile: z.optional(z.string()),
        credentialsFile: z.optional(z.string()),
        configFile: z.optional(z.string()),
        file: z.optional(z.string()),
        region: z.optional(z.string()),
        endpointUrl: z.optional(z.string()),
      }),
      takes: '{ format?, profile?, credentialsFile?, configFile?, file?, region?, endpointUrl? }',
    },
    rotate: {
      schema: z.strictObject({
        keyIds: z.optional(z.array(z.string())),
        grace: z.optional(GraceSchema),
        mode: z.optional(z.enum(['replace', 'renew'])),
        makeRoom: z.optional(z.record(z.string(), z.string())),
      }),
      takes: "{ keyIds?, grace?: { kind: 'now' } | { kind: 'later', days }, mode?: 'replace' | 'renew', makeRoom? }",
    },
    resumeRotations: {
      schema: z.strictObject({
        rotationId: z.optional(z.string()),
        action: z.optional(z.enum(['resume', 'rollback', 'delete-now', 'forget'])),
      }),
      takes: "{ rotationId?, action?: 'resume' | 'rollback' | 'delete-now' | 'forget' }",
    },
    saveOciProfile: {
      schema: z.strictObject({ profile: z.optional(z.string()), keyFile: z.optional(z.string()), configFile: z.optional(z.string()) }),
      takes: '{ profile?, keyFile?, configFile? }',
    },
  };
});
