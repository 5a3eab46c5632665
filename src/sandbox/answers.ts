/**
 * The sandbox's endpoints that answer at once: persona, BPM, VOX, WAV, MIDI, lyrics timeline, tag upsampling,
 * upload and lyrics. Answers are upstream-shaped (docs/upstream.md §3.4–§3.16, §9.1) and stable per clip.
 */
import { randomUUID } from 'node:crypto';
import { audioUrl, SandboxError, seconds, stableNumber, text, type Body } from './checks.js';
import { requireClip, seed, type RouteContext, type SandboxRoute } from './route-kit.js';
import { transcription } from './files.js';
import type { ClipSeed } from './store.js';

const ok = (fields: Record<string, unknown>) => ({ code: 200, message: 'success', ...fields });

/** An endpoint about one existing clip (`clip_id`), answering `data` computed from it. */
function aboutClip(data: (clip: ClipSeed, body: Body, ctx: RouteContext) => Record<string, unknown>): SandboxRoute {
  return (body, ctx) => {
    const clip = requireClip(ctx.store, body, 'clip_id');
    const answer = data(clip, body, ctx);
    return { answer: () => ok({ data: answer }) };
  };
}

/** The words of a clip's lyrics (section markers left out), spread over its length; a line's last word ends in "\n". */
function alignment(clip: ClipSeed) {
  const lines = clip.lyrics
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\[.*\]$/.test(line))
    .map((line) => line.split(/\s+/));
  const count = lines.reduce((n, words) => n + words.length, 0);
  const step = Math.max(0.2, (clip.duration - 10) / Math.max(1, count));
  let index = 0;
  return lines.flatMap((words) =>
    words.map((word, i) => {
      const start = Math.round((5 + index++ * step) * 100) / 100;
      const last = i === words.length - 1;
      return {
        word: last ? `${word}\n` : word,
        start_s: start,
        end_s: Math.round((start + step * 0.8) * 100) / 100,
        p_align: 0.93,
        success: true,
      };
    }),
  );
}

function vocalRange(body: Body): { start?: number; end?: number } {
  const start = seconds(body, 'vocal_start_s', false);
  const end = seconds(body, 'vocal_end_s', false);
  if (start !== undefined && end !== undefined && (end <= start || end - start > 30)) {
    throw new SandboxError(400, 'The vocal range should be at most 30 seconds, with vocal_end_s after vocal_start_s.');
  }
  return { start, end };
}

export const answerRoutes: Record<string, SandboxRoute> = {
  '/api/v1/sonic/bpm': aboutClip((clip) => {
    const bpm = stableNumber(clip.id, 80, 160);
    return { avg_bpm: bpm, max_bpm: bpm + 2.5, min_bpm: bpm - 2.5 };
  }),
  '/api/v1/sonic/vox': aboutClip((clip, body) => {
    const { start, end } = vocalRange(body);
    return { vox_audio_id: randomUUID(), status: 'succeeded', source_clip_id: clip.id, vocal_start_s: start ?? 0, vocal_end_s: end ?? 30 };
  }),
  '/api/v1/sonic/wav': aboutClip((clip, _body, { store }) => ({ wav_url: store.fileUrl(clip.id, 'wav') })),
  '/api/v1/sonic/midi': aboutClip((clip, _body, { store }) => ({
    midi_url: store.fileUrl(clip.id, 'mid'),
    instruments: transcription(clip.id),
  })),
  '/api/v1/sonic/aligned-lyrics': (body, { store, owner }) => {
    const clip = requireClip(store, body, 'clip_id');
    const words = alignment(clip);
    if (words.length === 0) throw new SandboxError(404, 'lyrics not found.');
    // §3.12: later timelines of the same clip are free.
    return { ...(store.alignedBefore(owner, clip.id) ? { cost: 0 } : {}), answer: () => ok({ data: { alignment: words } }) };
  },
  '/api/v1/sonic/upsample-tags': (body) => {
    const tags = text(body, 'tags', 1000, true);
    return { answer: () => ok({ data: { upsampled_tags: `${tags}, polished mix, wide stereo, catchy hook` } }) };
  },
  '/api/v1/sonic/persona': (body, { store, owner }) => {
    const clip = requireClip(store, body, 'clip_id');
    const name = text(body, 'name', 80, true);
    text(body, 'describe', 200, false);
    vocalRange(body);
    return { answer: () => ({ code: 200, persona_id: store.addPersona(owner, name, clip.id).id }) };
  },
  '/api/v1/sonic/upload': (body, { store }) => {
    const url = audioUrl(body);
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'Uploaded audio';
    return {
      answer: () => ok({ clip_id: store.addClip(seed({ title: name, uploaded: true })).id }),
    };
  },
  '/api/v1/sonic/lyrics': (body) => {
    const about = text(body, 'description', 400, true);
    const draft = (title: string) => ({
      title,
      lyrics: `[Verse]\nA song about ${about}\nSung in the sandbox light\n\n[Chorus]\n${title}, ${title}\nAll through the night`,
    });
    return { answer: () => ok({ results: [draft('Sandbox Skies'), draft('Echoes of Code')] }) };
  },
};
