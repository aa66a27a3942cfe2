/**
 * A child process that runs the three cloud emulators for a benchmark, so that the emulators' work
 * (signature checks, JSON) does not share the measured process's event loop, as a real cloud would
 * not. Started with `fork(…, { execArgv: ['--import', 'tsx'] })`; speaks over the IPC channel only
 * (credentials never go to stdout):
 *   ← { type: 'start', home, generatedUsers }   → { type: 'started', clouds: EmulatorEndpoint[] }
 *   ← { type: 'calls' }                          → { type: 'calls', counts: { oci, outscale, ionos } }
 *   ← { type: 'stop' }                           → exits
 * Faults (latency, a share of 429s) are set through each emulator's own control API.
 */
import { z } from 'zod';
import { startIonosEmulator, writeDemoConfig as writeIonosConfig } from '../../emulators/ionos';
import { startOciEmulator, writeDemoConfig as writeOciConfig } from '../../emulators/oci';
import { startOutscaleEmulator, writeDemoConfig as writeOutscaleConfig } from '../../emulators/outscale';
import type { RunningEmulator } from '../../emulators/shared/httpServer';
import type { CloudId } from '../../../src/model/types';
import path from 'node:path';

export const HostRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), home: z.string(), generatedUsers: z.number().int().nonnegative() }),
  z.object({ type: z.literal('calls') }),
  z.object({ type: z.literal('stop') }),
]);
export type HostRequest = z.infer<typeof HostRequestSchema>;

export const EmulatorEndpointSchema = z.object({
  cloud: z.enum(['oci', 'outscale', 'ionos']),
  url: z.string(),
  /** Environment and `cloudKeys.*` settings that make discovery find the emulator's demo account. */
  env: z.record(z.string(), z.string()),
  settings: z.record(z.string(), z.string()),
});
export type EmulatorEndpoint = z.infer<typeof EmulatorEndpointSchema>;

export const HostReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), clouds: z.array(EmulatorEndpointSchema) }),
  /** `cpuMs`: the host's CPU time so far, to tell when the emulators, not the client, set the pace. */
  z.object({ type: z.literal('calls'), counts: z.record(z.string(), z.number()), cpuMs: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type HostReply = z.infer<typeof HostReplySchema>;

/** Starts the three emulators on the 'demo' seed plus `generatedUsers` users, with config under `home`. */
export async function startBenchEmulators(
  home: string,
  generatedUsers: number,
): Promise<{ running: Map<CloudId, RunningEmulator>; clouds: EmulatorEndpoint[] }> {
  const running = new Map<CloudId, RunningEmulator>();
  const clouds: EmulatorEndpoint[] = [];
  const oci = await startOciEmulator({ seed: 'demo', generatedUsers });
  running.set('oci', oci);
  clouds.push({ cloud: 'oci', url: oci.url, ...writeOciConfig(path.join(home, 'oci'), oci) });
  const outscale = await startOutscaleEmulator({ seed: 'demo', generatedUsers });
  running.set('outscale', outscale);
  clouds.push({ cloud: 'outscale', url: outscale.url, ...writeOutscaleConfig(path.join(home, 'outscale'), outscale) });
  const ionos = await startIonosEmulator({ seed: 'demo', generatedUsers });
  running.set('ionos', ionos);
  clouds.push({ cloud: 'ionos', url: ionos.url, ...writeIonosConfig(path.join(home, 'ionos'), ionos) });
  return { running, clouds };
}

if (require.main === module && process.send) {
  let running: Map<CloudId, RunningEmulator> | undefined;
  const reply = (message: HostReply) => process.send?.(message);
  process.on('message', (raw) => {
    const parsed = HostRequestSchema.safeParse(raw);
    if (!parsed.success) return reply({ type: 'failed', message: `unknown request: ${parsed.error.message}` });
    const request = parsed.data;
    if (request.type === 'start') {
      startBenchEmulators(request.home, request.generatedUsers).then(
        (started) => {
          running = started.running;
          reply({ type: 'started', clouds: started.clouds });
        },
        (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    } else if (request.type === 'calls') {
      const counts = Object.fromEntries([...(running ?? new Map<CloudId, RunningEmulator>())].map(([cloud, e]) => [cloud, e.calls.length]));
      const cpu = process.cpuUsage();
      reply({ type: 'calls', counts, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else {
      void Promise.all([...(running?.values() ?? [])].map((e) => e.close())).then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
