/**
 * What a benchmark reports: sections of measured rows, each row a median over repeated samples,
 * with the goal it is held to. `test-results/bench.json` holds one BenchReport; a section written by
 * another process (the real-VS-Code phase, run under the test lock) is read back through the schema.
 */
import { z } from 'zod';

export const GoalSchema = z.object({
  /** What the goal says, in words, e.g. "< 200 KB" or "≤ 1.25× ideal". */
  text: z.string(),
  met: z.boolean(),
  /** How far from the goal, in words, when missed. */
  by: z.string().optional(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const RowSchema = z.object({
  name: z.string(),
  unit: z.string(),
  /** The median of `samples` (or the single value). */
  value: z.number(),
  samples: z.array(z.number()),
  goal: GoalSchema.optional(),
  /** Other figures worth keeping with the row (request counts, CPU time, ratios). */
  extra: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
export type Row = z.infer<typeof RowSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Not measured this run: why (e.g. a slot for a benchmark that does not exist yet). */
  skipped: z.string().optional(),
  rows: z.array(RowSchema),
  notes: z.array(z.string()),
  durationMs: z.number(),
});
export type Section = z.infer<typeof SectionSchema>;

export const MachineSchema = z.object({
  cpu: z.string(),
  cores: z.number(),
  memoryGb: z.number(),
  os: z.string(),
  node: z.string(),
  /** 1-minute load average when the run started and ended: the machine is shared. */
  loadAverage: z.object({ start: z.number(), end: z.number() }),
});
export type Machine = z.infer<typeof MachineSchema>;

export const ReportSchema = z.object({
  command: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Of durationMs, the time spent queued for the shared test lock. */
  lockWaitMs: z.number(),
  machine: MachineSchema,
  sections: z.array(SectionSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** What every `*.bench.ts` module exports, so `run.ts` can run it (the Terraform scanner's slot included). */
export interface BenchModule {
  run(options: BenchOptions): Promise<Section>;
}

export interface BenchOptions {
  /** Repeats for a median; each benchmark has its own default. */
  readonly repeats?: number;
  /** Prints progress lines (never a secret, never a response body). */
  readonly log: (line: string) => void;
}
