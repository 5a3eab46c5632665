/**
 * Users own what they make. The upstream cannot tell apart the users who share the server's key, and a clip id is in
 * every audio URL a user shares, so with CLIP_ACCESS=owner (the default with sign-in) every clip, persona and vox id
 * a paid operation takes must be recorded as the caller's own (src/store OwnershipStore); any other is NOT_FOUND
 * before anything is reserved or sent. What an operation takes and gives is declared once per operation
 * (src/upstream/owned-ids.ts); the clips of finished tasks are recorded where states are observed
 * (src/tasks/observe.ts), and what an answer-at-once gives (an upload's clip, a persona, a vox id) with the paid
 * outcome (submit.ts, through the outbox when the store cannot take it at once).
 *
 * It is part of the submit use case, which every transport (HTTP, SSE, graphql-ws) reaches, so the rule is the same
 * on each. With the in-process sandbox, its demo clip is everyone's, so that the first example works.
 */
import type { Context } from '../context.js';
import { GatewayError } from '../domain/errors.js';
import { ownedKindNames } from '../domain/ownership.js';
import { demoClip } from '../sandbox/index.js';
import { idsTaken } from '../upstream/owned-ids.js';
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
