/**
 * `npm run doctor [task id ...]`: checks the upstream with the operator's real key before a paid call does, using only
 * free calls (get-credits, and reads of the task ids given: `<id>` or `<family>:<id>`, family sonic, producer or
 * riffusion). It prints a short report and exits 0 when every check passes, 1 when one fails (naming the first field it
 * could not read), 2 when it cannot run. The checks: src/upstream/doctor.ts. Settings: AIMUSICAPI_API_KEY,
 * AIMUSICAPI_BASE_URL and the upstream timeouts, as the gateway reads them (docs/operating.md, "Upstream doctor").
 */
import { ConfigError, loadConfig } from './config.js';
import { formatReport, parseTaskArg, runDoctor } from './upstream/doctor.js';

const usage = 'usage: npm run doctor -- [<task id> | <sonic|producer|riffusion>:<task id>] ...';

async function doctor(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  if (!process.env.AIMUSICAPI_API_KEY) {
    console.error(
      'AIMUSICAPI_API_KEY is not set: the doctor checks the upstream with your key (set AIMUSICAPI_BASE_URL too for another host).',
    );
    return 2;
  }
  const report = await runDoctor({
    baseUrl: config.upstreamUrl,
    apiKey: process.env.AIMUSICAPI_API_KEY,
    tasks: args.map(parseTaskArg),
    connectTimeoutMs: config.connectTimeoutMs,
    timeoutMs: config.upstreamTimeoutMs,
    costsFile: config.operationCosts.file,
  });
  console.log(formatReport(config.upstreamUrl, report));
  return report.ok ? 0 : 1;
}

doctor().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      err instanceof ConfigError ? err.message : `the doctor could not run: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(2);
  },
);
