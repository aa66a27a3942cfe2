/** The benchmark's side of `emulatorHost.ts`: fork it, start the emulators, read call counts, set faults. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Fault } from '../../emulators/shared/faults';
import { HostReplySchema, type EmulatorEndpoint, type HostReply, type HostRequest } from './emulatorHost';
export type { EmulatorEndpoint };

export interface EmulatorFleet {
  readonly clouds: readonly EmulatorEndpoint[];
  /** Requests each emulator has answered so far (faulted ones included), by cloud. */
  calls(): Promise<{ counts: Record<string, number>; cpuMs: number }>;
  /** Replaces the faults of every emulator. */
  setFaults(faults: readonly Fault[]): Promise<void>;
  stop(): Promise<void>;
}

function ask(child: ChildProcess, request: HostRequest, expect: HostReply['type']): Promise<HostReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const reply = HostReplySchema.safeParse(raw);
      if (!reply.success) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (reply.data.type === 'failed') reject(new Error(`emulator host: ${reply.data.message}`));
      else if (reply.data.type !== expect) reject(new Error(`emulator host answered ${reply.data.type}, not ${expect}`));
      else resolve(reply.data);
    };
    const onExit = (code: number | null) => reject(new Error(`the emulator host exited (${code}) before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

async function control(url: string, method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
  const res = await fetch(`${url}/__emulator/faults`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${url}/__emulator/faults → HTTP ${res.status}: ${await res.text()}`);
}

/** Starts the emulators in a child process, each seeded with the demo data plus `generatedUsers` users. */
export async function startEmulatorFleet(home: string, generatedUsers: number): Promise<EmulatorFleet> {
  const child = fork(path.join(__dirname, 'emulatorHost.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let started: HostReply;
  try {
    started = await ask(child, { type: 'start', home, generatedUsers }, 'started');
  } catch (error) {
    child.kill();
    throw error;
  }
  const clouds = started.type === 'started' ? started.clouds : [];
  return {
    clouds,
    async calls() {
      const reply = await ask(child, { type: 'calls' }, 'calls');
      return reply.type === 'calls' ? { counts: reply.counts, cpuMs: reply.cpuMs } : { counts: {}, cpuMs: 0 };
    },
    async setFaults(faults) {
      for (const cloud of clouds) {
        await control(cloud.url, 'DELETE');
        for (const fault of faults) await control(cloud.url, 'POST', fault);
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies HostRequest);
      await exited;
    },
  };
}
