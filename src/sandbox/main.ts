/** `npm run sandbox`: the sandbox upstream alone, on SANDBOX_PORT (default 4010), optionally with retired families. */
import { createSandbox } from './server.js';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const taskMs = Number(process.env.SANDBOX_TASK_MS ?? 20_000);
const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isFinite(taskMs) || taskMs < 1) {
  console.error('SANDBOX_PORT must be a port number and SANDBOX_TASK_MS a positive number of milliseconds.');
  process.exit(1);
}
if (!Number.isInteger(latencyMs) || latencyMs < 0) {
  console.error('SANDBOX_LATENCY_MS must be a whole number of milliseconds, 0 or more.');
  process.exit(1);
}
// Path prefixes that answer 410 Gone, as a retired family does, e.g. SANDBOX_RETIRED=/api/v1/riffusion/ (docs/sandbox.md).
const retired = (process.env.SANDBOX_RETIRED ?? '')
  .split(',')
  .map((prefix) => prefix.trim())
  .filter(Boolean);
const sandbox = createSandbox({ taskMs, latencyMs, retired });
const url = await sandbox.listen(port, process.env.SANDBOX_HOST ?? '127.0.0.1');
console.log(`Sandbox upstream listening at ${url} (tasks finish in ${taskMs / 1000} s). Any bearer token is accepted.`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
