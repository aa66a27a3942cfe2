/**
 * The messages between a Cloud Keys webview and the extension host. Imported by both bundles; every
 * message is parsed with these schemas on arrival, so neither side trusts the other's shape.
 * The webview posts `ready` once its script runs (and again whenever it is shown after being
 * hidden); the host posts nothing before that.
 *
 * Only `secret` carries a secret, and only in answer to the user pressing Reveal.
 */
import type * as z from 'zod/mini';
import { CloudIdSchema, KeyKindSchema, KeyStateSchema } from '../model/schemas';
import { lazySchema } from '../model/lazySchema';
import { GraceSchema } from '../operations/rotation/graceSchema';

/** Which page a panel shows; the HTML names it in `<body data-panel>`. */
export const PanelKindSchema = lazySchema((z) => z.enum(['create-key', 'overview', 'details', 'rotate']));
export type PanelKind = z.infer<typeof PanelKindSchema>;

const IsoDate = lazySchema((z) => z.iso.datetime({ offset: true }));
const Id = lazySchema((z) => z.string().check(z.minLength(1), z.maxLength(2048)));
const Text = lazySchema((z) => z.string().check(z.maxLength(4096)));

/** A key as a page sees it: never a secret, dates as ISO strings. */
export const KeyViewSchema = lazySchema((z) =>
  z.object({
    id: Id,
    accountId: Id,
    userId: Id,
    kind: KeyKindSchema,
    kindName: Text,
    state: KeyStateSchema,
    displayName: z.optional(Text),
    createdAt: z.optional(IsoDate),
    expiresAt: z.optional(IsoDate),
    lastUsedAt: z.optional(IsoDate),
    fingerprint: z.optional(Text),
  }),
);
export type KeyView = z.infer<typeof KeyViewSchema>;

/** Names one key across accounts, for messages that act on it. */
export const KeyAddressSchema = lazySchema((z) => z.object({ accountId: Id, userId: Id, kind: KeyKindSchema, keyId: Id }));
export type { KeyAddress } from '../model/types';

// ---- Create Key ---------------------------------------------------------------------------------

export const KindChoiceSchema = lazySchema((z) =>
  z.object({
    kind: KeyKindSchema,
    name: Text,
    maxKeysPerUser: z.int().check(z.minimum(0)),
    /** The label of the name field ("Display name", "Tag"); absent when this kind has no name. */
    nameLabel: z.optional(Text),
    canExpire: z.boolean(),
    /** True for OCI API signing keys: generate a pair or paste a public key. */
    takesPublicKey: z.boolean(),
  }),
);
export type KindChoice = z.infer<typeof KindChoiceSchema>;

export const AccountChoiceSchema = lazySchema((z) =>
  z.object({
    id: Id,
    label: Text,
    cloud: CloudIdSchema,
    cloudName: Text,
    kinds: z.array(KindChoiceSchema),
  }),
);
export type AccountChoice = z.infer<typeof AccountChoiceSchema>;

export const UserChoiceSchema = lazySchema((z) => z.object({ id: Id, name: Text, detail: Text, isCaller: z.boolean() }));
export type UserChoice = z.infer<typeof UserChoiceSchema>;

export const KeySourceSchema = lazySchema((z) =>
  z.discriminatedUnion('source', [
    z.object({ source: z.literal('generate'), bits: z.union([z.literal(2048), z.literal(4096)]) }),
    z.object({ source: z.literal('paste'), pem: z.string().check(z.maxLength(20_000)) }),
  ]),
);

export const CreateKeyFormSchema = lazySchema((z) =>
  z.object({
    accountId: z.string().check(z.maxLength(2048)),
    userId: z.string().check(z.maxLength(2048)),
    kind: KeyKindSchema,
    displayName: z.optional(z.string().check(z.maxLength(255))),
    /** YYYY-MM-DD as the date picker gives it, or empty for no expiry. */
    expiresOn: z.optional(z.string().check(z.maxLength(40))),
    keySource: z.optional(KeySourceSchema),
  }),
);
export type CreateKeyForm = z.infer<typeof CreateKeyFormSchema>;

/** The fields of the Create Key form, for errors shown next to them. */
export const FormFieldSchema = lazySchema((z) => z.enum(['accountId', 'userId', 'kind', 'displayName', 'expiresOn', 'pem', 'form']));
export type FormField = z.infer<typeof FormFieldSchema>;

// ---- Overview -----------------------------------------------------------------------------------

export const AgeStatusSchema = lazySchema((z) => z.enum(['ok', 'old', 'expiring', 'expired', 'inactive', 'unknown']));
export type AgeStatus = z.infer<typeof AgeStatusSchema>;

export const KeyRowSchema = lazySchema((z) =>
  z.object({
    cloud: CloudIdSchema,
    cloudName: Text,
    accountId: Id,
    account: Text,
    userId: Id,
    user: Text,
    keyId: Id,
    kind: KeyKindSchema,
    name: Text,
    state: KeyStateSchema,
    ageDays: z.nullable(z.int()),
    createdAt: Text,
    expiresAt: Text,
    status: AgeStatusSchema,
  }),
);
export type KeyRow = z.infer<typeof KeyRowSchema>;

export const SortColumnSchema = lazySchema((z) => z.enum(['cloud', 'account', 'user', 'name', 'state', 'ageDays', 'expiresAt', 'status']));
export type SortColumn = z.infer<typeof SortColumnSchema>;

export const TableViewSchema = lazySchema((z) =>
  z.object({
    text: z.string().check(z.maxLength(200)),
    status: z.union([AgeStatusSchema, z.literal('all')]),
    sortBy: SortColumnSchema,
    descending: z.boolean(),
  }),
);
export type TableView = z.infer<typeof TableViewSchema>;

export const PolicySchema = lazySchema((z) =>
  z.object({ maxAgeDays: z.int().check(z.positive()), expiryWarningDays: z.int().check(z.minimum(0)) }),
);

// ---- Key details --------------------------------------------------------------------------------

export const DetailActionSchema = lazySchema((z) =>
  z.enum(['copyId', 'copySecret', 'activate', 'deactivate', 'rename', 'setExpiry', 'rotate', 'delete', 'refresh']),
);
export type DetailAction = z.infer<typeof DetailActionSchema>;

export const DetailsSchema = lazySchema((z) =>
  z.object({
    key: KeyViewSchema,
    cloudName: Text,
    account: Text,
    user: Text,
    /** Label/value pairs in display order: every attribute the cloud gave. */
    attributes: z.array(z.tuple([Text, Text])),
    secret: z.enum(['stored', 'readable-from-cloud', 'not-available']),
    health: z.object({ status: AgeStatusSchema, summary: Text, ageDays: z.nullable(z.int()), maxAgeDays: z.int() }),
    actions: z.array(DetailActionSchema),
  }),
);
export type Details = z.infer<typeof DetailsSchema>;

// ---- Rotate -------------------------------------------------------------------------------------

export { GraceSchema } from '../operations/rotation/graceSchema';
export type Grace = z.infer<typeof GraceSchema>;

export const RotationStepSchema = lazySchema((z) =>
  z.enum(['preflight', 'make-room', 'create', 'verify', 'update-exports', 'deactivate-old', 'delete-old', 'rollback']),
);
export const StepPhaseSchema = lazySchema((z) => z.enum(['started', 'finished', 'skipped', 'failed']));

/** One key's rotation as the plan shows it: its steps in order, and what each creates, changes or deletes. */
export const PlanItemSchema = lazySchema((z) =>
  z.object({
    rotationId: Id,
    oldKeyId: Id,
    oldKey: Text,
    steps: z.array(z.object({ step: RotationStepSchema, label: Text, detail: Text })),
    creates: Text,
    deactivates: z.optional(Text),
    deletes: Text,
    makeRoom: z.optional(Text),
    exports: z.array(Text),
    notes: z.array(Text),
  }),
);
export type PlanItem = z.infer<typeof PlanItemSchema>;

/** A key at the per-user limit: the keys the user may delete first to make room, safest first, and the one chosen (none until the user picks). */
export const RoomChoiceSchema = lazySchema((z) =>
  z.object({
    keyId: Id,
    key: Text,
    used: z.int(),
    limit: z.int(),
    chosen: z.optional(Id),
    candidates: z.array(
      z.object({
        keyId: Id,
        choice: z.enum(['inactive', 'rotated-key', 'other-active']),
        /** The key, its state, age and known uses. */
        summary: Text,
        /** What stops working if it is deleted. */
        stops: Text,
      }),
    ),
  }),
);
export type RoomChoice = z.infer<typeof RoomChoiceSchema>;

/** The user's choice of a key to delete first, for one key to rotate. */
export const MakeRoomSchema = lazySchema((z) => z.object({ keyId: Id, deleteKeyId: Id }));
export type MakeRoom = z.infer<typeof MakeRoomSchema>;

export const RotateOutcomeItemSchema = lazySchema((z) =>
  z.object({
    rotationId: Id,
    oldKeyId: Id,
    /** The key that replaced the old one, for a link to its details. */
    newKey: z.optional(KeyAddressSchema),
    status: z.enum(['done', 'waiting-delete', 'failed', 'cancelled', 'not-started', 'rolled-back']),
    /** What changed, or where it stopped and what to do, in a sentence; never a secret. */
    summary: Text,
  }),
);
export type RotateOutcomeItem = z.infer<typeof RotateOutcomeItemSchema>;

// ---- the two directions -------------------------------------------------------------------------

export const WebviewToHostSchema = lazySchema((z) =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }),
    z.object({ type: z.literal('cancel') }),
    /** The page saw its CSP refuse something; the host logs it. */
    z.object({ type: z.literal('csp-violation'), directive: Text, blocked: Text }),
    /** The page dropped a message from the host that did not match the protocol; the host logs it. */
    z.object({ type: z.literal('page-dropped'), messageType: Text }),
    z.object({ type: z.literal('reveal-secret'), key: KeyAddressSchema }),
    z.object({ type: z.literal('copy-secret'), key: KeyAddressSchema }),
    z.object({ type: z.literal('copy-id'), key: KeyAddressSchema }),
    z.object({ type: z.literal('open-details'), key: KeyAddressSchema }),
    z.object({ type: z.literal('create/account'), accountId: Id }),
    z.object({ type: z.literal('create/user'), accountId: Id, userId: Id, kind: KeyKindSchema }),
    z.object({ type: z.literal('create/check-public-key'), pem: z.string().check(z.maxLength(20_000)), requestId: z.int() }),
    z.object({ type: z.literal('create/submit'), form: CreateKeyFormSchema }),
    z.object({ type: z.literal('create/again') }),
    z.object({ type: z.literal('overview/reload') }),
    z.object({ type: z.literal('overview/export'), format: z.enum(['csv', 'markdown']), view: TableViewSchema }),
    z.object({ type: z.literal('details/action'), action: DetailActionSchema }),
    /** The Create Key result's follow-ups, for the key just created. */
    z.object({ type: z.literal('create/export') }),
    z.object({ type: z.literal('create/terraform') }),
    /** The keys and grace period changed: the host plans again. */
    z.object({
      type: z.literal('rotate/choose'),
      keyIds: z.array(Id).check(z.maxLength(50)),
      grace: GraceSchema,
      makeRoom: z.optional(z.array(MakeRoomSchema).check(z.maxLength(50))),
    }),
    /** Run the plan the page shows (the host refuses a plan it no longer holds). */
    z.object({ type: z.literal('rotate/start'), planId: Id }),
    z.object({ type: z.literal('rotate/resume') }),
  ]),
);
export type WebviewToHost = z.infer<typeof WebviewToHostSchema>;

export const HostToWebviewSchema = lazySchema((z) =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('init'), title: z.string() }),
    /** Something the user should read, at the top of the page; `field` puts it next to a form field. */
    z.object({ type: z.literal('error'), message: Text, field: z.optional(FormFieldSchema) }),
    z.object({ type: z.literal('busy'), label: z.optional(Text), cancellable: z.boolean() }),
    z.object({ type: z.literal('idle') }),
    /** The one secret-bearing message, sent only when the user pressed Reveal. */
    z.object({ type: z.literal('secret'), keyId: Id, value: z.string().check(z.maxLength(20_000)) }),
    z.object({ type: z.literal('notice'), message: Text }),
    z.object({
      type: z.literal('create/accounts'),
      accounts: z.array(AccountChoiceSchema),
      today: z.string(),
      selected: z.optional(z.object({ accountId: Id, userId: z.optional(Id) })),
    }),
    z.object({ type: z.literal('create/users'), accountId: Id, users: z.array(UserChoiceSchema), selectedUserId: z.optional(Id) }),
    z.object({ type: z.literal('create/slots'), accountId: Id, userId: Id, kind: KeyKindSchema, used: z.int(), max: z.int() }),
    z.object({ type: z.literal('create/public-key'), requestId: z.int(), ok: z.boolean(), message: Text }),
    z.object({ type: z.literal('create/field-errors'), errors: z.array(z.object({ field: FormFieldSchema, message: Text })) }),
    z.object({
      type: z.literal('create/created'),
      key: KeyViewSchema,
      account: Text,
      user: Text,
      cloudName: Text,
      /** The cloud returned a secret (or a generated private key), and it is in SecretStorage. */
      secretStored: z.boolean(),
      secretLabel: Text,
      /** The follow-up buttons this key gets: an export (access keys with a stored secret), Terraform (kinds it can manage). */
      followUps: z.optional(z.array(z.enum(['export', 'terraform']))),
    }),
    z.object({ type: z.literal('overview/progress'), done: z.int(), total: z.int(), label: Text }),
    z.object({
      type: z.literal('overview/data'),
      rows: z.array(KeyRowSchema),
      policy: PolicySchema,
      problems: z.array(Text),
      cancelled: z.boolean(),
    }),
    z.object({ type: z.literal('details/data'), details: DetailsSchema }),
    z.object({
      type: z.literal('rotate/setup'),
      account: Text,
      cloudName: Text,
      user: Text,
      keys: z.array(KeyViewSchema),
      selected: z.array(Id),
      grace: GraceSchema,
    }),
    z.object({
      type: z.literal('rotate/plan'),
      planId: Id,
      items: z.array(PlanItemSchema),
      blocked: z.array(z.object({ keyId: Id, reason: Text })),
      /** Keys at the per-user limit: a required choice of the key to delete first (a key without a choice is not in `items`). */
      room: z.array(RoomChoiceSchema),
    }),
    z.object({
      type: z.literal('rotate/step'),
      rotationId: Id,
      step: RotationStepSchema,
      phase: StepPhaseSchema,
      detail: z.optional(Text),
    }),
    z.object({ type: z.literal('rotate/outcome'), items: z.array(RotateOutcomeItemSchema), summary: Text }),
  ]),
);
export type HostToWebview = z.infer<typeof HostToWebviewSchema>;
