/**
 * Runs once before any test file: builds dist/ when it is missing or older than the sources, so that tests which
 * start the gateway as a child process run the compiled `dist/main.js`, as production does (and start in a fraction
 * of the time and CPU that compiling src/ on the fly with tsx takes). One build for all workers: test files never
 * build dist/ themselves, or two of them could replace it under each other's feet.
 */
import { build, isStale } from '../../scripts/build.mjs';

export default function setup(): void {
  if (isStale()) build({ quiet: true });
}
