/**
 * The paid mutations, derived from one table: each row names the GraphQL field, the upstream operation it runs
 * (path, body, result mapping and cost live in src/upstream/operations.ts), its arguments with their validation,
 * and the GraphQL type of its answer: the new Task, or the typed result of an operation that answers at once
 * (the row builders: mutation-kit.ts).
 */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { UploadedClipRef } from '../schema/account.js';
import { LyricsTimelineRef, MidiFileRef, TempoRef, WavFileRef } from '../schema/analysis.js';
import * as edits from '../schema/edits.js';
import { CreateMusicInput, createMusicSchema } from '../schema/music.js';
import {
  AudioFormatEnum,
  ProducerMusicInput,
  producerDownloadSchema,
  producerLyricsPromptSchema,
  producerMusicSchema,
} from '../schema/producer.js';
import { audioUrlSchema, parseInput } from '../schema/validation.js';
import {
  CreatePersonaInput,
  createPersonaSchema,
  CreateVoiceInput,
  createVoiceSchema,
  PersonaRef,
  VocalSampleRef,
  VoxInput,
  voxSchema,
} from '../schema/voice.js';
import { RiffusionMusicInput, riffusionMusicSchema } from '../schema/riffusion.js';
import { GeneratedLyricsRef, lyricsDescriptionSchema, tagsSchema, UpsampledTagsRef } from '../schema/writing.js';
import { idempotencyKeyDescription, idempotencyKeySchema } from '../submit/idempotency-key.js';
import { operations, type UpstreamOperation } from '../upstream/operations.js';
import { answers, byClip, byInput, byText, startsTask, type OperationMutation } from './mutation-kit.js';
import { submitOperation } from '../submit/submit.js';
import { brandHosts, pricesOf } from '../upstream/prices.js';

const defaultPrices = pricesOf('aimusicapi');

const song = 'The song to make.';
const riffusionDeprecation =
  'Riffusion is deprecated upstream ("riffusion(Deprecated)" in its docs) and may answer UPSTREAM_GONE (410) at any time; use the Sonic or Producer mutations.';
const audioUrl = 'A public URL of the audio file (MP3 or WAV, at most 8 minutes).';

export const operationMutations: Record<string, OperationMutation> = {
  createMusic: startsTask(
    'Generate a new song (two takes) from lyrics and style (custom mode) or from a description.',
    operations.createMusic,
    byInput(CreateMusicInput, createMusicSchema, song),
  ),
  extendMusic: startsTask(
    'Continue a generated clip from a point in it. The task holds only the new part; `concatMusic` joins it to the source.',
    operations.extendMusic,
    byInput(edits.ExtendMusicInput, edits.extendMusicSchema, 'The clip and how to continue it.'),
  ),
  extendUploadedMusic: startsTask(
    'Continue an uploaded clip (from `uploadMusic`) from a point in it.',
    operations.extendUploadedMusic,
    byInput(edits.ExtendMusicInput, edits.extendMusicSchema, 'The uploaded clip and how to continue it.'),
  ),
  coverMusic: startsTask(
    'Re-record a generated clip in another style (two takes).',
    operations.coverMusic,
    byInput(edits.CoverMusicInput, edits.coverMusicSchema, 'The clip and the style of the cover.'),
  ),
  coverUploadedMusic: startsTask(
    'Re-record an uploaded clip (from `uploadMusic`) in another style.',
    operations.coverUploadedMusic,
    byInput(edits.CoverMusicInput, edits.coverMusicSchema, 'The uploaded clip and the style of the cover.'),
  ),
  concatMusic: startsTask(
    'Join an extension (from `extendMusic`) to the song it extends, giving the full song.',
    operations.concatMusic,
    byClip('The extension clip.'),
  ),
  createMusicWithPersona: startsTask(
    'Generate a new song sung by a persona (from `createPersona`).',
    operations.personaMusic,
    byInput(edits.PersonaMusicInput, edits.personaMusicSchema, 'The persona and the song.'),
  ),
  remasterMusic: startsTask(
    'Remaster a generated clip.',
    operations.remaster,
    byInput(edits.RemasterInput, edits.remasterSchema, 'The clip and how to remaster it.'),
  ),
  addVocals: startsTask(
    'Sing lyrics over an uploaded instrumental.',
    operations.addVocals,
    byInput(edits.AddVocalsInput, edits.addVocalsSchema, 'The instrumental and the lyrics.'),
  ),
  addInstrumental: startsTask(
    'Play an accompaniment under an uploaded a-cappella vocal.',
    operations.addInstrumental,
    byInput(edits.AddInstrumentalInput, edits.addInstrumentalSchema, 'The vocal and the style of the accompaniment.'),
  ),
  uploadAndExtendMusic: startsTask(
    'Upload audio from a URL and extend it, in one call.',
    operations.uploadAndExtend,
    byInput(edits.UploadAndExtendInput, edits.uploadAndExtendSchema, 'The audio and how to continue it.'),
  ),
  uploadAndCoverMusic: startsTask(
    'Upload audio from a URL and cover it, in one call.',
    operations.uploadAndCover,
    byInput(edits.UploadAndCoverInput, edits.uploadAndCoverSchema, 'The audio and the style of the cover.'),
  ),
  sampleMusic: startsTask(
    'Grow a whole song from a short sample of a clip or of audio at a URL.',
    operations.sample,
    byInput(edits.SampleMusicInput, edits.sampleMusicSchema, 'The sample and the song.'),
  ),
  mashupMusic: startsTask(
    'Mix two existing clips into one new song.',
    operations.mashup,
    byInput(edits.MashupMusicInput, edits.mashupMusicSchema, 'The two clips and the song.'),
  ),
  replaceSection: startsTask(
    'Sing new lyrics over a time range of a clip.',
    operations.replaceSection,
    byInput(edits.ReplaceSectionInput, edits.replaceSectionSchema, 'The clip, the range and the new lyrics.'),
  ),
  splitStemsFull: startsTask(
    'Split a song into stems (documented as twelve: vocals, backing vocals, drums, bass, guitar, keyboard, ...; 24 have been seen). `Task.stems` types each of them.',
    operations.stemsFull,
    byClip(),
  ),
  splitStemsBasic: startsTask('Split a song into two stems: vocals and instrumental.', operations.stemsBasic, byClip()),

  createPersona: {
    ...answers(
      'Capture the voice in a clip as a persona, for `createMusicWithPersona`.',
      operations.createPersona,
      PersonaRef,
      byInput(CreatePersonaInput, createPersonaSchema, 'The clip and the persona.'),
    ),
    deprecated:
      'Unavailable upstream ("Due to official restrictions, this is currently unavailable", docs.aimusicapi.ai): use `createVoice`, whose finished task gives `persona`.',
  },
  createVoice: startsTask(
    'Capture a voice from a public recording (one clear voice, over 10 seconds) as a persona; the finished task gives `persona`, for `createMusicWithPersona`.',
    operations.createVoice,
    byInput(CreateVoiceInput, createVoiceSchema, 'The recording.'),
  ),
  getBpm: answers("Measure a clip's tempo.", operations.bpm, TempoRef, byClip()),
  getVox: answers(
    "Read a clip's vocal characteristics, for `createPersona`.",
    operations.vox,
    VocalSampleRef,
    byInput(VoxInput, voxSchema, 'The clip and vocal range.'),
  ),
  getWav: answers('Render a clip as a lossless WAV file.', operations.wav, WavFileRef, byClip()),
  getMidi: answers('Transcribe a clip (a song or a stem) to MIDI.', operations.midi, MidiFileRef, byClip()),
  getLyricsTimeline: answers(
    "Time a clip's lyrics word by word and line by line.",
    operations.lyricsTimeline,
    LyricsTimelineRef,
    byClip('A clip with lyrics.'),
  ),
  upsampleTags: answers(
    'Refine style tags into richer ones.',
    operations.upsampleTags,
    UpsampledTagsRef,
    byText('tags', tagsSchema, 'Style tags, comma-separated.', 'tags'),
  ),
  uploadMusic: answers(
    'Upload audio from a URL, making a clip for the *Uploaded* operations, `addVocals`, `addInstrumental` and `createPersona`.',
    operations.upload,
    UploadedClipRef,
    byText('url', audioUrlSchema, audioUrl, 'url'),
  ),
  generateLyrics: answers(
    'Write song lyrics (two drafts) from a description.',
    operations.lyrics,
    GeneratedLyricsRef,
    byText('description', lyricsDescriptionSchema, 'What the song is about.', 'description'),
  ),

  producerCreateMusic: startsTask(
    'Generate a Producer song (one take) from a sound description and/or lyrics.',
    operations.producerMusic,
    byInput(ProducerMusicInput, producerMusicSchema, song),
  ),
  producerGenerateLyrics: startsTask(
    'Write lyrics with Producer; the task holds them as a clip with `lyrics`.',
    operations.producerLyrics,
    byText('prompt', producerLyricsPromptSchema, 'What the lyrics are to be about.', 'prompt'),
  ),
  producerCreateVideo: startsTask(
    'Render a music video of a Producer clip; the task holds a clip with `videoUrl`.',
    operations.producerVideo,
    byClip('A Producer clip.'),
  ),
  producerUploadMusic: startsTask(
    'Upload audio from a URL to Producer; the task holds the new clip.',
    operations.producerUpload,
    byText('url', audioUrlSchema, audioUrl, 'url'),
  ),
  riffusionCreateMusic: {
    ...startsTask(
      'Make a Riffusion song (two takes), or extend, cover, replace or swap parts of a clip (`taskType`); read it back with `task`.',
      operations.riffusionMusic,
      byInput(RiffusionMusicInput, riffusionMusicSchema, 'The task type and the song.'),
    ),
    deprecated: riffusionDeprecation,
  },
  riffusionUploadMusic: {
    ...answers(
      'Upload audio from a URL to Riffusion, making a clip for its *_UPLOADED task types.',
      operations.riffusionUpload,
      UploadedClipRef,
      byText('url', audioUrlSchema, audioUrl, 'url'),
    ),
    deprecated: riffusionDeprecation,
  },
  producerDownload: startsTask('Re-encode a Producer clip as MP3 or WAV; the task holds the file.', operations.producerDownload, {
    args: (arg) => ({
      clipId: arg.id({ required: true, description: 'A Producer clip.' }),
      format: arg({ type: AudioFormatEnum, required: true, description: 'The format to encode.' }),
    }),
    toRequest: (args) => parseInput(producerDownloadSchema, args, ''),
  }),
};

/** The default brand's price in the description (the schema is the same on every host); `operationCosts` has the table in force. */
function costNote(operation: UpstreamOperation<never, unknown>): string {
  const credits = operation.name === 'getCredits' ? 0 : defaultPrices[operation.name].credits;
  const where = `on ${brandHosts.aimusicapi}; \`operationCosts\` lists the prices in force.`;
  return credits === null ? ` Its credit cost is not published ${where}` : ` Costs ${credits} upstream credits ${where}`;
}

for (const [field, spec] of Object.entries(operationMutations)) {
  const answer = spec.operation.kind === null ? 'Returns the result.' : 'Returns the PENDING task at once.';
  builder.mutationField(field, (t) =>
    t.field({
      type: spec.type,
      // Nullable: a mutation that fails gives null and its error, and the other mutations of the same request keep
      // their results (with a non-null type one failure would null the whole `data`, hiding tasks already paid for).
      nullable: true,
      description: `${spec.description}${costNote(spec.operation)} ${answer}`,
      ...(spec.deprecated ? { deprecationReason: spec.deprecated } : {}),
      args: { ...spec.args(t.arg), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
      // The row's operation and GraphQL type agree by construction (startsTask / answers).
      resolve: (_root, args, ctx: Context) => {
        const request = spec.toRequest(args);
        const key = parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
        return submitOperation(ctx, spec.operation, request, key);
      },
    }),
  );
}
