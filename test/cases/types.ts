/** The shape of a per-operation test case: one mutation through GraphQL against the sandbox. */
import { demoClip } from '../../src/sandbox/store.js';

/** Ids the cases need that exist only once the sandbox is seeded. */
export interface Fixtures {
  /** A clip made by `upload`, for the operations that take only uploaded audio. */
  uploadedClipId: string;
  /** A persona of the test key. */
  personaId: string;
}

export type Vars = Record<string, unknown>;

export interface OperationCase {
  /** The mutation. */
  field: string;
  /** Arguments that pass validation. */
  variables: (fx: Fixtures) => Vars;
  /** The upstream path the call must reach, and the exact JSON body. */
  path: string;
  body: (fx: Fixtures) => Vars;
  /** For operations that start a task: the task kind, and the selection read once it has finished. */
  kind?: string;
  /** For operations that answer at once: the GraphQL selection of the answer. */
  selection?: string;
  /** Checks the mapped answer, or the finished task. */
  check: (result: any, fx: Fixtures) => void | Promise<void>;
  /** Arguments GraphQL accepts but the gateway must refuse, and the field the error names. */
  bad: { variables: (fx: Fixtures) => Vars; field: string };
}

export const demo = demoClip.id;
export const audioUrl = 'https://example.com/music/my-song.mp3';

/** The fields every song-making call sends besides the caller's. */
export const songDefaults = { make_instrumental: false, mv: 'sonic-v4-5' };
/** On /sonic/create only, the gateway also sends use_suno_cdn (docs/upstream.md §3.1, §15.4). */
export const createDefaults = { ...songDefaults, use_suno_cdn: false };

/** The description-mode song fields, as GraphQL input and as the upstream body. */
export const describedSong = { customMode: false, description: 'a dreamy synth-pop song about city lights' };
export const describedSongBody = {
  ...songDefaults,
  custom_mode: false,
  gpt_description_prompt: describedSong.description,
};
export const describedCreateBody = { ...describedSongBody, use_suno_cdn: false };
