/**
 * Every upstream operation, as data: its path, what it answers (a task of some kind, or a result at once), its credit
 * cost and how a domain request becomes the upstream's JSON body and the answer a domain result. Resolvers derive
 * GraphQL fields from this table; the sandbox charges by it. Paths, bodies and costs are recorded with their sources
 * in docs/upstream.md (costs: §13 and §14).
 */
import * as requests from './requests.js';
import type { WireBody } from './requests.js';
import * as results from './results.js';
import type { SubmittedTaskKind } from '../domain/kinds.js';
import type { SubmittedTask } from '../domain/task.js';
import { toSubmittedTask } from './wire.js';

export { wireModel, type ClipRequest, type MusicRequest } from './requests.js';

export interface UpstreamOperation<Input, Result = SubmittedTask> {
  method: 'GET' | 'POST';
  path: string;
  /** The kind of task the call starts; null for an operation that answers with its result at once. */
  kind: SubmittedTaskKind | null;
  /** Credits the upstream charges per call (the higher figure where it varies); null when not published. */
  creditCost: number | null;
  /** When the cost varies or is uncertain, how. */
  costNote?: string;
  /** Whether the upstream accepts `webhook_url`/`webhook_secret` on this call. */
  acceptsWebhook: boolean;
  toBody(input: Input): WireBody;
  toResult(answer: unknown, input: Input): Result;
}

/** An operation that starts an upstream task and answers with its id. */
export type TaskOperation<Input> = UpstreamOperation<Input, SubmittedTask> & { kind: SubmittedTaskKind };
/** An operation that answers with its result at once. */
export type SyncOperation<Input, Result> = UpstreamOperation<Input, Result> & { kind: null };

type Cost = { creditCost: number | null; costNote?: string };

/** Task operations accept webhook fields unless the docs show none for the endpoint (docs/upstream.md §10, §14). */
function taskOperation<Input>(
  kind: SubmittedTaskKind,
  path: string,
  toBody: (input: Input) => WireBody,
  cost: Cost,
  acceptsWebhook = true,
): TaskOperation<Input> {
  return { method: 'POST', path, kind, acceptsWebhook, toBody, toResult: toSubmittedTask, ...cost };
}

function syncOperation<Input, Result>(
  path: string,
  toBody: (input: Input) => WireBody,
  toResult: (answer: unknown, input: Input) => Result,
  cost: Cost,
  method: 'GET' | 'POST' = 'POST',
): SyncOperation<Input, Result> {
  return { method, path, kind: null, acceptsWebhook: false, toBody, toResult, ...cost };
}

const sonicCreate = '/api/v1/sonic/create';
const credits = (creditCost: number | null, costNote?: string): Cost => (costNote ? { creditCost, costNote } : { creditCost });

export const operations = {
  createMusic: taskOperation(
    'CREATE_MUSIC',
    sonicCreate,
    requests.createBody('create_music'),
    credits(14, '10 in custom mode on SONIC_V3_5 or SONIC_V4; 14 otherwise.'),
  ),
  extendMusic: taskOperation('EXTEND_MUSIC', sonicCreate, requests.extendBody('extend_music'), credits(10)),
  extendUploadedMusic: taskOperation('EXTEND_UPLOADED_MUSIC', sonicCreate, requests.extendBody('extend_upload_music'), credits(10)),
  coverMusic: taskOperation('COVER_MUSIC', sonicCreate, requests.coverBody('cover_music'), credits(14)),
  coverUploadedMusic: taskOperation('COVER_UPLOADED_MUSIC', sonicCreate, requests.coverBody('cover_upload_music'), credits(14)),
  concatMusic: taskOperation('CONCAT_MUSIC', sonicCreate, requests.concatBody, credits(2)),
  personaMusic: taskOperation('PERSONA_MUSIC', sonicCreate, requests.personaMusicBody, credits(10)),
  remaster: taskOperation('REMASTER', sonicCreate, requests.remasterBody, credits(10)),
  addVocals: taskOperation('ADD_VOCALS', sonicCreate, requests.addPartBody('add_vocals'), credits(10)),
  addInstrumental: taskOperation('ADD_INSTRUMENTAL', sonicCreate, requests.addPartBody('add_instrumental'), credits(10)),
  uploadAndExtend: taskOperation(
    'UPLOAD_AND_EXTEND',
    '/api/v1/sonic/upload-extend',
    requests.uploadExtendBody,
    credits(12, 'Not published separately: an upload (2) plus an extension (10).'),
  ),
  uploadAndCover: taskOperation(
    'UPLOAD_AND_COVER',
    '/api/v1/sonic/upload-cover',
    requests.uploadCoverBody,
    credits(16, 'Not published separately: an upload (2) plus a cover (14).'),
  ),
  sample: taskOperation('SAMPLE', '/api/v1/sonic/sample', requests.sampleBody, credits(14), false),
  mashup: taskOperation('MASHUP', '/api/v1/sonic/mashup', requests.mashupBody, credits(14)),
  replaceSection: taskOperation('REPLACE_SECTION', '/api/v1/sonic/replace-section', requests.replaceSectionBody, credits(10)),
  stemsFull: taskOperation('STEMS_FULL', '/api/v1/sonic/stems/full', requests.clipBody, credits(50), false),
  stemsBasic: taskOperation('STEMS_BASIC', '/api/v1/sonic/stems/basic', requests.clipBody, credits(20), false),

  createPersona: syncOperation('/api/v1/sonic/persona', requests.personaBody, results.toPersona, credits(1)),
  bpm: syncOperation('/api/v1/sonic/bpm', requests.clipBody, results.toTempo, credits(1)),
  vox: syncOperation('/api/v1/sonic/vox', requests.voxBody, results.toVocalSample, credits(1)),
  wav: syncOperation('/api/v1/sonic/wav', requests.clipBody, results.toWavFile, credits(1)),
  midi: syncOperation('/api/v1/sonic/midi', requests.clipBody, results.toMidiFile, credits(1)),
  lyricsTimeline: syncOperation(
    '/api/v1/sonic/aligned-lyrics',
    requests.clipBody,
    results.toLyricsTimeline,
    credits(1, 'Charged on the first call per clip; later calls for the same clip are free.'),
  ),
  upsampleTags: syncOperation('/api/v1/sonic/upsample-tags', requests.tagsBody, results.toUpsampledTags, credits(1)),
  upload: syncOperation('/api/v1/sonic/upload', requests.urlBody, results.toUploadedClip, credits(2)),
  lyrics: syncOperation(
    '/api/v1/sonic/lyrics',
    requests.descriptionBody,
    results.toGeneratedLyrics,
    credits(null, 'Charged in separate lyrics credits, not regular credits; the current rate is not published.'),
  ),
  getCredits: syncOperation('/api/v1/get-credits', requests.emptyBody, results.toCredits, credits(0), 'GET'),

  producerMusic: taskOperation('PRODUCER_MUSIC', '/api/v1/producer/create', requests.producerMusicBody, credits(10)),
  producerLyrics: taskOperation('PRODUCER_LYRICS', '/api/v1/producer/lyrics-create', requests.promptBody, credits(1)),
  producerVideo: taskOperation('PRODUCER_VIDEO', '/api/v1/producer/video-clip', requests.clipBody, credits(5)),
  producerUpload: taskOperation('PRODUCER_UPLOAD', '/api/v1/producer/upload', requests.urlBody, credits(2)),
  producerDownload: taskOperation('PRODUCER_DOWNLOAD', '/api/v1/producer/download', requests.producerDownloadBody, credits(2)),
} satisfies Record<string, UpstreamOperation<never, unknown>>;

export type OperationName = keyof typeof operations;
