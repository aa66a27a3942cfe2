/** Describes the machine a benchmark ran on (figures from a shared 2-core VM are not those of a laptop). */
import os from 'node:os';
import type { Machine } from './results';

export function loadAverage(): number {
  return Number(os.loadavg()[0].toFixed(2));
}

export function describeMachine(startLoad: number): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { start: startLoad, end: loadAverage() },
  };
}
