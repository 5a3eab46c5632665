/**
 * The sandbox's Producer endpoints (docs/upstream.md §9.3): each starts a Producer task of one item. Task types other
 * than create_music are retired upstream and answer 410.
 */
import { audioUrl, failureAsked, flag, SandboxError, text, type Body } from './checks.js';
import { requireClip, seed, type RouteContext, type SandboxRoute } from './route-kit.js';
import { producerModels } from './contract.js';
import type { ClipSeed } from './store.js';

function producerTask(kind: string, make: (body: Body, ctx: RouteContext) => ClipSeed): SandboxRoute {
  return (body, ctx) => ({ task: { family: 'producer', kind, clips: [make(body, ctx)], failWith: failureAsked(body) } });
}

export const producerRoutes: Record<string, SandboxRoute> = {
  '/api/v1/producer/create': producerTask('create_music', (body) => {
    const taskType = text(body, 'task_type', 40, true);
    if (taskType !== 'create_music') throw new SandboxError(410, `The task type ${taskType} has been retired.`);
    const mv = text(body, 'mv', 40, false) || 'FUZZ-2.0';
    if (!producerModels.includes(mv)) throw new SandboxError(400, "The 'mv' field is invalid.");
    const sound = text(body, 'sound', 3000, false);
    const lyrics = text(body, 'lyrics', 5000, false);
    if (!sound && !lyrics) throw new SandboxError(400, 'One of sound or lyrics is required.');
    const title = text(body, 'title', 80, false);
    if (body.seed !== undefined && !/^\d+$/.test(String(body.seed))) throw new SandboxError(400, 'seed should be numeric.');
    const instrumental = flag(body, 'make_instrumental');
    return seed({ title: title || 'Producer Song', tags: sound, lyrics: instrumental ? '' : lyrics, model: mv, producerItem: 'song' });
  }),
  '/api/v1/producer/lyrics-create': producerTask('make_lyrics', (body) => {
    const prompt = text(body, 'prompt', 3000, true);
    return seed({
      title: 'Producer Lyrics',
      lyrics: `[Verse]\n${prompt}\n\n[Chorus]\nProducer sings it back to you`,
      producerItem: 'lyrics',
    });
  }),
  '/api/v1/producer/video-clip': producerTask('video_clip', (body, { store }) => {
    const source = requireClip(store, body, 'clip_id');
    return seed({ title: `${source.title} (video)`, duration: source.duration, producerItem: 'video' });
  }),
  '/api/v1/producer/upload': producerTask('upload', (body) => {
    audioUrl(body);
    return seed({ title: 'Uploaded audio', producerItem: 'mp3', uploaded: true });
  }),
  '/api/v1/producer/download': producerTask('download', (body, { store }) => {
    const source = requireClip(store, body, 'clip_id');
    const format = body.format;
    if (format !== 'mp3' && format !== 'wav') throw new SandboxError(400, "The 'format' field should be mp3 or wav.");
    return seed({ title: source.title, duration: source.duration, producerItem: format });
  }),
};
