/**
 * Which fields of each upstream operation carry ids a user owns (clips, personas, vox ids), declared once per
 * operation beside the table (src/upstream/operations.ts), so that the ownership check and the recording of what a
 * user made (src/submit/ownership.ts) are derived from data, not written per mutation:
 * - `takes`: the request fields holding ids the caller must own (with sign-in on and CLIP_ACCESS=owner);
 * - `gives`: the fields of an answer-at-once naming something the caller owns from then on.
 * What a task makes (its clips, or the persona of a finished create-voice task) becomes its owner's where its states
 * are observed (src/tasks/observe.ts). Every operation of the table must have an entry (the type says so), so a new
 * operation cannot skip the check.
 */
import type { OwnedId, OwnedKind } from '../domain/ownership.js';
import { operations, type OperationName, type UpstreamOperation } from './operations.js';

type IdValue = string | readonly string[] | null | undefined;
/** The names of the fields of T that hold an id or a list of ids. */
type IdFields<T> = { [K in keyof T]-?: T[K] extends IdValue ? K : never }[keyof T] & string;
type InputOf<Name extends OperationName> = (typeof operations)[Name] extends UpstreamOperation<infer I, unknown> ? I : never;
type ResultOf<Name extends OperationName> = (typeof operations)[Name] extends UpstreamOperation<never, infer R> ? R : never;

export interface OwnedFields<Input, Result> {
  takes?: Partial<Record<OwnedKind, readonly IdFields<Input>[]>>;
  gives?: Partial<Record<OwnedKind, readonly IdFields<Result>[]>>;
}

const clipOf = { takes: { clip: ['clipId'] } } as const;
const none = {} as const;

export const ownedFields: { [Name in OperationName]: OwnedFields<InputOf<Name>, ResultOf<Name>> } = {
  createMusic: none,
  extendMusic: clipOf,
  extendUploadedMusic: clipOf,
  coverMusic: clipOf,
  coverUploadedMusic: clipOf,
  concatMusic: clipOf,
  personaMusic: { takes: { persona: ['personaId'] } },
  remaster: clipOf,
  addVocals: clipOf,
  addInstrumental: clipOf,
  uploadAndExtend: none,
  uploadAndCover: none,
  sample: { takes: { clip: ['sampleClipId'] } },
  mashup: { takes: { clip: ['clipIds'] } },
  replaceSection: clipOf,
  stemsFull: clipOf,
  stemsBasic: clipOf,
  createPersona: { takes: { clip: ['clipId'], vox: ['voxAudioId'] }, gives: { persona: ['id'] } },
  bpm: clipOf,
  vox: { takes: { clip: ['clipId'] }, gives: { vox: ['voxAudioId'] } },
  wav: clipOf,
  midi: clipOf,
  lyricsTimeline: clipOf,
  upsampleTags: none,
  upload: { gives: { clip: ['clipId'] } },
  lyrics: none,
  getCredits: none,
  producerMusic: none,
  producerLyrics: none,
  producerVideo: clipOf,
  producerUpload: none,
  producerDownload: clipOf,
  // A voice comes from a public audio URL; its persona is the caller's once the task finishes (src/tasks/observe.ts).
  createVoice: none,
  riffusionMusic: clipOf,
  riffusionUpload: { gives: { clip: ['clipId'] } },
};

const nameOf = new Map<UpstreamOperation<never, unknown>, OperationName>(
  Object.entries(operations).map(([name, operation]) => [operation as UpstreamOperation<never, unknown>, name as OperationName]),
);

/** The declaration of an operation of the table (an operation not in the table takes and gives nothing). */
function fieldsOf(operation: UpstreamOperation<never, unknown>): OwnedFields<unknown, unknown> {
  const name = nameOf.get(operation);
  return name ? (ownedFields[name] as OwnedFields<unknown, unknown>) : {};
}

function collect(object: unknown, declared: Partial<Record<OwnedKind, readonly string[]>> | undefined): OwnedId[] {
  const ids: OwnedId[] = [];
  if (!declared || typeof object !== 'object' || object === null) return ids;
  for (const [kind, fields] of Object.entries(declared) as [OwnedKind, readonly string[]][]) {
    for (const field of fields) {
      const value = (object as Record<string, unknown>)[field];
      for (const id of [value].flat()) if (typeof id === 'string' && id !== '') ids.push({ kind, id });
    }
  }
  return ids;
}

/** The ids in a request the caller must own, each once. */
export function idsTaken(operation: UpstreamOperation<never, unknown>, input: unknown): OwnedId[] {
  const seen = new Set<string>();
  return collect(input, fieldsOf(operation).takes).filter(({ kind, id }) => !seen.has(`${kind}:${id}`) && seen.add(`${kind}:${id}`));
}

/** The ids an answer-at-once gives its caller. */
export function idsGiven(operation: UpstreamOperation<never, unknown>, result: unknown): OwnedId[] {
  return collect(result, fieldsOf(operation).gives);
}
