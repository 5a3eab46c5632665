// graphql-sse: queries, mutations and subscriptions over server-sent events (one HTTP request per operation).
import { createClient, type Client } from 'graphql-sse';

export function createSseClient(baseUrl: string, apiKey?: string): Client {
  return createClient({ url: `${baseUrl}/graphql`, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
}

/** A query, a mutation, a subscription to its end, and an error's code. */
export async function tour(client: Client, clipId: string) {
  const results = async (query: string, variables: Record<string, unknown> = {}) => {
    const all = [];
    for await (const result of client.iterate<any>({ query, variables })) all.push(result);
    return all;
  };
  const [costs] = await results('{ operationCosts { operation credits } }');
  const [split] = await results('mutation($clipId: ID!) { splitStemsBasic(clipId: $clipId) { id status } }', { clipId });
  const taskId = split!.data.splitStemsBasic.id;
  const updates = await results('subscription($taskId: ID!) { taskUpdated(taskId: $taskId) { id status } }', { taskId });
  const [failed] = await results('{ task(id: "not an id!") { id } }');
  return {
    operations: costs!.data.operationCosts.length,
    taskId,
    statuses: updates.map((update) => update.data.taskUpdated.status),
    errorCode: failed!.errors?.[0]?.extensions?.code, // BAD_USER_INPUT
  };
}
