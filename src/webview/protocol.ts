/**
 * The messages between a Cloud Keys webview and the extension host. Imported by both bundles; every
 * message is parsed with these schemas on arrival, so neither side trusts the other's shape.
 * The webview posts `ready` once its script runs (and again whenever it is shown after being
 * hidden); the host posts nothing before that.
 *
 * Only `secret` carries a secret, and only in answer to the user pressing Reveal.
 */
import { z } from 'zod';

/** Which page a panel shows; the HTML names it in `<body data-panel>`. */
export const PanelKindSchema = z.enum(['create-key', 'overview', 'details']);
export type PanelKind = z.infer<typeof PanelKindSchema>;

const CloudIdSchema = z.enum(['oci', 'outscale', 'ionos']);
const KeyKindSchema = z.enum(['access-key', 'api-signing-key']);
const KeyStateSchema = z.enum(['active', 'inactive', 'creating', 'deleting', 'unknown']);
const IsoDate = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(2048);
const Text = z.string().max(4096);

/** A key as a page sees it: never a secret, dates as ISO strings. */
export const KeyViewSchema = z.object({
  id: Id,
  accountId: Id,
  userId: Id,
  kind: KeyKindSchema,
  kindName: Text,
  state: KeyStateSchema,
  displayName: Text.optional(),
  createdAt: IsoDate.optional(),
  expiresAt: IsoDate.optional(),
  lastUsedAt: IsoDate.optional(),
  fingerprint: Text.optional(),
});
export type KeyView = z.infer<typeof KeyViewSchema>;

/** Names one key across accounts, for messages that act on it. */
export const KeyRefSchema = z.object({ accountId: Id, userId: Id, kind: KeyKindSchema, keyId: Id });
export type KeyRef = z.infer<typeof KeyRefSchema>;

// ---- Create Key ---------------------------------------------------------------------------------

export const KindChoiceSchema = z.object({
  kind: KeyKindSchema,
  name: Text,
  maxKeysPerUser: z.number().int().nonnegative(),
  /** The label of the name field ("Display name", "Tag"); absent when this kind has no name. */
  nameLabel: Text.optional(),
  canExpire: z.boolean(),
  /** True for OCI API signing keys: generate a pair or paste a public key. */
  takesPublicKey: z.boolean(),
});
export type KindChoice = z.infer<typeof KindChoiceSchema>;

export const AccountChoiceSchema = z.object({
  id: Id,
  label: Text,
  cloud: CloudIdSchema,
  cloudName: Text,
  kinds: z.array(KindChoiceSchema),
});
export type AccountChoice = z.infer<typeof AccountChoiceSchema>;

export const UserChoiceSchema = z.object({ id: Id, name: Text, detail: Text, isCaller: z.boolean() });
export type UserChoice = z.infer<typeof UserChoiceSchema>;

export const KeySourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('generate'), bits: z.union([z.literal(2048), z.literal(4096)]) }),
  z.object({ source: z.literal('paste'), pem: z.string().max(20_000) }),
]);

export const CreateKeyFormSchema = z.object({
  accountId: z.string().max(2048),
  userId: z.string().max(2048),
  kind: KeyKindSchema,
  displayName: z.string().max(255).optional(),
  /** YYYY-MM-DD as the date picker gives it, or empty for no expiry. */
  expiresOn: z.string().max(40).optional(),
  keySource: KeySourceSchema.optional(),
});
export type CreateKeyForm = z.infer<typeof CreateKeyFormSchema>;

/** The fields of the Create Key form, for errors shown next to them. */
export const FormFieldSchema = z.enum(['accountId', 'userId', 'kind', 'displayName', 'expiresOn', 'pem', 'form']);
export type FormField = z.infer<typeof FormFieldSchema>;

// ---- Overview -----------------------------------------------------------------------------------

export const AgeStatusSchema = z.enum(['ok', 'old', 'expiring', 'expired', 'inactive', 'unknown']);
export type AgeStatus = z.infer<typeof AgeStatusSchema>;

export const KeyRowSchema = z.object({
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
  ageDays: z.number().int().nullable(),
  createdAt: Text,
  expiresAt: Text,
  status: AgeStatusSchema,
});
export type KeyRow = z.infer<typeof KeyRowSchema>;

export const SortColumnSchema = z.enum(['cloud', 'account', 'user', 'name', 'state', 'ageDays', 'expiresAt', 'status']);
export type SortColumn = z.infer<typeof SortColumnSchema>;

export const TableViewSchema = z.object({
  text: z.string().max(200),
  status: z.union([AgeStatusSchema, z.literal('all')]),
  sortBy: SortColumnSchema,
  descending: z.boolean(),
});
export type TableView = z.infer<typeof TableViewSchema>;

export const PolicySchema = z.object({ maxAgeDays: z.number().int().positive(), expiryWarningDays: z.number().int().nonnegative() });

// ---- Key details --------------------------------------------------------------------------------

export const DetailActionSchema = z.enum(['copyId', 'copySecret', 'activate', 'deactivate', 'rename', 'setExpiry', 'delete', 'refresh']);
export type DetailAction = z.infer<typeof DetailActionSchema>;

export const DetailsSchema = z.object({
  key: KeyViewSchema,
  cloudName: Text,
  account: Text,
  user: Text,
  /** Label/value pairs in display order: every attribute the cloud gave. */
  attributes: z.array(z.tuple([Text, Text])),
  secret: z.enum(['stored', 'readable-from-cloud', 'not-available']),
  health: z.object({ status: AgeStatusSchema, summary: Text, ageDays: z.number().int().nullable(), maxAgeDays: z.number().int() }),
  actions: z.array(DetailActionSchema),
});
export type Details = z.infer<typeof DetailsSchema>;

// ---- the two directions -------------------------------------------------------------------------

export const WebviewToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('cancel') }),
  /** The page saw its CSP refuse something; the host logs it. */
  z.object({ type: z.literal('csp-violation'), directive: Text, blocked: Text }),
  /** The page dropped a message from the host that did not match the protocol; the host logs it. */
  z.object({ type: z.literal('page-dropped'), messageType: Text }),
  z.object({ type: z.literal('reveal-secret'), key: KeyRefSchema }),
  z.object({ type: z.literal('copy-secret'), key: KeyRefSchema }),
  z.object({ type: z.literal('copy-id'), key: KeyRefSchema }),
  z.object({ type: z.literal('open-details'), key: KeyRefSchema }),
  z.object({ type: z.literal('create/account'), accountId: Id }),
  z.object({ type: z.literal('create/user'), accountId: Id, userId: Id, kind: KeyKindSchema }),
  z.object({ type: z.literal('create/check-public-key'), pem: z.string().max(20_000), requestId: z.number().int() }),
  z.object({ type: z.literal('create/submit'), form: CreateKeyFormSchema }),
  z.object({ type: z.literal('create/again') }),
  z.object({ type: z.literal('overview/reload') }),
  z.object({ type: z.literal('overview/export'), format: z.enum(['csv', 'markdown']), view: TableViewSchema }),
  z.object({ type: z.literal('details/action'), action: DetailActionSchema }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHostSchema>;

export const HostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), title: z.string() }),
  /** Something the user should read, at the top of the page; `field` puts it next to a form field. */
  z.object({ type: z.literal('error'), message: Text, field: FormFieldSchema.optional() }),
  z.object({ type: z.literal('busy'), label: Text.optional(), cancellable: z.boolean() }),
  z.object({ type: z.literal('idle') }),
  /** The one secret-bearing message, sent only when the user pressed Reveal. */
  z.object({ type: z.literal('secret'), keyId: Id, value: z.string().max(20_000) }),
  z.object({ type: z.literal('notice'), message: Text }),
  z.object({ type: z.literal('create/accounts'), accounts: z.array(AccountChoiceSchema), today: z.string(), selected: z.object({ accountId: Id, userId: Id.optional() }).optional() }),
  z.object({ type: z.literal('create/users'), accountId: Id, users: z.array(UserChoiceSchema), selectedUserId: Id.optional() }),
  z.object({ type: z.literal('create/slots'), accountId: Id, userId: Id, kind: KeyKindSchema, used: z.number().int(), max: z.number().int() }),
  z.object({ type: z.literal('create/public-key'), requestId: z.number().int(), ok: z.boolean(), message: Text }),
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
  }),
  z.object({ type: z.literal('overview/progress'), done: z.number().int(), total: z.number().int(), label: Text }),
  z.object({
    type: z.literal('overview/data'),
    rows: z.array(KeyRowSchema),
    policy: PolicySchema,
    problems: z.array(Text),
    cancelled: z.boolean(),
  }),
  z.object({ type: z.literal('details/data'), details: DetailsSchema }),
]);
export type HostToWebview = z.infer<typeof HostToWebviewSchema>;
