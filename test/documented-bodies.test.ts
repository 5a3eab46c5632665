/**
 * Each endpoint gets only its documented fields. Every documented example body (test/cases/upstream-examples.ts
 * `documentedBodies`, verbatim from the docs) is asked for through GraphQL with the same values, and the body the
 * gateway sends must hold each documented field with its documented value, adding only fields the endpoint's
 * documented field list has (test/cases/documented-fields.ts, copied from docs/upstream.md). Endpoints with no
 * documented example are pinned to that field list alone, through every mutation's case. Nothing here reads the
 * gateway's own request builders: a fake upstream on 127.0.0.1 records what arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { answerCases } from './cases/answers.js';
import { documentedFields } from './cases/documented-fields.js';
import { producerCases } from './cases/producer.js';
import { riffusionCases } from './cases/riffusion.js';
import { sonicTaskCases } from './cases/sonic-tasks.js';
import type { Fixtures, Vars } from './cases/types.js';
import { documentedBodies, submitAnswer } from './cases/upstream-examples.js';
import { gql, json, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './support/helpers.js';
import { freePort } from './support/ports.js';

/** The mutation document for a field, every argument the schema gives it as a variable. */
function mutationFor(field: string): string {
  const args = schema.getMutationType()!.getFields()[field]!.args;
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation(${declared}) { ${field}(${passed}) { __typename } }`;
}

const example = (path: string, index: number) => documentedBodies[path]![index]!.body as Record<string, any>;

/**
 * Each documented example and the GraphQL call that asks for the same thing, with the documented values. `exact`: the
 * gateway adds nothing but the webhook fields. Where the gateway needs more than the example shows (a description for
 * an extend, the lyrics of a replaced section), the addition is named.
 */
const asked: { path: string; index: number; field: string; variables: () => Vars; exact?: boolean; adds?: string }[] = [
  {
    path: '/api/v1/sonic/create',
    index: 0,
    field: 'createMusic',
    variables: () => {
      const b = example('/api/v1/sonic/create', 0);
      return { input: { customMode: true, model: 'SONIC_V4_5', title: b.title, tags: b.tags, lyrics: b.prompt } };
    },
  },
  {
    path: '/api/v1/sonic/create',
    index: 1,
    field: 'createMusic',
    variables: () => ({
      input: { customMode: false, model: 'SONIC_V4_5', description: example('/api/v1/sonic/create', 1).gpt_description_prompt },
    }),
  },
  {
    path: '/api/v1/sonic/create',
    index: 2,
    field: 'createMusic',
    variables: () => {
      const b = example('/api/v1/sonic/create', 2);
      return { input: { customMode: true, autoLyrics: true, model: 'SONIC_V4_5', lyrics: b.prompt, title: b.title, tags: b.tags } };
    },
  },
  {
    path: '/api/v1/sonic/create',
    index: 3,
    field: 'createMusic',
    variables: () => ({ input: { customMode: true, model: 'SONIC_V4_5', vocalGender: 'FEMALE', lyrics: '...', tags: 'pop' } }),
  },
  {
    path: '/api/v1/sonic/create',
    index: 4,
    field: 'createMusic',
    variables: () => ({ input: { customMode: false, model: 'SONIC_V4_5', instrumental: true, description: 'A peaceful piano melody' } }),
  },
  {
    path: '/api/v1/sonic/create',
    index: 5,
    field: 'extendUploadedMusic',
    variables: () => {
      const b = example('/api/v1/sonic/create', 5);
      return {
        input: {
          clipId: b.continue_clip_id,
          continueAt: b.continue_at,
          customMode: true,
          model: 'SONIC_V4_5',
          lyrics: b.prompt,
          tags: b.tags,
        },
      };
    },
  },
  {
    path: '/api/v1/sonic/create',
    index: 6,
    field: 'coverUploadedMusic',
    variables: () => {
      const b = example('/api/v1/sonic/create', 6);
      return {
        input: {
          clipId: b.continue_clip_id,
          customMode: true,
          model: 'SONIC_V4_5',
          lyrics: b.prompt,
          tags: b.tags,
          audioWeight: b.audio_weight,
        },
      };
    },
  },
  {
    path: '/api/v1/sonic/create',
    index: 7,
    field: 'createMusicWithPersona',
    variables: () => {
      const b = example('/api/v1/sonic/create', 7);
      return { input: { personaId: b.persona_id, customMode: true, lyrics: b.prompt, title: b.title, tags: b.tags, model: 'SONIC_V3_5' } };
    },
  },
  {
    path: '/api/v1/sonic/create',
    index: 8,
    field: 'extendMusic',
    adds: 'continue_at and a description: the gateway asks for them (§3.1 lists continue_at as required for extend_music)',
    variables: () => ({
      input: { clipId: 'YOUR_CLIP_ID', model: 'SONIC_V5', continueAt: 30, customMode: false, description: 'a longer outro' },
    }),
  },
  {
    path: '/api/v1/sonic/create',
    index: 9,
    field: 'coverMusic',
    adds: 'a description: the gateway asks for the words of the cover',
    variables: () => ({
      input: {
        clipId: 'YOUR_CLIP_ID',
        tags: 'lo-fi, acoustic, mellow',
        model: 'SONIC_V5',
        customMode: false,
        description: 'a mellow take',
      },
    }),
  },
  {
    path: '/api/v1/sonic/create',
    index: 10,
    field: 'createMusic',
    exact: true,
    variables: () => ({
      input: {
        customMode: false,
        model: 'SONIC_V5_5',
        description: example('/api/v1/sonic/create', 10).gpt_description_prompt,
        instrumental: false,
      },
    }),
  },
  {
    path: '/api/v1/sonic/persona',
    index: 0,
    field: 'createPersona',
    exact: true,
    variables: () => {
      const b = example('/api/v1/sonic/persona', 0);
      return { input: { clipId: b.clip_id, name: b.name, description: b.describe, styles: b.styles } };
    },
  },
  {
    path: '/api/v1/sonic/stems/basic',
    index: 0,
    field: 'splitStemsBasic',
    exact: true,
    variables: () => ({ clipId: example('/api/v1/sonic/stems/basic', 0).clip_id }),
  },
  { path: '/api/v1/sonic/stems/basic', index: 1, field: 'splitStemsBasic', exact: true, variables: () => ({ clipId: 'your_clip_id' }) },
  {
    path: '/api/v1/sonic/stems/full',
    index: 0,
    field: 'splitStemsFull',
    exact: true,
    variables: () => ({ clipId: example('/api/v1/sonic/stems/full', 0).clip_id }),
  },
  { path: '/api/v1/sonic/wav', index: 0, field: 'getWav', exact: true, variables: () => ({ clipId: 'your_clip_id' }) },
  {
    path: '/api/v1/sonic/replace-section',
    index: 0,
    field: 'replaceSection',
    adds: 'infill_lyrics: the gateway asks for the new lyrics of the section (§3.14 lists the field)',
    variables: () => {
      const b = example('/api/v1/sonic/replace-section', 0);
      return {
        input: {
          clipId: b.clip_id,
          model: 'SONIC_V5',
          start: b.infill_start_s,
          end: b.infill_end_s,
          lyrics: b.prompt,
          sectionLyrics: 'higher and higher',
        },
      };
    },
  },
  { path: '/api/v1/sonic/lyrics', index: 0, field: 'generateLyrics', exact: true, variables: () => ({ description: 'a song about sky' }) },
  {
    path: '/api/v1/sonic/mashup',
    index: 0,
    field: 'mashupMusic',
    variables: () => ({ input: { clipIds: ['clip-a', 'clip-b'], customMode: false, model: 'SONIC_V5', description: 'two songs as one' } }),
  },
  {
    path: '/api/v1/sonic/create-voice',
    index: 0,
    field: 'createVoice',
    exact: true,
    variables: () => ({ input: { audioUrl: 'https://example.com/voices/one-voice.mp3' } }),
  },
  {
    path: '/api/v1/producer/create',
    index: 0,
    field: 'producerCreateMusic',
    exact: true,
    variables: () => {
      const b = example('/api/v1/producer/create', 0);
      return { input: { model: 'FUZZ_2_0', lyrics: b.lyrics, sound: b.sound, title: b.title, instrumental: false } };
    },
  },
  {
    path: '/api/v1/producer/create',
    index: 1,
    field: 'producerCreateMusic',
    exact: true,
    variables: () => ({ input: { model: 'FUZZ_2_0', sound: example('/api/v1/producer/create', 1).sound, instrumental: false } }),
  },
  {
    path: '/api/v1/producer/create',
    index: 2,
    field: 'producerCreateMusic',
    exact: true,
    variables: () => {
      const b = example('/api/v1/producer/create', 2);
      return { input: { lyrics: b.lyrics, sound: b.sound, title: b.title } };
    },
  },
  {
    path: '/api/v1/riffusion/create',
    index: 0,
    field: 'riffusionCreateMusic',
    exact: true,
    variables: () => {
      const b = example('/api/v1/riffusion/create', 0);
      return { input: { customMode: true, lyrics: b.lyrics, title: b.title, sound: b.sound, model: 'FUZZ_1_1_PRO', instrumental: false } };
    },
  },
  {
    path: '/api/v1/riffusion/create',
    index: 1,
    field: 'riffusionCreateMusic',
    exact: true,
    variables: () => ({ input: { customMode: false, description: 'r&b pop song', model: 'FUZZ_1_1_PRO' } }),
  },
  {
    path: '/api/v1/riffusion/create',
    index: 2,
    field: 'riffusionCreateMusic',
    exact: true,
    variables: () => {
      const b = example('/api/v1/riffusion/create', 2);
      return {
        input: {
          taskType: 'EXTEND',
          customMode: true,
          lyrics: b.lyrics,
          title: b.title,
          sound: b.sound,
          continueAt: b.continue_at,
          clipId: b.continue_clip_id,
          model: 'FUZZ_1_1_PRO',
        },
      };
    },
  },
  {
    path: '/api/v1/riffusion/upload',
    index: 0,
    field: 'riffusionUploadMusic',
    exact: true,
    variables: () => ({ url: example('/api/v1/riffusion/upload', 0).url }),
  },
];

/** Documented examples of what the gateway does not ask for, and why. */
const notAsked: Record<string, string> = {
  '/api/v1/sonic/persona#1':
    'the superseded body of an older page (name, description, continue_clip_id); the gateway sends the current one',
  '/api/v1/producer/create#3': 'replace_music exists on the musicapi.ai brand only; aimusicapi.ai answers 410 for it, so it is not exposed',
};

/** A documented value the docs write as a placeholder (`<clip a>`): only its key is held to. */
const isPlaceholder = (v: unknown): boolean =>
  (typeof v === 'string' && /^<.*>$/.test(v)) || (Array.isArray(v) && v.length > 0 && v.every(isPlaceholder));

const webhookFields = ['webhook_url', 'webhook_secret'];

describe('every body holds only documented fields', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  let submits = 0;
  beforeAll(async () => {
    fake = await startFakeUpstream((req, res) => {
      if (req.method !== 'POST') return json(res, 400, { message: 'task not found.' });
      json(res, 200, { ...submitAnswer, task_id: `${submitAnswer.task_id}-${++submits}` });
    });
    // With a PUBLIC_URL, so that webhook fields are sent wherever the gateway sends them.
    const port = await freePort();
    gw = await startGateway(fake.url, { PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
  });
  afterAll(async () => {
    await gw.close();
    await fake.close();
  });

  /** The body the fake received for one mutation (whatever the gateway made of the answer). */
  async function bodyOf(field: string, variables: Vars): Promise<{ path: string; body: Record<string, unknown> }> {
    const before = fake.requests.length;
    const res = await gql(gw.url, mutationFor(field), variables);
    expect(
      res.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT'),
      JSON.stringify(res.errors),
    ).toBeUndefined();
    const request = fake.requests.slice(before).find((r) => r.method === 'POST');
    expect(request, `${field} reached the upstream`).toBeDefined();
    return { path: request!.path, body: JSON.parse(request!.body) };
  }

  it('has a GraphQL call, or a reason, for every documented example', () => {
    const covered = new Set(asked.map((a) => `${a.path}#${a.index}`));
    for (const [path, bodies] of Object.entries(documentedBodies)) {
      bodies.forEach((_b, i) => {
        const key = `${path}#${i}`;
        expect(covered.has(key) || key in notAsked, key).toBe(true);
      });
    }
  });

  it.each(asked.map((a) => [`${a.path} example ${a.index} (${documentedBodies[a.path]![a.index]!.evidence})`, a] as const))(
    '%s: the documented fields with their values, and nothing undocumented',
    async (_name, a) => {
      const documented = example(a.path, a.index);
      const { path, body } = await bodyOf(a.field, a.variables());
      expect(path).toBe(a.path);
      for (const [key, value] of Object.entries(documented)) {
        if (isPlaceholder(value)) expect(body, key).toHaveProperty(key);
        else expect(body[key], key).toEqual(value);
      }
      const extras = Object.keys(body).filter((k) => !(k in documented));
      expect(
        extras.filter((k) => !documentedFields[a.path]!.fields.includes(k)),
        'fields no source shows',
      ).toEqual([]);
      if (a.exact) expect(extras.filter((k) => !webhookFields.includes(k))).toEqual([]);
    },
  );

  const fixtures: Fixtures = { uploadedClipId: 'uploaded-clip-1', personaId: 'persona-1' };
  const cases = [...sonicTaskCases, ...answerCases, ...producerCases, ...riffusionCases];
  const withoutExample = Object.entries(documentedBodies)
    .filter(([, bodies]) => bodies.length === 0)
    .map(([path]) => path);

  it.each(cases.map((c) => [c.field, c] as const))(
    "%s: every field it sends is in its endpoint's documented field list",
    async (_field, c) => {
      const { path, body } = await bodyOf(c.field, c.variables(fixtures));
      expect(path).toBe(c.path);
      const list = documentedFields[path];
      expect(list, `a documented field list for ${path}`).toBeDefined();
      expect(Object.keys(body).filter((k) => !list!.fields.includes(k))).toEqual([]);
      if (path !== '/api/v1/sonic/create') expect(body).not.toHaveProperty('use_suno_cdn');
    },
  );

  it(`the endpoints with no documented example are each pinned to their field list only: ${withoutExample.join(', ')}`, () => {
    const reached = new Set(cases.map((c) => c.path));
    for (const path of withoutExample) {
      expect(documentedFields[path], path).toBeDefined();
      expect(reached.has(path), `${path} is called by a case`).toBe(true);
    }
  });
});
