// Plain fetch with trusted documents: each operation goes as the hash `npm run codegen` gave it (no document text),
// so this client works with PERSISTED_OPERATIONS_ONLY=true too. Subscriptions come as server-sent events.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
// Typed documents from `npm run codegen` (operations/*.graphql); each carries its hash in `__meta__`.
import { OperationCostsDocument, SplitStemsBasicDocument, TaskDocument, TaskUpdatedDocument } from '../../operations/generated/graphql.js';

export interface Result<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function body<T, V>(document: TypedDocumentNode<T, V>, variables: V): string {
  const { hash } = (document as unknown as { __meta__: { hash: string } }).__meta__;
  return JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}

export function createFetchClient(baseUrl: string, apiKey?: string) {
  const headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  return {
    async execute<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<Result<T>> {
      const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: body(document, variables) });
      return (await res.json()) as Result<T>;
    },
    /** Each event of a subscription, until the server completes it. */
    async *subscribe<T, V>(document: TypedDocumentNode<T, V>, variables: V): AsyncGenerator<Result<T>> {
      const init = { method: 'POST', headers: { ...headers, accept: 'text/event-stream' }, body: body(document, variables) };
      const res = await fetch(`${baseUrl}/graphql`, init);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body!) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: complete$/m.test(message)) return;
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim());
          if (data.length > 0) yield JSON.parse(data.join('\n')) as Result<T>;
        }
      }
    },
  };
}

/** A query, a mutation, a subscription to its end, and an error's code. */
export async function tour(client: ReturnType<typeof createFetchClient>, clipId: string) {
  const costs = await client.execute(OperationCostsDocument, {});
  const split = await client.execute(SplitStemsBasicDocument, { clipId });
  const taskId = split.data!.splitStemsBasic!.id;
  const statuses: string[] = [];
  for await (const update of client.subscribe(TaskUpdatedDocument, { taskId })) statuses.push(update.data!.taskUpdated.status);
  const failed = await client.execute(TaskDocument, { id: 'not an id!' });
  return { operations: costs.data!.operationCosts.length, taskId, statuses, errorCode: failed.errors?.[0]?.extensions?.code };
}
