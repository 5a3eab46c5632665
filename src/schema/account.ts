/** The account and its prices: remaining credits, what each operation costs, and uploads. */
import { builder } from '../builder.js';
import type { Credits, UploadedClip } from '../upstream/results.js';

export const CreditsRef = builder.objectRef<Credits>('Credits').implement({
  description: "The upstream account's remaining credits. Extra credits are spent first and do not expire.",
  fields: (t) => ({
    subscriptionCredits: t.exposeInt('credits', { description: 'Subscription credits left this billing cycle.' }),
    credits: t.exposeInt('credits', {
      description: 'Subscription credits left this billing cycle (the same as `subscriptionCredits`).',
      deprecationReason: 'Use `subscriptionCredits`: the same number, with a name that does not repeat its type.',
    }),
    extraCredits: t.exposeInt('extraCredits', { description: 'One-time credits left.' }),
    total: t.int({ description: 'All credits left.', resolve: (c) => c.credits + c.extraCredits }),
  }),
});

export interface OperationCost {
  operation: string;
  credits: number | null;
  note: string | null;
  source: string;
}

export const OperationCostRef = builder.objectRef<OperationCost>('OperationCost').implement({
  description:
    'What one call of a mutation costs upstream: the published price of the upstream brand the gateway calls ' +
    '(api.aimusicapi.ai or api.musicapi.ai, see docs/upstream.md §13), or the figure its operator set (OPERATION_COSTS_FILE).',
  fields: (t) => ({
    operation: t.exposeString('operation', { description: 'The mutation, e.g. `createMusic`.' }),
    credits: t.exposeInt('credits', {
      nullable: true,
      description: 'Credits per call (the higher figure when it varies); null when the upstream publishes none.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'How the cost varies, or why it is uncertain.' }),
    source: t.exposeString('source', {
      description: 'Where the figure comes from: the published prices of a brand, or `OPERATION_COSTS_FILE`.',
    }),
  }),
});

export const UploadedClipRef = builder.objectRef<UploadedClip>('UploadedClip').implement({
  description: 'Audio the upstream now holds as a clip.',
  fields: (t) => ({
    clipId: t.exposeID('clipId', {
      description: 'Use it with the *Uploaded* operations, `addVocals`, `addInstrumental` and `createPersona`.',
    }),
  }),
});
