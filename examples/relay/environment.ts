// Relay: an Environment for this gateway. Relay keys records by `id` alone; a Stem's id is its clip's id (Apollo and
// urql key by type and id, so there it needs nothing), so the Stem is keyed by its type too, or it and its Clip would
// be one record. Subscriptions can go through graphql-ws as in the Apollo and urql recipes.
import { Environment, Network, RecordSource, Store, type FetchFunction } from 'relay-runtime';

export function createRelayEnvironment(baseUrl: string, apiKey?: string): Environment {
  const fetchFn: FetchFunction = async (request, variables) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({ query: request.text, operationName: request.name, variables }),
    });
    return res.json();
  };
  return new Environment({
    network: Network.create(fetchFn),
    store: new Store(new RecordSource()),
    getDataID: (fieldValue, typeName) => (typeName === 'Stem' ? `Stem:${fieldValue.id}` : fieldValue.id),
  });
}
