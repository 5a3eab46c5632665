/**
 * Every upstream operation, as data: its path, what it answers (a task of some kind, or a result at once), its public
 * name (the GraphQL mutation, which names its price in src/upstream/prices.ts and its metrics) and how a domain
 * request becomes the upstream's JSON body and the answer a domain result. Resolvers derive GraphQL fields from this
 * table. Paths and bodies are recorded with their sources in docs/upstream.md (prices: §13, §14 and prices.ts).
 */
import * as requests from './requests.js';
import type { WireBody } from './requests.js';
import * as results from './results.js';
import * as riffusion from './riffusion.js';
import type { SubmittedTaskKind } from '../domain/kinds.js';
import type { SubmittedTask } from '../domain/task.js';
import { toSubmittedTask } from './wire.js';
import type { PricedOperation } from './prices.js';

export { wireModel, type ClipRequest, type MusicRequest } from './requests.js';

export interface UpstreamOperation<Input, Result = SubmittedTask> {
  /**
   * The operation's public name: its GraphQL mutation, whose price the table in force gives (prices.ts), or
   * `getCredits`, the free read. Metrics and logs name operations by it.
   */
  name: PricedOperation | 'getCredits';
  method: 'GET' | 'POST';
  path: string;
  /** The kind of task the call starts; null for an operation that answers with its result at once. */
  kind: SubmittedTaskKind | null;
  /** Whether the upstream accepts `webhook_url`/`webhook_secret` on this call. */
  acceptsWebhook: boolean;
  toBody(input: Input): WireBody;
  toResult(answer: unknown, input: Input): Result;
}

/** An operation that starts an upstream task and answers with its id. */
export type TaskOperation<Input> = UpstreamOperation<Input, SubmittedTask> & { kind: SubmittedTaskKind };
/** An operation that answers with its result at once. */
export type SyncOperation<Input, Result> = UpstreamOperation<Input, Result> & { kind: null };

/** Task operations accept webhook fields unless the docs show none for the endpoint (docs/upstream.md §10, §14). */
function taskOperation<Input>(
  kind: SubmittedTaskKind,
  path: string,
  toBody: (input: Input) => WireBody,
  name: PricedOperation,
  acceptsWebhook = true,
): TaskOperation<Input> {
  return { name, method: 'POST', path, kind, acceptsWebhook, toBody, toResult: toSubmittedTask };
}

function syncOperation<Input, Result>(
  path: string,
  toBody: (input: Input) => WireBody,
  toResult: (answer: unknown, input: Input) => Result,
  name: UpstreamOperation<never>['name'],
  method: 'GET' | 'POST' = 'POST',
): SyncOperation<Input, Result> {
  return { name, method, path, kind: null, acceptsWebhook: false, toBody, toResult };
}

const sonicCreate = '/api/v1/sonic/create';

export const operations = {
  createMusic: taskOperation('CREATE_MUSIC', sonicCreate, requests.createBody('create_music'), 'createMusic'),
  extendMusic: taskOperation('EXTEND_MUSIC', sonicCreate, requests.extendBody('extend_music'), 'extendMusic'),
  extendUploadedMusic: taskOperation(
    'EXTEND_UPLOADED_MUSIC',
    sonicCreate,
    requests.extendBody('extend_upload_music'),
    'extendUploadedMusic',
  ),
  coverMusic: taskOperation('COVER_MUSIC', sonicCreate, requests.coverBody('cover_music'), 'coverMusic'),
  coverUploadedMusic: taskOperation('COVER_UPLOADED_MUSIC', sonicCreate, requests.coverBody('cover_upload_music'), 'coverUploadedMusic'),
  concatMusic: taskOperation('CONCAT_MUSIC', sonicCreate, requests.concatBody, 'concatMusic'),
  personaMusic: taskOperation('PERSONA_MUSIC', sonicCreate, requests.personaMusicBody, 'createMusicWithPersona'),
  remaster: taskOperation('REMASTER', sonicCreate, requests.remasterBody, 'remasterMusic'),
  addVocals: taskOperation('ADD_VOCALS', sonicCreate, requests.addPartBody('add_vocals'), 'addVocals'),
  addInstrumental: taskOperation('ADD_INSTRUMENTAL', sonicCreate, requests.addPartBody('add_instrumental'), 'addInstrumental'),
  uploadAndExtend: taskOperation('UPLOAD_AND_EXTEND', '/api/v1/sonic/upload-extend', requests.uploadExtendBody, 'uploadAndExtendMusic'),
  uploadAndCover: taskOperation('UPLOAD_AND_COVER', '/api/v1/sonic/upload-cover', requests.uploadCoverBody, 'uploadAndCoverMusic'),
  sample: taskOperation('SAMPLE', '/api/v1/sonic/sample', requests.sampleBody, 'sampleMusic', false),
  mashup: taskOperation('MASHUP', '/api/v1/sonic/mashup', requests.mashupBody, 'mashupMusic'),
  replaceSection: taskOperation('REPLACE_SECTION', '/api/v1/sonic/replace-section', requests.replaceSectionBody, 'replaceSection'),
  stemsFull: taskOperation('STEMS_FULL', '/api/v1/sonic/stems/full', requests.clipBody, 'splitStemsFull', false),
  stemsBasic: taskOperation('STEMS_BASIC', '/api/v1/sonic/stems/basic', requests.clipBody, 'splitStemsBasic', false),
  // §3.5: async, read through the Sonic task endpoint; webhook fields as third-party callers send them (INFERRED).
  createVoice: taskOperation('CREATE_VOICE', '/api/v1/sonic/create-voice', requests.voiceBody, 'createVoice'),

  createPersona: syncOperation('/api/v1/sonic/persona', requests.personaBody, results.toPersona, 'createPersona'),
  bpm: syncOperation('/api/v1/sonic/bpm', requests.clipBody, results.toTempo, 'getBpm'),
  vox: syncOperation('/api/v1/sonic/vox', requests.voxBody, results.toVocalSample, 'getVox'),
  wav: syncOperation('/api/v1/sonic/wav', requests.clipBody, results.toWavFile, 'getWav'),
  midi: syncOperation('/api/v1/sonic/midi', requests.clipBody, results.toMidiFile, 'getMidi'),
  lyricsTimeline: syncOperation('/api/v1/sonic/aligned-lyrics', requests.clipBody, results.toLyricsTimeline, 'getLyricsTimeline'),
  upsampleTags: syncOperation('/api/v1/sonic/upsample-tags', requests.tagsBody, results.toUpsampledTags, 'upsampleTags'),
  upload: syncOperation('/api/v1/sonic/upload', requests.urlBody, results.toUploadedClip, 'uploadMusic'),
  lyrics: syncOperation('/api/v1/sonic/lyrics', requests.descriptionBody, results.toGeneratedLyrics, 'generateLyrics'),
  getCredits: syncOperation('/api/v1/get-credits', requests.emptyBody, results.toCredits, 'getCredits', 'GET'),

  producerMusic: taskOperation('PRODUCER_MUSIC', '/api/v1/producer/create', requests.producerMusicBody, 'producerCreateMusic'),
  producerLyrics: taskOperation('PRODUCER_LYRICS', '/api/v1/producer/lyrics-create', requests.promptBody, 'producerGenerateLyrics'),
  producerVideo: taskOperation('PRODUCER_VIDEO', '/api/v1/producer/video-clip', requests.clipBody, 'producerCreateVideo'),
  producerUpload: taskOperation('PRODUCER_UPLOAD', '/api/v1/producer/upload', requests.urlBody, 'producerUploadMusic'),
  producerDownload: taskOperation('PRODUCER_DOWNLOAD', '/api/v1/producer/download', requests.producerDownloadBody, 'producerDownload'),

  // Riffusion, deprecated upstream (§9.5): no webhook fields (the webhook guide names suno, nuro and producer only).
  riffusionMusic: taskOperation('RIFFUSION_MUSIC', '/api/v1/riffusion/create', riffusion.riffusionMusicBody, 'riffusionCreateMusic', false),
  riffusionUpload: syncOperation('/api/v1/riffusion/upload', requests.urlBody, results.toUploadedClip, 'riffusionUploadMusic'),
} satisfies Record<string, UpstreamOperation<never, unknown>>;

export type OperationName = keyof typeof operations;
