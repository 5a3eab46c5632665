/**
 * Execution by graphql-js itself rather than yoga's default (@graphql-tools/executor, which costs more per field:
 * bench/RESULTS.md, benchmark 1), except for documents that use @defer or @stream: graphql-js 16 cannot deliver
 * those incrementally, so they keep yoga's executor (multipart/mixed over HTTP, events over SSE and graphql-ws).
 * Whether a document uses them is found once per parsed document (yoga's parse cache hands the same object back),
 * so an ordinary read pays a WeakMap lookup. Every transport executes through yoga's envelop, so this one plugin
 * decides for HTTP, SSE and graphql-ws.
 */
import { execute, Kind, subscribe, visit, BREAK, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const incremental = new WeakMap<DocumentNode, boolean>();

/** Whether the document asks for incremental delivery (@defer or @stream anywhere in it). */
export function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = incremental.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.DIRECTIVE](node) {
        if (node.name.value !== 'defer' && node.name.value !== 'stream') return;
        found = true;
        return BREAK;
      },
    });
    incremental.set(document, found);
  }
  return found;
}

export const useGraphQLJs: Plugin = {
  onExecute({ args, setExecuteFn }) {
    if (!usesIncrementalDelivery(args.document)) setExecuteFn(execute);
  },
  onSubscribe({ args, setSubscribeFn }) {
    if (!usesIncrementalDelivery(args.document)) setSubscribeFn(subscribe);
  },
};
