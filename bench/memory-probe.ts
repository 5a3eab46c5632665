/**
 * Bench-only, loaded into a gateway child with `node --expose-gc --import ./bench/memory-probe.ts`: on the
 * parent's `'memory'` message it runs full garbage collections and answers with `process.memoryUsage()` and the
 * CPU time used so far; on `'cpu'`, with the CPU time alone (no GC). The gateway's own code is untouched.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProbeAnswer {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message) => {
  if (message === 'cpu') return void process.send?.(process.cpuUsage());
  if (message !== 'memory') return;
  void (async () => {
    if (!collect) throw new Error('memory-probe needs --expose-gc');
    // Twice, with a turn of the event loop between, so that what the first pass freed (weak refs, finalizers) goes too.
    collect();
    await sleep(50);
    collect();
    const answer: ProbeAnswer = { memory: process.memoryUsage(), cpu: process.cpuUsage() };
    process.send?.(answer);
  })();
});
