/**
 * `npm test`: the type check (`tsc --noEmit`) and the test suite (`vitest run`, with any arguments given) side by
 * side instead of one after the other. The type check is a dozen CPU-seconds that used to hold up every test; the
 * suite spends much of its time waiting on sockets and child processes, which leaves room for it. tsc's report is
 * printed after vitest's, and the exit code fails if either failed.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const typecheck = spawn(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
let report = '';
typecheck.stdout.setEncoding('utf8').on('data', (chunk) => (report += chunk));
typecheck.stderr.setEncoding('utf8').on('data', (chunk) => (report += chunk));
const exited = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

const tests = spawn(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
const [testsCode, typecheckCode] = await Promise.all([exited(tests), exited(typecheck)]);
if (typecheckCode !== 0) {
  process.stdout.write(`\n${report}`);
  console.error(`Type check failed (tsc --noEmit, exit ${typecheckCode}).`);
}
process.exit(testsCode || typecheckCode);
