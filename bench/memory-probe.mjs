/**
 * Bench-only, loaded into a gateway child with `node --expose-gc --import ./bench/memory-probe.mjs`: on the
 * parent's `'memory'` message it runs full garbage collections and answers with `process.memoryUsage()` and the
 * CPU time used so far (a ProbeAnswer, bench/live-rig.ts); on `'cpu'`, with the CPU time alone (no GC). The gateway's
 * own code is untouched. Plain JavaScript, so that the child runs without tsx: tsx turns source maps on, and the
 * first stack trace formatted would then parse a bundle's source map into the heap being measured.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const collect = /** @type {{ gc?: () => void }} */ (globalThis).gc;

process.on('message', (message) => {
  if (message === 'cpu') return void process.send?.(process.cpuUsage());
  if (message !== 'memory') return;
  void (async () => {
    if (!collect) throw new Error('memory-probe needs --expose-gc');
    // Twice, with a turn of the event loop between, so that what the first pass freed (weak refs, finalizers) goes too.
    collect();
    await sleep(50);
    collect();
    process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
  })();
});
