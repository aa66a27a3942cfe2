/**
 * Reading osc-cli / osc-sdk config files (`~/.osc/config.json`, legacy `~/.osc_sdk/config.json`):
 * a JSON object keyed by profile name. A bad file or profile becomes a problem, never an exception.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { DiscoveryProblem } from '../cloudModule';

export const ProfileSchema = z
  .object({
    access_key: z.string().optional(),
    secret_key: z.string().optional(),
    region: z.string().optional(),
    region_name: z.string().optional(),
    host: z.string().optional(),
    https: z.boolean().optional(),
    method: z.string().optional(),
    endpoints: z.record(z.string(), z.string()).optional(),
    client_certificate: z.unknown().optional(),
  })
  .loose();
export type Profile = z.infer<typeof ProfileSchema>;

export interface ConfigFileResult {
  /** Profiles that parsed, in file order. */
  readonly profiles: { readonly name: string; readonly profile: Profile }[];
  readonly problems: DiscoveryProblem[];
  /** False when the file does not exist. */
  readonly exists: boolean;
}

export { configFileCandidates } from './configPaths';

/** Names the fields of a profile that failed, without echoing any value. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`).join('; ');
}

export function readConfigFile(file: string): ConfigFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { profiles: [], problems: [], exists: false };
    return {
      profiles: [],
      problems: [{ source: file, message: `The OUTSCALE config file could not be read (${code ?? 'error'}). Check its permissions.` }],
      exists: true,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      profiles: [],
      problems: [
        {
          source: file,
          message:
            'The OUTSCALE config file is not valid JSON. Fix the syntax (osc-cli expects {"profile": {"access_key": …, "secret_key": …, "region": …}}).',
        },
      ],
      exists: true,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      profiles: [],
      problems: [
        {
          source: file,
          message: 'The OUTSCALE config file must hold a JSON object keyed by profile name, e.g. {"default": {"access_key": …}}.',
        },
      ],
      exists: true,
    };
  }
  const profiles: { name: string; profile: Profile }[] = [];
  const problems: DiscoveryProblem[] = [];
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    const parsed = ProfileSchema.safeParse(value);
    if (!parsed.success) {
      problems.push({ source: `${file}#${name}`, message: `Profile "${name}" is not valid: ${describeIssues(parsed.error)}.` });
      continue;
    }
    profiles.push({ name, profile: parsed.data });
  }
  return { profiles, problems, exists: true };
}
