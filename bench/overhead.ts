/**
 * Benchmark 2: a task read through the gateway vs the same upstream GET sent directly with undici, both against
 * the standalone sandbox, at the same concurrency. The tasks are running (a finished one would come from the
 * gateway's cache), so every gateway request is a read.
 */
import { request } from 'undici';
import { runLoad, type LoadResult } from './load.js';
import { startGatewayProcess, startSandboxProcess } from './processes.js';

export interface OverheadResult {
  direct: LoadResult;
  gateway: LoadResult;
  connections: number;
  durationMs: number;
}

export const benchKey = 'bench-key-0123456789';

export async function seedTask(sandboxUrl: string, kind: 'create' | 'stems' = 'create'): Promise<string> {
  const body =
    kind === 'create'
      ? { task_type: 'create_music', custom_mode: false, mv: 'sonic-v4-5', gpt_description_prompt: 'bench song' }
      : { clip_id: '5a4d8b0c-0000-4000-8000-000000000001' };
  const res = await request(`${sandboxUrl}/api/v1/sonic/${kind === 'create' ? 'create' : 'stems/full'}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${benchKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.body.json()) as { task_id: string }).task_id;
}

/**
 * `sameTask`: every connection reads one task, as the benchmark asks (overlapping reads then share upstream
 * calls); otherwise each connection reads its own task, so every gateway request costs one upstream read.
 */
export async function benchOverhead(connections: number, durationMs: number, sameTask = true): Promise<OverheadResult> {
  const sandbox = await startSandboxProcess({ SANDBOX_TASK_MS: String(24 * 3600_000) });
  const gateway = await startGatewayProcess(sandbox.url, benchKey);
  try {
    const tasks = await Promise.all(Array.from({ length: sameTask ? 1 : connections }, () => seedTask(sandbox.url)));
    const taskOf = (connection: number) => tasks[sameTask ? 0 : connection] as string;
    const direct = (c: number) => ({
      method: 'GET' as const,
      path: `/api/v1/sonic/task/${taskOf(c)}`,
      headers: { authorization: `Bearer ${benchKey}` },
    });
    const viaGateway = (c: number) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query($id: ID!) { task(id: $id) { status clips { id audioUrl } } }`, variables: { id: taskOf(c) } }),
    });
    // Warm both paths (JIT, keep-alive sockets), then measure.
    await runLoad(sandbox.url, direct, connections, Math.min(2000, durationMs));
    await runLoad(gateway.url, viaGateway, connections, Math.min(2000, durationMs));
    const directResult = await runLoad(sandbox.url, direct, connections, durationMs);
    const gatewayResult = await runLoad(gateway.url, viaGateway, connections, durationMs);
    return { direct: directResult, gateway: gatewayResult, connections, durationMs };
  } finally {
    await gateway.stop();
    await sandbox.stop();
  }
}
