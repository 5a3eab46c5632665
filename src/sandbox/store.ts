/**
 * The sandbox's state: tasks and the clips they produce, uploads, personas and each key's credits, and how a task's
 * state moves with time (pending for the first quarter of `taskMs`, running until `taskMs`, then succeeded or failed).
 */
import { randomUUID } from 'node:crypto';
import { sonicStates, type SandboxStatus, type TaskFamily } from './contract.js';
import { stemParts, type ClipAudio } from './music/song.js';

/** A clip of a Sonic task answer (docs/upstream.md §4, its documented example). */
export interface SandboxClipAnswer {
  clip_id: string;
  state: string;
  title: string;
  tags: string;
  lyrics: string;
  gpt_description_prompt: string;
  image_url: string | null;
  audio_url: string | null;
  video_url: null;
  /** A decimal string, as the upstream sends it ("104.88"). */
  duration: string | null;
  mv: string;
  created_at: string;
  error_message?: string | null;
}

/** What a Producer task item holds, which decides the fields its answer carries. */
export type ProducerItemKind = 'song' | 'lyrics' | 'video' | 'mp3' | 'wav';

/** What a sandbox clip will look like once its task succeeds. */
export interface ClipSeed {
  id: string;
  title: string;
  tags: string;
  lyrics: string;
  description: string;
  model: string;
  duration: number;
  /** Made by `upload`, so the upload-only operations accept it. */
  uploaded?: boolean;
  /** For Producer task items. */
  producerItem?: ProducerItemKind;
  /** What its audio file plays; unset, the whole song rendered from its own id (see ./music). */
  audio?: ClipAudio;
}

export interface SandboxTask {
  id: string;
  /** A create-voice task: the persona it makes once it succeeds (docs/upstream.md §3.5). */
  voice?: { personaId: string; name: string };
  /** The bearer token that created it; other keys cannot read it. */
  owner: string;
  family: TaskFamily;
  kind: string;
  createdAt: number;
  clips: ClipSeed[];
  /** Credits charged at submission; refunded when the task fails. */
  cost: number;
  /** Set when the request asked the sandbox to fail the task (see docs/sandbox.md). */
  failWith: string | null;
}

export interface SandboxPersona {
  id: string;
  owner: string;
  name: string;
  clipId: string;
}

/** A clip every sandbox starts with, so stems and covers can be tried before creating anything. */
export const demoClip: ClipSeed = {
  id: '5a4d8b0c-0000-4000-8000-000000000001',
  title: 'Sandbox Demo Song',
  tags: 'synthwave, upbeat, female vocals',
  lyrics: '[Verse]\nNeon rivers in the night\n[Chorus]\nWe run until the morning light',
  description: 'an upbeat synthwave song about a night drive',
  model: 'sonic-v4-5',
  duration: 184.32,
};

export const insufficientCredits = 'The remaining credits are not enough. You can buy more one-time credit packs or subscribe.';

export class SandboxStore {
  private readonly tasks = new Map<string, SandboxTask>();
  private readonly clips = new Map<string, ClipSeed>([[demoClip.id, demoClip]]);
  private readonly personas = new Map<string, SandboxPersona>();
  private readonly grants = new Map<string, number>();
  private readonly spentAtOnce = new Map<string, number>();
  private readonly aligned = new Set<string>();

  constructor(
    private readonly taskMs: number,
    private readonly fileBaseUrl: () => string,
    private readonly now: () => number = Date.now,
    /** Credits each key starts with. */
    private readonly startingCredits = 100_000,
  ) {}

  addTask(
    owner: string,
    kind: string,
    clips: ClipSeed[],
    failWith: string | null = null,
    family: TaskFamily = 'sonic',
    cost = 0,
    voiceName?: string,
  ): SandboxTask {
    const task: SandboxTask = { id: randomUUID(), owner, family, kind, createdAt: this.now(), clips, cost, failWith };
    if (voiceName !== undefined) task.voice = { personaId: randomUUID(), name: voiceName };
    this.tasks.set(task.id, task);
    return task;
  }

  task(id: string, owner: string, family: TaskFamily = 'sonic'): SandboxTask | undefined {
    const task = this.tasks.get(id);
    return task && task.owner === owner && task.family === family ? task : undefined;
  }

  /** A clip that exists: the demo clip, an upload, or one made by a task that has succeeded. */
  clip(id: string): ClipSeed | undefined {
    const known = this.clips.get(id);
    if (known) return known;
    for (const task of this.tasks.values()) {
      const made = task.clips.find((c) => c.id === id);
      if (made && this.status(task) === 'SUCCEEDED') return made;
    }
    return undefined;
  }

  /** What a clip's audio file plays, whatever its task's state; an id the sandbox never made is a song of its own. */
  audioOf(id: string): ClipAudio {
    let seed = this.clips.get(id);
    for (const task of this.tasks.values()) seed ??= task.clips.find((c) => c.id === id);
    return seed?.audio ?? { song: id, parts: stemParts };
  }

  /** Makes a clip exist at once (an upload). */
  addClip(clip: ClipSeed): ClipSeed {
    this.clips.set(clip.id, clip);
    return clip;
  }

  addPersona(owner: string, name: string, clipId: string): SandboxPersona {
    const persona = { id: randomUUID(), owner, name, clipId };
    this.personas.set(persona.id, persona);
    return persona;
  }

  /** A persona of `owner`: made by /sonic/persona, or by a create-voice task that has succeeded. */
  persona(id: string, owner: string): SandboxPersona | undefined {
    const persona = this.personas.get(id);
    if (persona) return persona.owner === owner ? persona : undefined;
    for (const task of this.tasks.values()) {
      const { voice } = task;
      if (voice?.personaId === id && task.owner === owner && this.status(task) === 'SUCCEEDED') {
        return { id, owner, name: voice.name, clipId: '' };
      }
    }
    return undefined;
  }

  /** Whether `owner` has aligned this clip's lyrics before (later alignments are free); marks it aligned. */
  alignedBefore(owner: string, clipId: string): boolean {
    const key = `${owner}\n${clipId}`;
    const seen = this.aligned.has(key);
    this.aligned.add(key);
    return seen;
  }

  /** Sets the credits a key has left (tests use it to run an account dry). */
  setCredits(owner: string, credits: number): void {
    this.grants.set(owner, credits + this.spent(owner));
  }

  /** Credits left: the grant, less what answers-at-once cost, less every task that has not failed. */
  credits(owner: string): number {
    return (this.grants.get(owner) ?? this.startingCredits) - this.spent(owner);
  }

  /** Records a charge for an answer given at once. */
  spend(owner: string, cost: number): void {
    this.spentAtOnce.set(owner, (this.spentAtOnce.get(owner) ?? 0) + cost);
  }

  private spent(owner: string): number {
    let total = this.spentAtOnce.get(owner) ?? 0;
    for (const task of this.tasks.values()) {
      if (task.owner === owner && this.status(task) !== 'FAILED') total += task.cost;
    }
    return total;
  }

  status(task: SandboxTask): SandboxStatus {
    const elapsed = this.now() - task.createdAt;
    if (elapsed < this.taskMs / 4) return 'PENDING';
    if (elapsed < this.taskMs) return 'RUNNING';
    return task.failWith ? 'FAILED' : 'SUCCEEDED';
  }

  fileUrl(id: string, ext: 'wav' | 'svg' | 'mid' | 'mp4'): string {
    return `${this.fileBaseUrl()}/files/${id}.${ext}`;
  }

  /** The task as the Sonic task GET answers it. */
  wireClips(task: SandboxTask): SandboxClipAnswer[] {
    const status = this.status(task);
    const done = status === 'SUCCEEDED';
    return task.clips.map((c) => ({
      clip_id: c.id,
      state: sonicStates[status],
      title: c.title,
      tags: c.tags,
      lyrics: c.lyrics,
      gpt_description_prompt: c.description,
      image_url: done ? this.fileUrl(c.id, 'svg') : null,
      audio_url: status === 'PENDING' || status === 'FAILED' ? null : this.fileUrl(c.id, 'wav'),
      video_url: null,
      duration: done ? c.duration.toFixed(2) : null,
      mv: c.model,
      created_at: new Date(task.createdAt).toISOString(),
      ...(status === 'FAILED' ? { error_message: task.failWith } : {}),
    }));
  }
}
