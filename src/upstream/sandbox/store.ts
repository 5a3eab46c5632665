/**
 * The sandbox's state: tasks, the clips they produce, and how a task's state moves with time
 * (pending for the first quarter of `taskMs`, running until `taskMs`, then succeeded or failed).
 */
import { randomUUID } from 'node:crypto';
import type { TaskStatus } from '../types.js';
import { wireStates, type WireClip } from '../wire.js';

/** What a sandbox clip will look like once its task succeeds. */
export interface ClipSeed {
  id: string;
  title: string;
  tags: string;
  lyrics: string;
  description: string;
  model: string;
  duration: number;
}

export interface SandboxTask {
  id: string;
  /** The bearer token that created it; other keys cannot read it. */
  owner: string;
  kind: string;
  createdAt: number;
  clips: ClipSeed[];
  /** Set when the request asked the sandbox to fail the task (see README, "Sandbox"). */
  failWith: string | null;
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

export class SandboxStore {
  private readonly tasks = new Map<string, SandboxTask>();
  private readonly clips = new Map<string, ClipSeed>([[demoClip.id, demoClip]]);

  constructor(
    private readonly taskMs: number,
    private readonly fileBaseUrl: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  addTask(owner: string, kind: string, clips: ClipSeed[], failWith: string | null = null): SandboxTask {
    const task: SandboxTask = { id: randomUUID(), owner, kind, createdAt: this.now(), clips, failWith };
    this.tasks.set(task.id, task);
    return task;
  }

  task(id: string, owner: string): SandboxTask | undefined {
    const task = this.tasks.get(id);
    return task && task.owner === owner ? task : undefined;
  }

  /** A clip that exists: the demo clip or one made by a task that has succeeded. */
  clip(id: string): ClipSeed | undefined {
    const known = this.clips.get(id);
    if (known) return known;
    for (const task of this.tasks.values()) {
      const made = task.clips.find((c) => c.id === id);
      if (made && this.status(task) === 'SUCCEEDED') return made;
    }
    return undefined;
  }

  status(task: SandboxTask): TaskStatus {
    const elapsed = this.now() - task.createdAt;
    if (elapsed < this.taskMs / 4) return 'PENDING';
    if (elapsed < this.taskMs) return 'RUNNING';
    return task.failWith ? 'FAILED' : 'SUCCEEDED';
  }

  /** The task as the upstream's GET answers it. */
  wireClips(task: SandboxTask): WireClip[] {
    const status = this.status(task);
    const done = status === 'SUCCEEDED';
    const files = this.fileBaseUrl();
    return task.clips.map((c) => ({
      clip_id: c.id,
      state: wireStates[status],
      title: c.title,
      tags: c.tags,
      lyrics: c.lyrics,
      gpt_description_prompt: c.description,
      image_url: done ? `${files}/files/${c.id}.svg` : null,
      audio_url: status === 'PENDING' || status === 'FAILED' ? null : `${files}/files/${c.id}.wav`,
      video_url: null,
      duration: done ? c.duration : null,
      mv: c.model,
      created_at: new Date(task.createdAt).toISOString(),
      ...(status === 'FAILED' ? { error_message: task.failWith } : {}),
    }));
  }
}
