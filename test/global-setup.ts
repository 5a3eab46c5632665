/**
 * Before any test: compile dist/ when it is missing or older than the sources, as `npm start` does. The process
 * tests (restart.test.ts and others) run the compiled gateway and sandbox as child processes, as production does.
 */
import { build, isStale } from '../scripts/build.mjs';

export default function setup(): void {
  if (isStale()) build({ quiet: true });
}
