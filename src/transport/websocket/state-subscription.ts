/**
 * A graphql-ws subscription to a stream of states (`taskUpdated`), run without yoga's per-operation subscribe
 * pipeline: graphql-js's own two steps, directly. The root field's `subscribe` gives the source stream (the task's
 * live feed), and each source event is rendered by `execute` with the subscriber's own document and variables.
 *
 * What the pipeline's plugins would wrap around every stream is done here, once per stream: the subscription is
 * counted, held in the open-subscriptions gauge while it runs, and every error is masked as on every other path.
 * Those wrappers (error masking's and the gauge's iterators around the stream, the executor's own, and the promises
 * between them) cost more memory than the rest of a subscription: bench/RESULTS.md, benchmark 4. Everything before
 * execution is unchanged and still yoga's: parsing, validation and its limits, the context; so are the access rules.
 */
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  Kind,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { stateStreamExtension } from '../../builder.js';
import type { Metrics } from '../../observability/metrics.js';
import { maskError } from '../error-shape.js';
import type { RenderedSource } from './shared-streams.js';

type Outcome = ExecutionResult | RenderedSource<ExecutionResult>;

/** Whether every root field of a subscription is a stream of states, so that it may be shared. */
export function isStateStream(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getSubscriptionType()?.getFields();
  if (!fields) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && fields[selection.name.value]?.extensions[stateStreamExtension] === true,
  );
}

function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return Symbol.asyncIterator in value;
}

/** A copy of rendered data made of ordinary objects and arrays, sharing the original's strings. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = plain((value as Record<string, unknown>)[key]);
  return copy;
}

/** The result with every error masked as everywhere else (a new object: graphql-js's own is not touched). */
function masked(result: ExecutionResult): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map((error) => maskError(error) as GraphQLError) } : { ...result };
}

/**
 * A subscriber's rendering of the source's events (shared-streams.ts pulls the source and calls `render` per event).
 * The field's `resolve` turns the event into the task (or throws the error that ends the watch).
 */
class StateRenderer implements RenderedSource<ExecutionResult> {
  /** Holds the stream in the open-subscriptions gauge until it is closed (a field, not a closure: one object less). */
  private metrics: Pick<Metrics, 'activeSubscriptions'> | undefined;

  constructor(
    readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    metrics: Pick<Metrics, 'activeSubscriptions'> | undefined,
  ) {
    this.metrics = metrics;
  }

  /**
   * The data is handed on as ordinary objects: graphql-js builds it of prototype-less ones, which V8 keeps as
   * dictionaries at several times the size, and the latest result stays referenced for as long as the subscription
   * waits for the next.
   */
  async render(event: unknown): Promise<ExecutionResult> {
    const result = masked((await execute({ ...this.args, rootValue: event })) as ExecutionResult);
    if (result.data) result.data = plain(result.data) as ExecutionResult['data'];
    return result;
  }

  close(): void {
    const metrics = this.metrics;
    this.metrics = undefined;
    metrics?.activeSubscriptions.dec();
  }
}

/**
 * Subscribes as graphql-js's `subscribe` does: the source and its renderer (run by a shared stream), or the result
 * that refused it (e.g. NOT_FOUND from the field's `subscribe`), masked.
 */
export async function subscribeToStates(
  args: ExecutionArgs,
  metrics?: Pick<Metrics, 'graphqlRequests' | 'activeSubscriptions'>,
): Promise<Outcome> {
  metrics?.graphqlRequests.inc({ operation: 'subscription' });
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return masked(source);
  metrics?.activeSubscriptions.inc();
  return new StateRenderer(source[Symbol.asyncIterator](), args, metrics);
}
