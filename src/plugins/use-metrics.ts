/** Counts every GraphQL result and the codes of its errors (including parse and validation failures). */
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../observability/metrics.js';

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}

/** Counts the errors of one result by their code. */
export function countErrors(metrics: Metrics, result: ExecutionResult): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
  }
}

export function useMetrics(metrics: Metrics): Plugin {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document as DocumentNode, args.operationName ?? undefined);
      metrics.graphqlRequests.inc({ operation: operation?.operation ?? 'unknown' });
    },
    onSubscribe() {
      metrics.graphqlRequests.inc({ operation: 'subscription' });
      return {
        onSubscribeResult({ result }) {
          if (!(typeof result === 'object' && result !== null && Symbol.asyncIterator in result)) return;
          metrics.activeSubscriptions.inc();
          return { onEnd: () => metrics.activeSubscriptions.dec() };
        },
      };
    },
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const r of results) if (isExecutionResult(r)) countErrors(metrics, r);
    },
  };
}
