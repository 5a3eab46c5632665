/**
 * Prepared documents for the HTTP fast path. A client sends the same few read documents over and over (a task page
 * polling `task(id)`); running each through envelop's per-request orchestration (its plugin hooks around parse,
 * validate, context and execute) was about a tenth of a running-task read's CPU. So a document is parsed and
 * validated once, through envelop, so that every rule applies exactly as on yoga's path (query limits, the
 * introspection policy, the parse-time token limit), and the outcome is kept by its text and operation name: the
 * document and operation to execute, or "not here", for one that fails to parse or validate or is a subscription
 * (yoga answers those, with their own status codes). A prepared document is then executed by graphql-js directly,
 * with the gateway's own context, error masking and metrics: what the envelop plugins of src/plugins do on execute.
 * Tracing, whose spans wrap each operation in envelop, turns this off (src/app/gateway.ts).
 */
import { getOperationAST, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

export interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** What preparing a document needs: envelop's parse and validate for this request (yoga.getEnveloped). */
export interface Preparer {
  parse(query: string): DocumentNode;
  validate(document: DocumentNode): readonly unknown[];
}

/** Documents kept: a few hundred distinct ones is already a large client; each is held once. */
const maxDocuments = 1_000;

export class PreparedDocuments {
  private readonly kept = new LRUCache<string, Prepared | false>({ max: maxDocuments });

  /** The prepared document for `query` and `operationName`, or undefined when this request is yoga's to answer. */
  get(query: string, operationName: string | undefined, preparer: () => Preparer): Prepared | undefined {
    const key = operationName === undefined ? query : `${operationName}\u0000${query}`;
    let prepared = this.kept.get(key);
    if (prepared === undefined) {
      prepared = prepare(query, operationName, preparer());
      this.kept.set(key, prepared);
    }
    return prepared || undefined;
  }
}

function prepare(query: string, operationName: string | undefined, preparer: Preparer): Prepared | false {
  let document: DocumentNode;
  try {
    document = preparer.parse(query);
  } catch {
    return false;
  }
  if (preparer.validate(document).length > 0) return false;
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === 'subscription') return false;
  return { document, operation };
}
