import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway, startGateway, startSandbox } from './support/helpers.js';
import { subscribeSse, subscribeWs } from './support/live.js';
import { gatewayProcesses } from './support/processes.js';
import { testJwtSecret } from './support/tokens.js';

function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('/metrics', () => {
  const setup = sandboxGateway();

  it('counts operations, errors by code and upstream calls with their latency', async () => {
    const split = await gql(setup.gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id });
    await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { status } }`, { id: split.data!.splitStemsBasic.id });
    await gql(setup.gw.url, `{ task(id: "bad id") { id } }`);
    await gql(setup.gw.url, `{ nope }`);

    const res = await fetch(`${setup.gw.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'aimusic_graphql_requests_total', 'operation="mutation"')).toBe(1);
    expect(sample(text, 'aimusic_graphql_requests_total', 'operation="query"')).toBe(2);
    expect(sample(text, 'aimusic_graphql_errors_total', 'code="BAD_USER_INPUT"')).toBe(1);
    expect(sample(text, 'aimusic_graphql_errors_total', 'code="GRAPHQL_VALIDATION_FAILED"')).toBe(1);
    expect(sample(text, 'aimusic_upstream_requests_total', 'method="POST",route="/api/v1/sonic/stems/basic",outcome="ok"')).toBe(1);
    expect(sample(text, 'aimusic_upstream_requests_total', 'method="GET",route="/api/v1/sonic/task/:id",outcome="ok"')).toBe(1);
    expect(sample(text, 'aimusic_upstream_request_duration_seconds_count', 'method="GET",route="/api/v1/sonic/task/:id"')).toBe(1);
    expect(text).toContain('aimusic_process_cpu_seconds_total');
  });
});

describe('/metrics for live updates', () => {
  it('gauges open subscriptions and watched tasks, back to 0 when the task ends', async () => {
    const clock = manualClock();
    const sandbox = await startSandbox(400, clock.now);
    const gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: '50' });
    const gauges = async () => {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      const value = (name: string) =>
        Number(
          text
            .split('\n')
            .find((l) => l.startsWith(`${name} `))
            ?.split(' ')[1],
        );
      return { subscriptions: value('aimusic_graphql_active_subscriptions'), watched: value('aimusic_live_watched_tasks') };
    };
    try {
      const split = await gql(gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id });
      const id = split.data!.splitStemsBasic.id;
      const subs = [subscribeWs(gw.url, id, keyA), subscribeSse(gw.url, id, keyA)];
      await Promise.all(subs.map((s) => s.until((x) => x.results.length > 0)));
      expect(await gauges()).toEqual({ subscriptions: 2, watched: 1 });
      clock.advance(400);
      await Promise.all(subs.map((s) => s.until((x) => x.completed)));
      await expect.poll(gauges).toEqual({ subscriptions: 0, watched: 0 });
      await Promise.all(subs.map((s) => s.close()));
    } finally {
      await gw.close();
      await sandbox.close();
    }
  });
});

describe('/metrics kept off the public', () => {
  const token = 'metrics-token-0123456789';
  const withToken = sandboxGateway({ METRICS_TOKEN: token });
  const ownPort = sandboxGateway({ METRICS_PORT: '0', METRICS_TOKEN: token });

  it('METRICS_TOKEN: without the bearer token, 401 UNAUTHENTICATED; with it, the metrics', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-000000000', token]) {
      const res = await fetch(`${withToken.gw.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const res = await fetch(`${withToken.gw.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('aimusic_graphql_requests_total');
  });

  it('METRICS_PORT: served on that port only; the public one answers 404 with a code', async () => {
    const onPublic = await fetch(`${ownPort.gw.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(onPublic.status).toBe(404);
    expect((await onPublic.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    const { port } = ownPort.gw.gateway.metricsServer!.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('aimusic_graphql_requests_total');
    expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
  });
});

describe('/metrics with sign-in on', { timeout: 60_000 }, () => {
  const start = gatewayProcesses({ AUTH_JWT_SECRET: testJwtSecret });

  it('is not served on the public port (404) without METRICS_TOKEN or METRICS_PORT, and the start-up log says how to enable it', async () => {
    const child = await start({});
    const res = await fetch(`${child.url}/metrics`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    // The log reaches this process through a pipe, maybe after /health answered: waited for, not read once.
    await expect
      .poll(() => child.output())
      .toContain('/metrics is not served: sign-in is on, and neither METRICS_TOKEN nor METRICS_PORT is set.');
  });
});

describe('/metrics with sign-in on and METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789';
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, METRICS_TOKEN: token });

  it('is served on the public port, to the token only', async () => {
    expect((await fetch(`${setup.gw.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${setup.gw.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('aimusic_graphql_requests_total');
  });
});
