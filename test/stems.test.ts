import { describe, expect, it } from 'vitest';
import { stemKinds } from '../src/domain/stems.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, manualClock, sandboxGateway } from './support/helpers.js';

const taskQuery = `query($id: ID!) { task(id: $id) { id kind status clips { id audioUrl } stems { kind name clip { id title audioUrl duration } } } }`;

describe('stems through GraphQL against the sandbox', () => {
  const clock = manualClock();
  const setup = sandboxGateway({}, { taskMs: 20_000, now: clock.now });

  it('splitStemsFull ends SUCCEEDED with exactly 12 stems, one per kind', async () => {
    const submitted = await gql(setup.gw.url, `mutation($c: ID!) { splitStemsFull(clipId: $c) { id kind status } }`, {
      c: demoClip.id,
    });
    expect(submitted.errors).toBeUndefined();
    const task = submitted.data!.splitStemsFull;
    expect(task).toMatchObject({ kind: 'STEMS_FULL', status: 'PENDING' });
    expect(setup.sandbox.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/sonic/stems/full',
      body: { clip_id: demoClip.id },
    });

    const pending = await gql(setup.gw.url, taskQuery, { id: task.id });
    expect(pending.data!.task.status).toBe('PENDING');

    clock.advance(10_000);
    const running = await gql(setup.gw.url, taskQuery, { id: task.id });
    expect(running.data!.task.status).toBe('RUNNING');

    clock.advance(10_000);
    const done = await gql(setup.gw.url, taskQuery, { id: task.id });
    expect(done.errors).toBeUndefined();
    const { status, kind, stems, clips } = done.data!.task;
    expect({ status, kind }).toEqual({ status: 'SUCCEEDED', kind: 'STEMS_FULL' });
    expect(stems).toHaveLength(12);
    expect(clips).toHaveLength(12);
    const kinds = stems.map((s: { kind: string }) => s.kind).sort();
    expect(kinds).toEqual(stemKinds.filter((k) => k !== 'INSTRUMENTAL' && k !== 'OTHER').sort());
    for (const stem of stems) {
      expect(stem.clip.title).toContain(demoClip.title);
      expect(stem.clip.audioUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.wav$/);
      expect(stem.clip.duration).toBeGreaterThan(0);
    }
    const audio = await fetch(stems[0].clip.audioUrl);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(
      Buffer.from(await audio.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');
  });

  it('splitStemsBasic yields vocals and instrumental', async () => {
    const submitted = await gql(setup.gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id kind } }`, { c: demoClip.id });
    const { id, kind } = submitted.data!.splitStemsBasic;
    expect(kind).toBe('STEMS_BASIC');
    expect(setup.sandbox.calls.at(-1)).toMatchObject({ path: '/api/v1/sonic/stems/basic', body: { clip_id: demoClip.id } });
    clock.advance(20_000);
    const done = await gql(setup.gw.url, taskQuery, { id });
    expect(done.data!.task.stems.map((s: { kind: string; name: string }) => [s.kind, s.name])).toEqual([
      ['VOCALS', 'Vocals'],
      ['INSTRUMENTAL', 'Instrumental'],
    ]);
  });

  it('a clip the upstream does not know is NOT_FOUND', async () => {
    const res = await gql(setup.gw.url, `mutation { splitStemsFull(clipId: "0000dead-0000-4000-8000-000000000000") { id } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 400 });
  });

  it('a malformed clip id is refused before any upstream call', async () => {
    const before = setup.sandbox.calls.length;
    const res = await gql(setup.gw.url, `mutation { splitStemsFull(clipId: "../../etc/passwd") { id } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clipId' });
    expect(setup.sandbox.calls.length).toBe(before);
  });
});
