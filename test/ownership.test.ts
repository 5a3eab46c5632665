/**
 * Users own what they make: with sign-in on, every clip, persona and vox id a user gives must be one the gateway
 * recorded as theirs (the clips of their finished tasks, their uploads, personas and vox ids); anyone else's is
 * NOT_FOUND, with no upstream call and nothing taken from their budget, over HTTP, SSE and graphql-ws alike.
 * CLIP_ACCESS=any keeps the old behaviour, where any id is passed on.
 */
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codes, gql, manualClock, sandboxGateway, type GraphQLResponse } from './support/helpers.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const taskMs = 10_000;
const create = `mutation { createMusic(input: { description: "a song of my own" }) { id } }`;
const readTask = `query($id: ID!) { task(id: $id) { status clips { id } } }`;
const wav = `mutation($c: ID!) { getWav(clipId: $c) { wavUrl } }`;
const midi = `mutation($c: ID!) { getMidi(clipId: $c) { midiUrl } }`;
const stems = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
const extend = `mutation($c: ID!) { extendMusic(input: { clipId: $c, continueAt: 30, description: "more" }) { id } }`;
const persona = `mutation($c: ID!, $v: ID) { createPersona(input: { clipId: $c, name: "my voice", voxAudioId: $v }) { id } }`;
const budget = `{ viewer { budget { remaining } } }`;

/** A signed-in user of one test gateway, who makes a song and works on it. */
function users(setup: ReturnType<typeof sandboxGateway>, clock: ReturnType<typeof manualClock>) {
  return async (sub: string) => {
    const auth = await signedIn(sub);
    const ask = (query: string, variables: Record<string, unknown> = {}) => gql(setup.gw.url, query, variables, auth);
    return {
      auth,
      ask,
      /** A new song, finished, read once (which is when the gateway learns its clips); its clip ids. */
      async song(): Promise<string[]> {
        const id = (await ask(create)).data!.createMusic.id as string;
        clock.advance(taskMs);
        const task = (await ask(readTask, { id })).data!.task;
        expect(task.status).toBe('SUCCEEDED');
        return task.clips.map((c: { id: string }) => c.id);
      },
    };
  };
}

/** One operation over graphql-ws, its first result. */
async function overWebSocket(url: string, authorization: string, query: string, variables: Record<string, unknown>) {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
  });
  try {
    return await new Promise<GraphQLResponse>((resolve, reject) => {
      let first: GraphQLResponse | undefined;
      client.subscribe(
        { query, variables },
        { next: (r) => (first ??= r as GraphQLResponse), error: reject, complete: () => resolve(first ?? {}) },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** One operation over SSE (a POST asking for text/event-stream, as graphql-sse's distinct-connections mode sends it). */
async function overSse(url: string, authorization: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const data = (await res.text()).split('\n').find((line) => line.startsWith('data: {'));
  return JSON.parse(data!.slice('data: '.length)) as GraphQLResponse;
}

describe('with sign-in on (CLIP_ACCESS defaults to owner)', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '1000' }, { taskMs, now: clock.now });
  const user = users(setup, clock);
  const upstreamCalls = () => setup.sandbox.calls.filter((c) => c.method === 'POST').length;

  it("Bob cannot use Alice's clip (from her audio URL) for a WAV, MIDI, stems, an extension or a persona: NOT_FOUND, nothing sent, nothing spent", async () => {
    const [alice, bob] = [await user('alice'), await user('bob')];
    const [aliceClip] = await alice.song();
    await bob.song();
    const bobBudget = (await bob.ask(budget)).data!.viewer.budget.remaining;
    const before = upstreamCalls();
    for (const query of [wav, midi, stems, extend, persona]) {
      const refused = await bob.ask(query, { c: aliceClip });
      expect(codes(refused), query).toEqual(['NOT_FOUND']);
      expect(refused.errors![0]!.message).toBe(`Clip ${aliceClip} was not found.`);
    }
    expect(upstreamCalls()).toBe(before);
    expect((await bob.ask(budget)).data!.viewer.budget.remaining).toBe(bobBudget);
    // Alice can.
    expect((await alice.ask(wav, { c: aliceClip })).data!.getWav.wavUrl).toMatch(/^http/);
    expect((await alice.ask(stems, { c: aliceClip })).data!.splitStemsBasic.id).toBeTruthy();
  });

  it('the same refusal over graphql-ws and over SSE', async () => {
    const [alice, bob] = [await user('alice-live'), await user('bob-live')];
    const [aliceClip] = await alice.song();
    const before = upstreamCalls();
    expect(codes(await overWebSocket(setup.gw.url, bob.auth.authorization, wav, { c: aliceClip }))).toEqual(['NOT_FOUND']);
    expect(codes(await overSse(setup.gw.url, bob.auth.authorization, stems, { c: aliceClip }))).toEqual(['NOT_FOUND']);
    expect(upstreamCalls()).toBe(before);
    const own = await overWebSocket(setup.gw.url, alice.auth.authorization, wav, { c: aliceClip });
    expect(own.data!.getWav.wavUrl).toMatch(/^http/);
  });

  it('every id of a list is checked: a mashup of her clip and his is refused; of his own two it is not', async () => {
    const [alice, bob] = [await user('alice-mash'), await user('bob-mash')];
    const [aliceClip] = await alice.song();
    const [bob1, bob2] = await bob.song();
    const mashup = `mutation($ids: [ID!]!) { mashupMusic(input: { clipIds: $ids, description: "both" }) { id } }`;
    expect(codes(await bob.ask(mashup, { ids: [bob1, aliceClip] }))).toEqual(['NOT_FOUND']);
    const sample = `mutation($c: ID!) { sampleMusic(input: { sampleClipId: $c, sampleStart: 0, sampleEnd: 10, description: "x" }) { id } }`;
    expect(codes(await bob.ask(sample, { c: aliceClip }))).toEqual(['NOT_FOUND']);
    expect((await bob.ask(mashup, { ids: [bob1, bob2] })).errors).toBeUndefined();
  });

  it("an upload, a vox id and a persona are their maker's: another user's are NOT_FOUND", async () => {
    const [alice, bob] = [await user('alice-voice'), await user('bob-voice')];
    const uploaded = (await alice.ask(`mutation { uploadMusic(url: "https://example.com/a.mp3") { clipId } }`)).data!.uploadMusic
      .clipId as string;
    const addVocals = `mutation($c: ID!) { addVocals(input: { clipId: $c, lyrics: "la la" }) { id } }`;
    expect(codes(await bob.ask(addVocals, { c: uploaded }))).toEqual(['NOT_FOUND']);
    expect((await alice.ask(addVocals, { c: uploaded })).errors).toBeUndefined();

    const [aliceClip] = await alice.song();
    const [bobClip] = await bob.song();
    const vox = (await alice.ask(`mutation($c: ID!) { getVox(input: { clipId: $c }) { voxAudioId } }`, { c: aliceClip })).data!.getVox
      .voxAudioId as string;
    const foreignVox = await bob.ask(persona, { c: bobClip, v: vox });
    expect(codes(foreignVox)).toEqual(['NOT_FOUND']);
    expect(foreignVox.errors![0]!.message).toBe(`Vocal sample ${vox} was not found.`);
    const personaId = (await alice.ask(persona, { c: aliceClip, v: vox })).data!.createPersona.id as string;

    const sing = `mutation($p: ID!) { createMusicWithPersona(input: { personaId: $p, description: "a duet" }) { id } }`;
    const foreign = await bob.ask(sing, { p: personaId });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors![0]!.message).toBe(`Persona ${personaId} was not found.`);
    expect((await alice.ask(sing, { p: personaId })).errors).toBeUndefined();
  });

  it("the clips of a finished stems split are its maker's too", async () => {
    const [alice, bob] = [await user('alice-stems'), await user('bob-stems')];
    const [song] = await alice.song();
    const split = (await alice.ask(stems, { c: song })).data!.splitStemsBasic.id as string;
    clock.advance(taskMs);
    const [vocals] = (await alice.ask(readTask, { id: split })).data!.task.clips.map((c: { id: string }) => c.id);
    expect(codes(await bob.ask(midi, { c: vocals }))).toEqual(['NOT_FOUND']);
    expect((await alice.ask(midi, { c: vocals })).data!.getMidi.midiUrl).toMatch(/^http/);
  });
});

describe('with CLIP_ACCESS=any (an app that shares songs on purpose)', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, CLIP_ACCESS: 'any' }, { taskMs, now: clock.now });
  const user = users(setup, clock);

  it("any user may work on any clip, as before: Bob gets Alice's WAV", async () => {
    const [alice, bob] = [await user('alice'), await user('bob')];
    const [aliceClip] = await alice.song();
    expect((await bob.ask(wav, { c: aliceClip })).data!.getWav.wavUrl).toMatch(/^http/);
  });
});
