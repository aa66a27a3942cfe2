/**
 * The messages between a Cloud Keys webview and the extension host. Imported by both bundles; every
 * message is parsed with these schemas on arrival, so neither side trusts the other's shape.
 * The webview posts `ready` once its script runs; the host posts nothing before that.
 */
import { z } from 'zod';

export const WebviewToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('cancel') }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHostSchema>;

export const HostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), title: z.string() }),
]);
export type HostToWebview = z.infer<typeof HostToWebviewSchema>;
