/**
 * One test per mutation, from the case tables in test/cases: through GraphQL over HTTP against the sandbox, the
 * right path and body reach the upstream (webhook fields exactly where the docs show them), the documented price is
 * charged, the answer maps into the schema, and bad input is refused with no upstream call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { seed } from '../src/sandbox/route-kit.js';
import type { Sandbox } from '../src/sandbox/index.js';
import { answerCases } from './cases/answers.js';
import { producerCases } from './cases/producer.js';
import { sonicTaskCases } from './cases/sonic-tasks.js';
import { riffusionCases } from './cases/riffusion.js';
import { documentedPrices, webhookEndpoints } from './cases/documented.js';
import { demo, describedSong, type Fixtures, type OperationCase, type Vars } from './cases/types.js';
import { gql, keyA, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { freePort } from './support/ports.js';

const taskMs = 20_000;

/** Requests the gateway lets through that only the upstream can refuse: one call, and the upstream's verdict. */
const upstreamRefusals: { name: string; field: string; variables: (fx: Fixtures) => Vars; code: string }[] = [
  {
    name: 'continueAt past the end of the clip',
    field: 'extendMusic',
    variables: () => ({ input: { clipId: demo, continueAt: 999, ...describedSong } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'vocals over a clip that was not uploaded',
    field: 'addVocals',
    variables: () => ({ input: { clipId: demo, lyrics: 'la la' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'the timeline of a clip without lyrics',
    field: 'getLyricsTimeline',
    variables: (fx) => ({ clipId: fx.uploadedClipId }),
    code: 'NOT_FOUND',
  },
  {
    name: 'a persona that does not exist',
    field: 'createMusicWithPersona',
    variables: () => ({ input: { personaId: 'no-such-persona', ...describedSong } }),
    code: 'NOT_FOUND',
  },
];
const cases: OperationCase[] = [...sonicTaskCases, ...answerCases, ...producerCases, ...riffusionCases];
const finishedTask = `query($id: ID!) { task(id: $id) { id kind status error persona { id name }
  clips { id title tags lyrics audioUrl wavUrl videoUrl imageUrl duration } } }`;

/** The mutation document for a field, with every argument the schema gives it as a variable. */
function mutationFor(field: string, selection: string): string {
  const args = schema.getMutationType()!.getFields()[field]!.args;
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation(${declared}) { ${field}(${passed}) ${selection} }`;
}

describe('every operation through GraphQL against the sandbox', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let gw: TestGateway;
  let fx: Fixtures;

  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    // With a PUBLIC_URL, so that tasks ask for webhooks wherever the gateway thinks the upstream takes them.
    const port = await freePort();
    gw = await startGateway(sandbox.url, { PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
    const uploaded = sandbox.store.addClip(seed({ title: 'My Upload', uploaded: true, duration: 120 }));
    fx = { uploadedClipId: uploaded.id, personaId: sandbox.store.addPersona(keyA, 'Nova', uploaded.id).id };
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('has a case for every mutation in the schema', () => {
    expect(cases.map((c) => c.field).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  describe.each(cases)('$field', (c) => {
    const send = (variables: Vars) => gql(gw.url, mutationFor(c.field, c.selection ?? '{ id kind status }'), variables);

    it(`reaches ${c.path} with the right body, is charged its documented price and maps the answer`, async () => {
      const credits = sandbox.store.credits(keyA);
      const res = await send(c.variables(fx));
      expect(res.errors).toBeUndefined();
      const call = sandbox.calls.at(-1)!;
      expect({ method: call.method, path: call.path, apiKey: call.apiKey }).toEqual({ method: 'POST', path: c.path, apiKey: keyA });
      const { webhook_url: webhookUrl, webhook_secret: webhookSecret, ...body } = call.body as Vars;
      expect(body).toEqual(c.body(fx));
      const asksWebhook = webhookEndpoints.includes(c.path);
      expect({ webhookUrl: typeof webhookUrl, webhookSecret: typeof webhookSecret }).toEqual(
        asksWebhook ? { webhookUrl: 'string', webhookSecret: 'string' } : { webhookUrl: 'undefined', webhookSecret: 'undefined' },
      );
      expect(credits - sandbox.store.credits(keyA)).toBe(documentedPrices[c.field] ?? 0);
      const answer = res.data![c.field];
      if (!c.kind) return c.check(answer, fx);

      expect(answer).toMatchObject({ kind: c.kind, status: 'PENDING' });
      clock.advance(taskMs);
      const read = await gql(gw.url, finishedTask, { id: answer.id });
      expect(read.errors).toBeUndefined();
      const family = c.kind.startsWith('PRODUCER_') ? 'producer' : c.kind.startsWith('RIFFUSION_') ? 'riffusion' : 'sonic';
      expect(sandbox.calls.at(-1)).toMatchObject({ method: 'GET', path: `/api/v1/${family}/task/${answer.id}` });
      expect(read.data!.task.kind).toBe(c.kind);
      await c.check(read.data!.task, fx);
    });

    it(`refuses bad input (${c.bad.field}) without calling the upstream`, async () => {
      const before = sandbox.calls.length;
      const res = await send(c.bad.variables(fx));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.bad.field });
      expect(Object.values(res.data ?? {})).toEqual([null]); // the mutation's field alone is null
      expect(sandbox.calls.length).toBe(before);
    });
  });

  it.each(upstreamRefusals)('passes on the upstream refusing $name as $code', async (r) => {
    const before = sandbox.calls.length;
    const res = await gql(gw.url, mutationFor(r.field, '{ __typename }'), r.variables(fx));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: r.code, upstreamStatus: expect.any(Number) });
    expect(sandbox.calls.length).toBe(before + 1);
  });
});
