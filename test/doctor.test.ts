/**
 * The upstream doctor (`npm run doctor`): as an operator runs it, a process of its own (dist/doctor.js, and through
 * scripts/start.mjs as the npm script does), against the sandbox and against fake upstreams on 127.0.0.1 that answer
 * as documented, with a malformed answer, or refuse the key; its other checks in this process (the same runDoctor and
 * formatReport). It makes only free calls (GETs), prints a report, and exits non-zero naming the first field it could
 * not read.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/sandbox/index.js';
import { getCreditsAnswer, errorHandlingRows, producerTaskSucceeded, sonicTaskAnswerPartial } from './cases/upstream-examples.js';
import { json, manualClock, startFakeUpstream, startSandbox, type FakeUpstream } from './support/helpers.js';
import { formatReport, parseTaskArg, runDoctor as runChecks } from '../src/upstream/doctor.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const doctorKey = 'doctor-key-0123456789';

/** Runs the doctor (dist/doctor.js, or through scripts/start.mjs as `npm run doctor` does) and waits for its exit. */
async function runDoctor(env: Record<string, string>, args: string[] = [], viaNpmScript = false) {
  const entry = viaNpmScript ? ['scripts/start.mjs', 'dist/doctor.js'] : ['dist/doctor.js'];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const [code] = await once(child, 'exit');
  return { code: code as number, out };
}

describe('npm run doctor against the sandbox', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(1000, clock.now);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  async function submit(path: string, body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${doctorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { task_id: string }).task_id;
  }

  it('checks the key, reachability, latency, the brand, the credits answer and each task read, with GETs only', async () => {
    const song = await submit('/api/v1/sonic/create', {
      task_type: 'create_music',
      custom_mode: false,
      mv: 'sonic-v4-5',
      gpt_description_prompt: 'calm',
    });
    const producer = await submit('/api/v1/producer/create', { task_type: 'create_music', sound: 'ambient piano' });
    clock.advance(1000);
    const before = sandbox.calls.length;
    const { code, out } = await runDoctor({ AIMUSICAPI_API_KEY: doctorKey, AIMUSICAPI_BASE_URL: sandbox.url }, [
      song,
      `producer:${producer}`,
    ]);
    expect(out).toMatch(/ok\s+brand\s+127\.0\.0\.1:\d+ is not a brand's own host: the published prices of api\.aimusicapi\.ai apply/);
    expect(out).toMatch(/ok\s+key and reachability\s+GET \/api\/v1\/get-credits answered 200 in \d+ ms/);
    expect(out).toMatch(/ok\s+credits\s+\d+ credits and 0 extra/);
    expect(out).toContain(`task ${song}`);
    expect(out).toMatch(/sonic: SUCCEEDED, 2 clip\(s\)/);
    expect(out).toMatch(/producer: SUCCEEDED, 1 clip\(s\)/);
    expect(out).toContain('every check passed');
    expect(code).toBe(0);
    const calls = sandbox.calls.slice(before);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((c) => c.method === 'GET' && c.apiKey === doctorKey)).toBe(true);
  });

  it('runs as the npm script, with a task of unknown family looked for in each family', async () => {
    const producer = await submit('/api/v1/producer/create', { task_type: 'create_music', sound: 'rain' });
    clock.advance(1000);
    const { code, out } = await runDoctor({ AIMUSICAPI_API_KEY: doctorKey, AIMUSICAPI_BASE_URL: sandbox.url }, [producer], true);
    expect(out).toMatch(/producer: SUCCEEDED/);
    expect(code).toBe(0);
  });

  it('a task id no family has fails the run', async () => {
    const report = await runChecks({ baseUrl: sandbox.url, apiKey: doctorKey, tasks: [parseTaskArg('no-such-task')] });
    expect(report.ok).toBe(false);
    expect(formatReport(sandbox.url, report)).toMatch(/FAIL\s+task no-such-task\s+NOT_FOUND: no family \(sonic, producer, riffusion\)/);
  });
});

describe('the doctor against a fake upstream', () => {
  let fake: FakeUpstream;
  /** What the fake answers: set per test. */
  let credits: { status: number; body: unknown } = { status: 200, body: getCreditsAnswer };
  let task: unknown = sonicTaskAnswerPartial;
  beforeAll(async () => {
    fake = await startFakeUpstream((req, res) => {
      if (req.url === '/api/v1/get-credits') return json(res, credits.status, credits.body);
      if (req.url?.startsWith('/api/v1/producer/')) return json(res, 200, producerTaskSucceeded);
      json(res, 200, task);
    });
  });
  afterAll(async () => {
    await fake.close();
  });
  /** The checks in this process (runDoctor and formatReport are what dist/doctor.js runs and prints). */
  const check = async (tasks: string[] = [], baseUrl = fake.url) => {
    const report = await runChecks({ baseUrl, apiKey: doctorKey, tasks: tasks.map(parseTaskArg) });
    return { ok: report.ok, out: formatReport(baseUrl, report) };
  };

  it('reads the documented answers (get-credits, a Sonic and a Producer task) with GETs only', async () => {
    credits = { status: 200, body: getCreditsAnswer };
    task = sonicTaskAnswerPartial;
    const { ok, out } = await check(['sonic:t-1', 'producer:t-2']);
    expect(out).toContain(`${getCreditsAnswer.credits} credits and ${getCreditsAnswer.extra_credits} extra`);
    expect(out).toMatch(/task t-2\s+producer: SUCCEEDED, 1 clip\(s\)/);
    expect(ok).toBe(true);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('a malformed credits answer fails, naming the field', async () => {
    credits = { status: 200, body: { credit: 50, extra_credits: 0 } };
    const { ok, out } = await check();
    expect(out).toMatch(/FAIL\s+credits\s+GET \/api\/v1\/get-credits answered 200, but the field credits cannot be read/);
    expect(out).toContain('the first field the gateway could not read: credits (GET /api/v1/get-credits)');
    expect(ok).toBe(false);
  });

  it('a refused key fails, saying so', async () => {
    const [status, message] = errorHandlingRows.find(([s]) => s === 401)!;
    credits = { status, body: { code: status, message } };
    const { ok, out } = await check();
    expect(out).toMatch(/FAIL\s+key and reachability\s+UNAUTHENTICATED \(HTTP 401\)/);
    expect(ok).toBe(false);
  });

  it('an upstream that cannot be reached fails', async () => {
    const { ok, out } = await check([], 'http://127.0.0.1:1');
    expect(out).toMatch(/FAIL\s+key and reachability\s+UPSTREAM_UNAVAILABLE/);
    expect(ok).toBe(false);
  });

  it('as a process: a task answer whose clip has no state exits 1, naming data[].state', async () => {
    credits = { status: 200, body: getCreditsAnswer };
    const { state: _dropped, ...clip } = sonicTaskAnswerPartial.data[0];
    task = { ...sonicTaskAnswerPartial, data: [clip] };
    const { code, out } = await runDoctor({ AIMUSICAPI_API_KEY: doctorKey, AIMUSICAPI_BASE_URL: fake.url }, ['sonic:t-3']);
    expect(out).toContain('the first field the gateway could not read: data[].state (GET /api/v1/sonic/task/t-3)');
    expect(code).toBe(1);
  });
});

describe('the doctor without a key', () => {
  it('does not run: exit 2, saying why', async () => {
    const { code, out } = await runDoctor({ AIMUSICAPI_BASE_URL: 'http://127.0.0.1:1' });
    expect(out).toContain('AIMUSICAPI_API_KEY is not set');
    expect(code).toBe(2);
  });
});
