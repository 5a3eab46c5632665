import { describe, expect, it } from 'vitest';
import { gql, keyB, manualClock, sandboxGateway } from './support/helpers.js';

const create = `mutation($input: CreateMusicInput!) { createMusic(input: $input) { id kind status clips { id } } }`;

describe('createMusic', () => {
  const clock = manualClock();
  const setup = sandboxGateway({}, { taskMs: 20_000, now: clock.now });

  it('custom mode: submits once, returns a PENDING task, which later lists two clips', async () => {
    const input = { customMode: true, title: 'Neon Rivers', tags: 'synthwave', lyrics: '[Verse]\nNeon rivers', model: 'SONIC_V5' };
    const before = setup.sandbox.calls.length;
    const res = await gql(setup.gw.url, create, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createMusic).toMatchObject({ kind: 'CREATE_MUSIC', status: 'PENDING', clips: [] });
    expect(setup.sandbox.calls.slice(before)).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/sonic/create',
        body: {
          task_type: 'create_music',
          custom_mode: true,
          mv: 'sonic-v5',
          prompt: '[Verse]\nNeon rivers',
          title: 'Neon Rivers',
          tags: 'synthwave',
          make_instrumental: false,
          use_suno_cdn: false,
        },
      }),
    ]);

    clock.advance(20_000);
    const read = await gql(
      setup.gw.url,
      `query($id: ID!) { task(id: $id) { kind status clips { title status audioUrl lyrics model } stems { kind } } }`,
      {
        id: res.data!.createMusic.id,
      },
    );
    const task = read.data!.task;
    expect(task).toMatchObject({ kind: 'CREATE_MUSIC', status: 'SUCCEEDED', stems: [] });
    expect(task.clips).toHaveLength(2);
    expect(task.clips[0]).toMatchObject({ title: 'Neon Rivers', status: 'SUCCEEDED', lyrics: '[Verse]\nNeon rivers', model: 'sonic-v5' });
  });

  it('description mode with defaults', async () => {
    const res = await gql(setup.gw.url, create, { input: { description: 'lofi beats to study to', instrumental: true } });
    expect(res.errors).toBeUndefined();
    expect(setup.sandbox.calls.at(-1)!.body).toEqual({
      task_type: 'create_music',
      custom_mode: false,
      mv: 'sonic-v4-5',
      gpt_description_prompt: 'lofi beats to study to',
      make_instrumental: true,
      use_suno_cdn: false,
    });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['description missing in description mode', {}, 'input.description'],
    ['lyrics missing in custom mode', { customMode: true, title: 't', tags: 'pop' }, 'input.lyrics'],
    ['lyrics in description mode', { description: 'd', lyrics: 'x' }, 'input.lyrics'],
    ['description in custom mode', { customMode: true, lyrics: 'x', description: 'd' }, 'input.description'],
    ['title over 80', { customMode: true, lyrics: 'x', title: 't'.repeat(81) }, 'input.title'],
    ['description over 400', { description: 'd'.repeat(401) }, 'input.description'],
    ['lyrics over 3000 on SONIC_V4', { customMode: true, lyrics: 'l'.repeat(3001), model: 'SONIC_V4' }, 'input.lyrics'],
    ['lyrics over 5000 on SONIC_V5', { customMode: true, lyrics: 'l'.repeat(5001), model: 'SONIC_V5' }, 'input.lyrics'],
    ['tags over 200 on SONIC_V3_5', { description: 'd', tags: 't'.repeat(201), model: 'SONIC_V3_5' }, 'input.tags'],
    ['tags over 1000 on SONIC_V4_5', { description: 'd', tags: 't'.repeat(1001) }, 'input.tags'],
    ['vocal gender on SONIC_V4', { description: 'd', vocalGender: 'MALE', model: 'SONIC_V4' }, 'input.vocalGender'],
    ['style weight above 1', { description: 'd', styleWeight: 1.01 }, 'input.styleWeight'],
    ['weirdness below 0', { description: 'd', weirdness: -0.01 }, 'input.weirdness'],
  ];

  it.each(invalid)('refuses %s with BAD_USER_INPUT and no upstream call', async (_name, input, field) => {
    const before = setup.sandbox.calls.length;
    const res = await gql(setup.gw.url, create, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toContain(field);
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it('accepts 3,001-character lyrics on SONIC_V4_5 (limits are per model)', async () => {
    const res = await gql(setup.gw.url, create, { input: { customMode: true, lyrics: 'l'.repeat(3001) } });
    expect(res.errors).toBeUndefined();
  });

  it('an unknown enum value is a GraphQL validation error with no upstream call', async () => {
    const before = setup.sandbox.calls.length;
    const res = await gql(setup.gw.url, create, { input: { description: 'd', model: 'SONIC_V9' } });
    expect(res.errors?.[0]?.message).toMatch(/SONIC_V9/);
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it('uses the client key when sent, and another key cannot read the task', async () => {
    const res = await gql(setup.gw.url, create, { input: { description: 'mine' } }, { authorization: `Bearer ${keyB}` });
    expect(setup.sandbox.calls.at(-1)!.apiKey).toBe(keyB);
    const id = res.data!.createMusic.id;
    const before = setup.sandbox.calls.length;
    const other = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { id } }`, { id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(setup.sandbox.calls.length).toBe(before); // the registry knows the owner; no upstream read was needed
    const own = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { id } }`, { id }, { authorization: `Bearer ${keyB}` });
    expect(own.data!.task.id).toBe(id);
  });

  it('a task the upstream accepted is returned even when the gateway cannot record it', async () => {
    const { registry } = setup.gw.services;
    const remember = registry.remember;
    registry.remember = async () => {
      throw new Error('registry down');
    };
    try {
      const before = setup.sandbox.calls.length;
      const res = await gql(setup.gw.url, create, { input: { description: 'paid for, so not an error' } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.createMusic).toMatchObject({ kind: 'CREATE_MUSIC', status: 'PENDING' });
      expect(setup.sandbox.calls.length).toBe(before + 1);
    } finally {
      registry.remember = remember;
    }
  });

  it('a malformed Authorization header is UNAUTHENTICATED with no upstream call', async () => {
    const before = setup.sandbox.calls.length;
    const res = await gql(setup.gw.url, create, { input: { description: 'd' } }, { authorization: 'Token abc' });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(setup.sandbox.calls.length).toBe(before);
  });
});
