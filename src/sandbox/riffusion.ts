/**
 * The sandbox's Riffusion endpoints (docs/upstream.md §9.5; the family is "Deprecated" upstream): create with lyrics
 * or a description and the other task types of the extend page, and upload. Bodies are checked as the documented
 * schema says; tasks hold two takes, read back through GET /api/v1/riffusion/task/{id} (task-answers.ts). Whether the
 * real family still answers, or answers 410, is unknown: the sandbox can be told to retire it (`retire`, server.ts).
 */
import { audioUrl, failureAsked, flag, SandboxError, seconds, text, type Body } from './checks.js';
import { riffusionModels, riffusionTaskTypes } from './contract.js';
import { requireClip, seed, type SandboxRoute } from './route-kit.js';

const createTaskTypes = new Set(['create_music']);
const extendTaskTypes = new Set(['extend_music', 'extend_upload_music']);

export const riffusionRoutes: Record<string, SandboxRoute> = {
  '/api/v1/riffusion/create': (body: Body, { store }) => {
    const taskType = text(body, 'task_type', 40, false) || 'create_music';
    if (!riffusionTaskTypes.includes(taskType)) throw new SandboxError(400, `The 'task_type' field is invalid: ${taskType}.`);
    if (typeof body.custom_mode !== 'boolean') throw new SandboxError(400, "The 'custom_mode' field should be boolean.");
    const mv = text(body, 'mv', 40, true);
    if (!riffusionModels.includes(mv)) throw new SandboxError(400, "The 'mv' field is invalid.");
    const instrumental = flag(body, 'make_instrumental');
    const lyrics = text(body, 'lyrics', 5000, body.custom_mode && !instrumental);
    const prompt = text(body, 'prompt', 400, !body.custom_mode);
    const sound = text(body, 'sound', 1000, false);
    const title = text(body, 'title', 80, false);
    let source = '';
    if (!createTaskTypes.has(taskType)) {
      source = requireClip(store, body, 'continue_clip_id').title;
      seconds(body, 'continue_at', extendTaskTypes.has(taskType));
    }
    const name = title || source || prompt.split(/\s+/).slice(0, 4).join(' ') || 'Riffusion Song';
    const clips = [1, 2].map((n) =>
      seed({ title: n === 1 ? name : `${name} (take 2)`, tags: sound, lyrics: instrumental ? '' : lyrics, description: prompt, model: mv }),
    );
    return { task: { family: 'riffusion', kind: `riffusion_${taskType}`, clips, failWith: failureAsked(body) } };
  },
  // "Upload your own songs and get a clip id" (§9.5): the answer's shape is not documented; the sandbox answers as
  // /sonic/upload does (§3.16).
  '/api/v1/riffusion/upload': (body, { store }) => {
    const url = audioUrl(body);
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'Uploaded audio';
    return { answer: () => ({ code: 200, message: 'success', clip_id: store.addClip(seed({ title: name, uploaded: true })).id }) };
  },
};
