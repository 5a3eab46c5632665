/**
 * Upstream reads a request may cause. A task the gateway recorded is read on its owner's behalf and then kept (the
 * finished-task cache), but an id it has no record of (a caller on its own key, or on the server's key with sign-in
 * off, may read any task of that key) costs an upstream read each time, on the key's account. So each distinct such
 * id in a request takes one more point from the caller's rate limits (its IP's and its own, as an operation does),
 * and a request may ask for at most `maxUnrecordedReads` of them across all its fields and aliases; past either, the
 * read is refused without an upstream call. (The cost limit counts each id of `tasks(ids:)` too:
 * src/plugins/use-query-limits.ts.)
 */
import { GatewayError } from '../domain/errors.js';

/** Distinct ids without a record that one request may read from the upstream. */
export const maxUnrecordedReads = 100;

export class UnrecordedReads {
  private readonly ids = new Set<string>();

  /** `take`: one more point from the caller's rate limits, or the error that refuses it. */
  constructor(private readonly take: () => Promise<GatewayError | undefined>) {}

  /** Resolves when the request may read `id` (which the gateway has no record of) from the upstream; else throws. */
  async admit(id: string): Promise<void> {
    if (!this.ids.has(id)) {
      if (this.ids.size >= maxUnrecordedReads) {
        throw new GatewayError(
          'BAD_USER_INPUT',
          `Task ${id} was not read: one request may read at most ${maxUnrecordedReads} tasks the gateway has no record of. Ask for the rest in another request.`,
        );
      }
      this.ids.add(id);
    }
    const refusal = await this.take();
    if (refusal) throw refusal;
  }
}
