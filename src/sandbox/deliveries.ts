/**
 * The sandbox's webhook sender: a task submitted with `webhook_url` gets one signed POST there when it reaches a
 * final state (docs/upstream.md §10), in its family's shape (task-answers.ts), checked every `checkMs` of real time or on demand (`deliverDue`, for tests
 * that move a manual clock). Without `webhook_secret` it signs with a default secret, as the upstream does.
 * Delivery is at least once, as the upstream's is assumed to be (docs/upstream.md §10): a callback that gets no
 * answer or a 5xx is sent again after 1 s, then 2, 4, ... up to 30 s between attempts, `maxAttempts` times in all
 * (about two and a half minutes: a receiver that restarts meanwhile still gets it).
 */
import { webhookHeaders } from './contract.js';
import type { SandboxStore, SandboxTask } from './store.js';
import { deliveryBody } from './task-answers.js';

export const sandboxDefaultWebhookSecret = 'sandbox-default-webhook-secret';

export interface SandboxWebhookDelivery {
  taskId: string;
  url: string;
  event: string;
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
}

interface PendingWebhook {
  task: SandboxTask;
  url: string;
  secret: string;
  /** Attempts made so far, and (real time) when the next may be made. */
  attempts: number;
  notBefore: number;
}

const maxAttempts = 10;
const retryDelayMs = (attempts: number) => Math.min(30_000, 1_000 * 2 ** (attempts - 1));

export class SandboxWebhookSender {
  /** Every delivery attempt, oldest first. */
  readonly deliveries: SandboxWebhookDelivery[] = [];
  private readonly pending = new Map<string, PendingWebhook>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SandboxStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers the callback a submit asked for, if any. */
  register(task: SandboxTask, body: Record<string, unknown>): void {
    const url = body.webhook_url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
    const secret = body.webhook_secret;
    const signWith = typeof secret === 'string' && secret ? secret : sandboxDefaultWebhookSecret;
    this.pending.set(task.id, { task, url, secret: signWith, attempts: 0, notBefore: 0 });
  }

  /** Sends the callbacks of every task that has reached a final state; resolves with how many were sent. */
  async deliverDue(): Promise<number> {
    const final = (task: SandboxTask) => ['SUCCEEDED', 'FAILED'].includes(this.store.status(task));
    const due = [...this.pending.values()].filter(({ task, notBefore }) => notBefore <= Date.now() && final(task));
    for (const { task } of due) this.pending.delete(task.id);
    await Promise.all(due.map((webhook) => this.send(webhook)));
    return due.length;
  }

  start(checkMs: number): void {
    this.timer ??= setInterval(() => void this.deliverDue(), checkMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async send(webhook: PendingWebhook): Promise<void> {
    const { task, url, secret } = webhook;
    // Each family's own shape (§10, §15.1): its task answer, plus the task id, the platform and the event.
    const { event, body } = deliveryBody(this.store, task);
    const raw = JSON.stringify(body);
    const headers = webhookHeaders(secret, raw, event, Math.floor(this.now() / 1000));
    let status: number | null = null;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(10_000) });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = null;
    }
    this.deliveries.push({ taskId: task.id, url, event, status });
    webhook.attempts += 1;
    if ((status === null || status >= 500) && webhook.attempts < maxAttempts) {
      this.pending.set(task.id, { ...webhook, notBefore: Date.now() + retryDelayMs(webhook.attempts) });
    }
  }
}
