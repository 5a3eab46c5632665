/**
 * Users own what they make. The upstream cannot tell apart the users who share the server's key, and a clip id is in
 * every audio URL a user shares, so with CLIP_ACCESS=owner (the default with sign-in) every clip, persona and vox id
 * a paid operation takes must be recorded as the caller's own (src/store OwnershipStore); any other is NOT_FOUND
 * before anything is reserved or sent. What an operation takes and gives is declared once per operation
 * (src/upstream/owned-ids.ts); the clips of finished tasks are recorded where states are observed
 * (src/tasks/observe.ts), and what an answer-at-once gives (an upload's clip, a persona, a vox id) here.
 *
 * It is part of the submit use case, which every transport (HTTP, SSE, graphql-ws) reaches, so the rule is the same
 * on each. With the in-process sandbox, its demo clip is everyone's, so that the first example works.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '../context.js';
import { GatewayError } from '../domain/errors.js';
import { ownedKindNames, type OwnedId } from '../domain/ownership.js';
import { demoClip } from '../sandbox/index.js';
import { idsGiven, idsTaken } from '../upstream/owned-ids.js';
import type { UpstreamOperation } from '../upstream/operations.js';

type AnyOperation = UpstreamOperation<never, unknown>;

/** Throws NOT_FOUND unless the caller owns every id `input` gives to `operation` (with CLIP_ACCESS=owner). */
export async function checkOwnership(ctx: Context, operation: AnyOperation, input: unknown): Promise<void> {
  const { config, ownership, logger } = ctx.services;
  if (config.clipAccess !== 'owner') return;
  const ids = idsTaken(operation, input).filter((owned) => !(config.sandbox && owned.kind === 'clip' && owned.id === demoClip.id));
  if (ids.length === 0) return;
  let owns: boolean[];
  try {
    owns = await ownership.owns(ctx.tenant, ids);
  } catch (err) {
    logger.error({ err }, 'could not check who owns the ids of a request');
    throw new GatewayError(
      'STORE_UNAVAILABLE',
      'The gateway cannot check who owns these ids right now; nothing was sent and nothing was charged.',
      {
        retryAfterSeconds: 2,
      },
    );
  }
  const foreign = ids.find((_, i) => !owns[i]);
  if (foreign) throw new GatewayError('NOT_FOUND', `${ownedKindNames[foreign.kind]} ${foreign.id} was not found.`);
}

/**
 * Records what an answer-at-once gave the caller (an uploaded clip, a persona, a vox id). The upstream has done the
 * work and charged for it: a store that fails is tried twice more, then logged; the caller still gets its answer.
 */
export async function recordGiven(ctx: Context, operation: AnyOperation, result: unknown): Promise<void> {
  const ids = idsGiven(operation, result);
  if (ids.length > 0) await recordWithRetries(ctx, ids);
}

async function recordWithRetries(ctx: Context, ids: OwnedId[]): Promise<void> {
  const { ownership, logger } = ctx.services;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ownership.record(ctx.tenant, ids, Date.now());
    } catch (err) {
      if (attempt === 3) return void logger.error({ err, kinds: ids.map((owned) => owned.kind) }, 'could not record what a user made');
      await sleep(250 * attempt);
    }
  }
}
