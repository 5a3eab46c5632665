/**
 * Benchmark 1: task reads through the gateway against the hand-written proxy (bench/proxy.ts), side by side in one
 * run, on the same standalone sandbox: throughput, latency, and CPU per request of each (read from /proc), plus the
 * task reads the sandbox received while the gateway was measured (counted inside the sandbox process by
 * bench/request-counter.ts). The measured time is cut into rounds that alternate between the two (proxy, gateway,
 * gateway, proxy, ...): on a shared machine whose speed drifts (other work, the host), a drift then weighs on both
 * sides alike instead of on whichever happened to run during it.
 */
import { request } from 'undici';
import { mergeLoads, runLoad, type LoadRequest, type LoadResult } from './load.js';
import { benchKey } from './overhead.js';
import { startGatewayProcess, startProxyProcess, startSandboxProcess, type Child } from './processes.js';

export interface ReadsScenario {
  /** SUCCEEDED tasks (the sandbox finishes them at once) or RUNNING ones (they never finish during the run). */
  finished: boolean;
  connections: number;
  /** Each connection reads its own task, or all read one. */
  taskPerConnection: boolean;
  /** SANDBOX_LATENCY_MS: added by the sandbox before every answer. */
  latencyMs: number;
  durationMs: number;
  /** Gateway settings besides the bench's own (e.g. TASK_READ_MAX_AGE_MS). */
  env?: Record<string, string>;
}

export interface SideResult extends LoadResult {
  /** CPU time of the proxy or gateway process over the measured run. */
  cpuMs: number;
  cpuUsPerRequest: number;
}

export interface ReadsResult {
  scenario: ReadsScenario;
  proxy: SideResult;
  gateway: SideResult;
  /** Task reads the sandbox received while the gateway was measured (after its warm-up). */
  gatewayUpstreamReads: number;
  /** The distinct tasks read. */
  tasks: number;
  /** The same while the proxy was measured. */
  proxyUpstreamReads: number;
  sandboxCpuMsPerGatewayRequest: number;
}

/** A task per connection, made through the gateway's own mutation (so that its registry knows each one). */
async function createTasks(gatewayUrl: string, count: number): Promise<string[]> {
  const create = async (i: number) => {
    const res = await request(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($d: String!) { createMusic(input: { description: $d }) { id } }',
        variables: { d: `bench read ${i}` },
      }),
    });
    const body = (await res.body.json()) as { data?: { createMusic: { id: string } }; errors?: unknown };
    if (!body.data) throw new Error(`createMusic failed: ${JSON.stringify(body.errors)}`);
    return body.data.createMusic.id;
  };
  return Promise.all(Array.from({ length: count }, (_, i) => create(i)));
}

/** Rounds per side: the measured time of each side is cut into this many runs, alternating with the other side's. */
export const rounds = 6;

interface Round {
  load: LoadResult;
  cpuMs: number;
  /** Task reads the sandbox received during the round. */
  reads: number;
  sandboxCpuMs: number;
}

async function round(
  child: Child,
  sandbox: Child,
  load: (c: number) => LoadRequest,
  s: ReadsScenario,
  reads: () => Promise<number>,
): Promise<Round> {
  const [cpuBefore, sandboxBefore, readsBefore] = [child.cpuMs(), sandbox.cpuMs(), await reads()];
  const result = await runLoad(child.url, load, s.connections, s.durationMs / rounds);
  return {
    load: result,
    cpuMs: child.cpuMs() - cpuBefore,
    reads: (await reads()) - readsBefore,
    sandboxCpuMs: sandbox.cpuMs() - sandboxBefore,
  };
}

function side(runs: readonly Round[]): SideResult {
  const load = mergeLoads(runs.map((r) => r.load));
  const cpuMs = runs.reduce((n, r) => n + r.cpuMs, 0);
  return { ...load, cpuMs, cpuUsPerRequest: (cpuMs * 1000) / load.requests };
}

export async function benchReads(scenario: ReadsScenario): Promise<ReadsResult> {
  const sandbox = await startSandboxProcess(
    { SANDBOX_TASK_MS: scenario.finished ? '1' : String(24 * 3600_000), SANDBOX_LATENCY_MS: String(scenario.latencyMs) },
    { ipc: true, nodeArgs: ['--import', './bench/request-counter.ts'] },
  );
  const children: Child[] = [sandbox];
  try {
    const gateway = await startGatewayProcess(sandbox.url, benchKey, scenario.env);
    children.push(gateway);
    const proxy = await startProxyProcess(sandbox.url);
    children.push(proxy);
    const tasks = await createTasks(gateway.url, scenario.taskPerConnection ? scenario.connections : 1);
    const taskOf = (c: number) => tasks[scenario.taskPerConnection ? c : 0] as string;
    const viaProxy = (c: number): LoadRequest => ({
      method: 'GET',
      path: `/task/${taskOf(c)}`,
      headers: { authorization: `Bearer ${benchKey}` },
    });
    const viaGateway = (c: number): LoadRequest => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { task(id: $id) { status clips { id audioUrl } } }', variables: { id: taskOf(c) } }),
    });
    const reads = () => sandbox.ask<number>('task-reads');
    // Warm both (JIT, keep-alive sockets; the gateway's first read of each finished task), then measure. 5 s: V8 is
    // still optimizing the gateway's hot code well after 2 s (with the window off, 352 functions optimized and 36
    // deoptimized in the 4 s after a 2 s warm-up; 20 and none after 5 s: --trace-opt --trace-deopt).
    const warmUpMs = Math.min(5000, scenario.durationMs);
    await runLoad(proxy.url, viaProxy, scenario.connections, warmUpMs);
    await runLoad(gateway.url, viaGateway, scenario.connections, warmUpMs);
    const proxyRounds: Round[] = [];
    const gatewayRounds: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      // ABBA: each side goes first as often as the other.
      const order = i % 2 === 0 ? (['proxy', 'gateway'] as const) : (['gateway', 'proxy'] as const);
      for (const which of order) {
        if (which === 'proxy') proxyRounds.push(await round(proxy, sandbox, viaProxy, scenario, reads));
        else gatewayRounds.push(await round(gateway, sandbox, viaGateway, scenario, reads));
      }
    }
    const proxyResult = side(proxyRounds);
    const gatewayResult = side(gatewayRounds);
    const sum = (runs: Round[], of: (r: Round) => number) => runs.reduce((n, r) => n + of(r), 0);
    return {
      scenario,
      proxy: proxyResult,
      gateway: gatewayResult,
      proxyUpstreamReads: sum(proxyRounds, (r) => r.reads),
      gatewayUpstreamReads: sum(gatewayRounds, (r) => r.reads),
      tasks: tasks.length,
      sandboxCpuMsPerGatewayRequest: sum(gatewayRounds, (r) => r.sandboxCpuMs) / gatewayResult.requests,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}
