/**
 * Which stem a stem clip holds: read from the documented title forms (`<song> (<Stem>)` and `<song> - <Stem>`,
 * test/cases/upstream-examples.ts) and from `metadata.stem_type_group_name`, never from a stem word in the song's own
 * title; the upstream's name is kept, unknown names are OTHER, and a split of any size is typed stem by stem, also
 * through GraphQL against a fake upstream that answers in the documented task shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stemOf } from '../src/upstream/stems.js';
import {
  stemNamesTwelve,
  stemsBasicTaskTitledDash,
  stemsFullTaskTitledParen,
  stemsFullTaskTitledParenFourth,
  submitAnswer,
} from './cases/upstream-examples.js';
import { gql, json, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './support/helpers.js';

/** The kind each documented name stands for, written by hand from the names (kie.ai's list, docs/upstream.md §5). */
const kindOfDocumentedName: Record<(typeof stemNamesTwelve)[number], string> = {
  Vocals: 'VOCALS',
  'Backing Vocals': 'BACKING_VOCALS',
  Drums: 'DRUMS',
  Bass: 'BASS',
  Guitar: 'GUITAR',
  Keyboard: 'KEYBOARD',
  Strings: 'STRINGS',
  Brass: 'BRASS',
  Woodwinds: 'WOODWINDS',
  Percussion: 'PERCUSSION',
  Synth: 'SYNTH',
  'FX/Other': 'FX',
};

/** A song whose title holds a stem word of nearly every kind. */
const trickySong = 'Vocal Bass Drum Love';

describe('stem names from titles and metadata', () => {
  it('reads the documented "<song> (<Stem>)" titles (an untitled song: " (Vocals)")', () => {
    const titles = [...stemsFullTaskTitledParen.data.musics.map((m) => m.title), stemsFullTaskTitledParenFourth.title];
    expect(titles.map((t) => stemOf(t))).toEqual([
      { kind: 'VOCALS', name: 'Vocals' },
      { kind: 'BACKING_VOCALS', name: 'Backing Vocals' },
      { kind: 'DRUMS', name: 'Drums' },
      { kind: 'BASS', name: 'Bass' },
    ]);
  });

  it('reads the documented "<song> - <Stem>" titles', () => {
    expect(stemsBasicTaskTitledDash.map((clip) => stemOf(clip.title))).toEqual([
      { kind: 'VOCALS', name: 'Vocals' },
      { kind: 'INSTRUMENTAL', name: 'Instrumental' },
    ]);
  });

  it.each(['paren', 'dash'] as const)(
    'never reads the song title: "%s" titles of "Vocal Bass Drum Love" give each stem its own kind',
    (form) => {
      for (const name of stemNamesTwelve) {
        const title = form === 'paren' ? `${trickySong} (${name})` : `${trickySong} - ${name}`;
        expect(stemOf(title), title).toEqual({ kind: kindOfDocumentedName[name], name });
      }
    },
  );

  it('takes the last separator: song titles with dashes or parentheses of their own', () => {
    expect(stemOf('Love - Hate - Drums')).toEqual({ kind: 'DRUMS', name: 'Drums' });
    expect(stemOf('Bass Drop (Live) - Vocals')).toEqual({ kind: 'VOCALS', name: 'Vocals' });
    expect(stemOf('Vocal Take - Part 2 (Guitar)')).toEqual({ kind: 'GUITAR', name: 'Guitar' });
    expect(stemOf('Drum Song - Hi-Hat')).toEqual({ kind: 'DRUMS', name: 'Hi-Hat' });
  });

  it('prefers metadata.stem_type_group_name (docs.rs suno-core: "Backing_Vocals"), keeping the title suffix as the name', () => {
    expect(stemOf('Vocal Song', 'Backing_Vocals')).toEqual({ kind: 'BACKING_VOCALS', name: 'Backing Vocals' });
    expect(stemOf('Vocal Song (Backing Vocals)', 'Backing_Vocals')).toEqual({ kind: 'BACKING_VOCALS', name: 'Backing Vocals' });
    // A label the gateway does not know (the request-side group names "Two", "Twelve") leaves the title to decide.
    expect(stemOf('Bass Song - Vocals', 'Twelve')).toEqual({ kind: 'VOCALS', name: 'Vocals' });
  });

  it('is OTHER for an unknown name, and for a title with no suffix that is not a bare stem name', () => {
    expect(stemOf('Neon Rivers (Theremin)')).toEqual({ kind: 'OTHER', name: 'Theremin' });
    expect(stemOf(trickySong)).toEqual({ kind: 'OTHER', name: trickySong });
    expect(stemOf('Instrumental')).toEqual({ kind: 'INSTRUMENTAL', name: 'Instrumental' });
    expect(stemOf(null)).toEqual({ kind: 'OTHER', name: '' });
  });
});

/**
 * A stems task as the upstream answers it: the documented Sonic task shape (docs/upstream.md §4: code, message,
 * data[] of clips with clip_id and state). The 4- and 24-stem name lists are INVENTED for the test (no list of either
 * is documented; [CLAW] and [SKY] report the counts only).
 */
const extraNames = [
  'Lead Vocals',
  'Kick',
  'Snare',
  'Hi-Hat',
  'Piano',
  'Organ',
  'Electric Guitar',
  'Acoustic Guitar',
  'Pad',
  'Choir',
  'Theremin',
  'Sub',
];
const extraKinds = ['VOCALS', 'DRUMS', 'DRUMS', 'DRUMS', 'KEYBOARD', 'KEYBOARD', 'GUITAR', 'GUITAR', 'SYNTH', 'VOCALS', 'OTHER', 'OTHER'];
const splits: Record<string, { names: string[]; kinds: string[]; form: (name: string) => string }> = {
  two: { names: ['Vocals', 'Instrumental'], kinds: ['VOCALS', 'INSTRUMENTAL'], form: (n) => `${trickySong} - ${n}` },
  four: { names: ['Vocals', 'Drums', 'Bass', 'Other'], kinds: ['VOCALS', 'DRUMS', 'BASS', 'OTHER'], form: (n) => `${trickySong} (${n})` },
  twelve: {
    names: [...stemNamesTwelve],
    kinds: stemNamesTwelve.map((n) => kindOfDocumentedName[n]),
    form: (n) => `${trickySong} - ${n}`,
  },
  twentyFour: {
    names: [...stemNamesTwelve, ...extraNames],
    kinds: [...stemNamesTwelve.map((n) => kindOfDocumentedName[n]), ...extraKinds],
    form: (n) => `${trickySong} (${n})`,
  },
};

describe('Task.stems through GraphQL, for splits of any size', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  let split = splits.two!;
  let submits = 0;
  beforeAll(async () => {
    fake = await startFakeUpstream((req, res) => {
      // The documented submit answer, with a task id of its own per submit.
      if (req.method === 'POST') return json(res, 200, { ...submitAnswer, task_id: `${submitAnswer.task_id}-${++submits}` });
      json(res, 200, {
        code: 200,
        message: 'success',
        data: split.names.map((name, i) => ({ clip_id: `stem-${i}`, state: 'succeeded', title: split.form(name), duration: '104.88' })),
      });
    });
    gw = await startGateway(fake.url);
  });
  afterAll(async () => {
    await gw.close();
    await fake.close();
  });

  it.each(Object.keys(splits))('a %s-stem split', async (size) => {
    split = splits[size]!;
    const submitted = await gql(gw.url, `mutation { splitStemsFull(clipId: "8ce9770b-ec3b-4029-a3e3-4b8db20da7d1") { id } }`);
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.splitStemsFull.id;
    const res = await gql(gw.url, `query($id: ID!) { task(id: $id) { status stems { kind name clip { id } } } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.task.status).toBe('SUCCEEDED');
    expect(res.data!.task.stems).toEqual(split.names.map((name, i) => ({ kind: split.kinds[i], name, clip: { id: `stem-${i}` } })));
  });
});
