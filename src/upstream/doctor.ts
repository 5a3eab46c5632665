/**
 * The upstream doctor's checks (`npm run doctor`, src/doctor.ts): with an operator's real key, only free calls, one
 * attempt each: GET /api/v1/get-credits (is the key accepted, is the upstream reachable, how long it takes, does the
 * answer read) and a read of each task id given (GET /api/v1/{family}/task/{id}, which must read too). The brand
 * comes from the host. Each check is a line of the report; the first field the gateway could not read is named, so a
 * changed upstream is found before a paid call meets it.
 */
import type { TaskFamily } from '../domain/kinds.js';
import { taskFamilies } from '../domain/kinds.js';
import { GatewayError } from '../domain/errors.js';
import type { TaskSnapshot } from '../domain/task.js';
import { UpstreamClient } from './client.js';
import { operations } from './operations.js';
import { brandHosts, brandOf } from './prices.js';
import { UnreadableAnswer } from './unreadable.js';

export interface DoctorOptions {
  baseUrl: string;
  apiKey: string;
  /** Task ids to read, each with its family when known (else each family is asked in turn). */
  tasks: { id: string; family?: TaskFamily }[];
  connectTimeoutMs?: number;
  timeoutMs?: number;
  /** OPERATION_COSTS_FILE, when the gateway's prices are the operator's. */
  costsFile?: string | undefined;
}

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DoctorReport {
  checks: DoctorCheck[];
  ok: boolean;
  /** The first answer field the gateway could not read, and the call whose answer it was. */
  unreadable?: { field: string; call: string };
}

/** `sonic:<id>`, `producer:<id>`, `riffusion:<id>`, or a bare id. */
export function parseTaskArg(arg: string): { id: string; family?: TaskFamily } {
  const [head, ...rest] = arg.split(':');
  if (rest.length > 0 && (taskFamilies as readonly string[]).includes(head ?? ''))
    return { id: rest.join(':'), family: head as TaskFamily };
  return { id: arg };
}

function describeTask(family: TaskFamily, task: TaskSnapshot): string {
  const persona = task.persona ? `, persona ${task.persona.id}` : '';
  const error = task.error ? ` (${task.error})` : '';
  return `${family}: ${task.status}, ${task.clips.length} clip(s)${persona}${error}; the answer reads`;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  let unreadable: DoctorReport['unreadable'];
  let lastCall = { path: '', status: null as number | null, durationMs: 0 };
  const client = new UpstreamClient({
    baseUrl: options.baseUrl,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    headersTimeoutMs: options.timeoutMs ?? 30_000,
    bodyTimeoutMs: options.timeoutMs ?? 30_000,
    retry: { maxAttempts: 1 },
    onCall: (call) => (lastCall = { path: call.path, status: call.status, durationMs: call.durationMs }),
    onUnreadable: ({ error }) => (unreadable ??= { field: error.field, call: `GET ${lastCall.path}` }),
  });
  /** `family`: the task family a failed read was of, named first (as a passing read names it). */
  const failed = (name: string, err: unknown, family?: TaskFamily) => {
    const reason =
      err instanceof UnreadableAnswer
        ? `GET ${lastCall.path} answered ${lastCall.status}, but the field ${err.field} cannot be read: ${err.message}`
        : err instanceof GatewayError
          ? `${err.code}${err.details.upstreamStatus ? ` (HTTP ${err.details.upstreamStatus})` : ''}: ${err.message}`
          : String(err);
    checks.push({ name, ok: false, detail: family ? `${family}: ${reason}` : reason });
  };

  const brand = brandOf(options.baseUrl);
  const host = new URL(options.baseUrl).host;
  const whose = host === brandHosts[brand] ? host : `${host} is not a brand's own host:`;
  const own = options.costsFile ? `, with the figures of ${options.costsFile} over them` : '';
  checks.push({ name: 'brand', ok: true, detail: `${whose} the published prices of ${brandHosts[brand]} apply${own}` });

  try {
    const credits = await client.submit(options.apiKey, operations.getCredits, undefined);
    checks.push({
      name: 'key and reachability',
      ok: true,
      detail: `GET /api/v1/get-credits answered ${lastCall.status} in ${Math.round(lastCall.durationMs)} ms: the key is accepted`,
    });
    checks.push({ name: 'credits', ok: true, detail: `${credits.credits} credits and ${credits.extraCredits} extra; the answer reads` });
  } catch (err) {
    failed(err instanceof UnreadableAnswer ? 'credits' : 'key and reachability', err);
  }

  for (const { id, family } of options.tasks) {
    const families = family ? [family] : [...taskFamilies];
    for (const [index, each] of families.entries()) {
      try {
        checks.push({ name: `task ${id}`, ok: true, detail: describeTask(each, await client.getTask(options.apiKey, id, each)) });
        break;
      } catch (err) {
        // A task of unknown family is looked for in the next family while this one does not have it.
        const notFound = err instanceof GatewayError && err.code === 'NOT_FOUND';
        if (!notFound || index === families.length - 1) {
          if (notFound && !family) {
            failed(`task ${id}`, new GatewayError('NOT_FOUND', `no family (${families.join(', ')}) has task ${id} for this key.`));
          } else {
            failed(`task ${id}`, err, each);
          }
          break;
        }
      }
    }
  }
  await client.close();
  return { checks, ok: checks.every((c) => c.ok), ...(unreadable ? { unreadable } : {}) };
}

/** The report as the doctor prints it: one line per check, then a verdict that names the first unreadable field. */
export function formatReport(baseUrl: string, report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = [`aimusic upstream doctor: ${baseUrl}`];
  for (const c of report.checks) lines.push(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
  const failures = report.checks.filter((c) => !c.ok).length;
  if (report.ok) lines.push('doctor: every check passed (free calls only: get-credits and task reads).');
  else if (report.unreadable)
    lines.push(
      `doctor: ${failures} check(s) failed; the first field the gateway could not read: ${report.unreadable.field} (${report.unreadable.call}).`,
    );
  else lines.push(`doctor: ${failures} check(s) failed.`);
  return lines.join('\n');
}
