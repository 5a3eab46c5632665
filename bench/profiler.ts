/**
 * Bench-only, loaded into a child with `--import ./bench/profiler.ts`: CPU profiles of a measured stretch only
 * (without start-up and warm-up), through node's inspector. On the parent's `'profile-start'` message it starts the
 * profiler; on `'profile-stop'` it writes the profile (a .cpuprofile file, for Chrome DevTools or `npm run bench --
 * --profile`) to the directory in `BENCH_PROFILE_DIR` and answers with its path.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const session = new Session();
session.connect();

process.on('message', (message) => {
  if (message === 'profile-start') {
    void session
      .post('Profiler.enable')
      .then(() => session.post('Profiler.setSamplingInterval', { interval: 100 }))
      .then(() => session.post('Profiler.start'))
      .then(() => process.send?.('profiling'));
  } else if (message === 'profile-stop') {
    void session.post('Profiler.stop').then(({ profile }) => {
      const path = join(process.env.BENCH_PROFILE_DIR ?? '.', `${process.pid}-${Date.now()}.cpuprofile`);
      writeFileSync(path, JSON.stringify(profile));
      process.send?.(path);
    });
  }
});
