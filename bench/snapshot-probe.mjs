/**
 * Bench-only, loaded into a live-rig gateway with `SNAP=1` (bench/live-rig.ts): on the parent's `'snapshot:<path>'`
 * message it runs two full GCs and writes a V8 heap snapshot to that path (for Chrome DevTools' Memory tab, or to diff
 * two snapshots: what the gateway holds per subscription), and answers with the path. Plain JavaScript, as
 * memory-probe.mjs is.
 */
import { writeHeapSnapshot } from 'node:v8';

process.on('message', (message) => {
  if (typeof message !== 'string' || !message.startsWith('snapshot:')) return;
  const collect = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  collect?.();
  collect?.();
  process.send?.(writeHeapSnapshot(message.slice('snapshot:'.length)));
});
