import * as vscode from 'vscode';
import { lazySchema } from '../../model/lazySchema';
import { CLOUD_IDS, type CloudId } from '../../model/types';

/** `cloudKeys.leaks.*`, read for one file (they are resource-scoped: a workspace may exclude its fixtures). */
export interface LeakSettings {
  readonly enabled: boolean;
  readonly clouds: ReadonlySet<CloudId>;
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
}

const CloudsSchema = lazySchema((z) =>
  z.object({ oci: z.optional(z.boolean()), outscale: z.optional(z.boolean()), ionos: z.optional(z.boolean()) }),
);
const ExcludeSchema = lazySchema((z) => z.array(z.string()));
const SizeSchema = lazySchema((z) => z.int().check(z.minimum(1), z.maximum(65_536)));
const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

/** The settings for `scope` (a file), each falling back to its default when a value is malformed. */
export function leakSettings(scope?: vscode.Uri): LeakSettings {
  const config = vscode.workspace.getConfiguration('cloudKeys.leaks', scope);
  const clouds = CloudsSchema.safeParse(config.get('clouds'));
  const exclude = ExcludeSchema.safeParse(config.get('exclude'));
  const size = SizeSchema.safeParse(config.get('maxFileSizeKb'));
  return {
    enabled: config.get('enabled') !== false,
    clouds: new Set(CLOUD_IDS.filter((c) => !clouds.success || clouds.data[c] !== false)),
    exclude: exclude.success ? exclude.data : DEFAULT_EXCLUDE,
    maxFileBytes: (size.success ? size.data : 1024) * 1024,
  };
}

/** Whether a setting of leak detection changed. */
export function affectsLeakSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('cloudKeys.leaks');
}
