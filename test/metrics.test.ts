import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/upstream/sandbox/store.js';
import { gql, sandboxGateway } from './helpers.js';

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
