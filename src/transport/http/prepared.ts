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
 *
 * A read of tasks that keeps coming (a page polling `task(id)`) is also compiled, once, by graphql-jit into a function
 * that executes just that query (about a seventh of graphql-js's execution time for a task read, and a fraction of its
 * garbage): the same resolvers, the same answer. Only plain queries of tasks are compiled: root fields `task`,
 * `tasks`, `node`, `nodes` (reads through the request's loader, so that the fast path may run one again with
 * graphql-js, at no upstream cost, when its answer has errors), no directives (graphql-jit's @skip/@include on fragment
 * spreads differ) and no introspection. graphql-jit is loaded when the first query is compiled, not at start (it
 * brings a JSON schema compiler), and compiles are capped per minute.
 */
import { getOperationAST, Kind, visit, BREAK, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

export interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Whether graphql-jit may compile it (a query without directives or introspection). */
  compilable: boolean;
  /** Times it has run; it is compiled once it has run `compileAfterRuns` times. */
  runs: number;
  /** The compiled query, once there is one. */
  compiled?: CompiledQuery | undefined;
}

/** A document run this often is a client's own polling read, worth compiling; one-off documents are not. */
const compileAfterRuns = 3;

export interface CompileLimits {
  /**
   * Compiled queries kept at once (each ~25 KB of heap and 1–2 ms to make, for a task read with its clips and
   * stems): an app sends a few dozen distinct queries. One pushed out runs on graphql-js from then on.
   */
  maxCompiled: number;
  /** Compiles per minute: a client cycling through many documents cannot make the gateway compile on and on. */
  compilesPerMinute: number;
}

const defaultLimits: CompileLimits = { maxCompiled: 100, compilesPerMinute: 60 };

type Compile = typeof import('graphql-jit').compileQuery;
/** The compiler; a promise while it loads; null if it could not be loaded (everything then runs on graphql-js). */
let jit: Compile | Promise<unknown> | null | undefined;

/** graphql-jit's compiler: loaded on the first call, undefined until it is (or if it cannot be). */
function compiler(): Compile | undefined {
  if (jit === undefined) {
    jit = import('graphql-jit').then(
      (module) => (jit = module.compileQuery),
      () => (jit = null),
    );
  }
  return typeof jit === 'function' ? jit : undefined;
}

/** Root fields a compiled query may have: reads of tasks through the request's loader (and the type name). */
const taskReads = new Set(['task', 'tasks', 'node', 'nodes', '__typename']);

/** A query of tasks only, without directives and without introspection fields. */
function isCompilable(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  if (!operation.selectionSet.selections.every((root) => root.kind === Kind.FIELD && taskReads.has(root.name.value))) return false;
  let plain = true;
  visit(document, {
    Directive() {
      plain = false;
      return BREAK;
    },
    Field(field) {
      if (!field.name.value.startsWith('__') || field.name.value === '__typename') return undefined;
      plain = false;
      return BREAK;
    },
  });
  return plain && document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === operation);
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
  /** This minute's compiles: when it began, and how many so far. */
  private compiles = { since: 0, count: 0 };
  private readonly compiled: LRUCache<Prepared, true>;

  constructor(private readonly limits: CompileLimits = defaultLimits) {
    this.compiled = new LRUCache<Prepared, true>({
      max: limits.maxCompiled,
      dispose: (_, prepared) => {
        prepared.compiled = undefined;
        prepared.compilable = false;
      },
    });
  }

  /** The compiled query to run `prepared` with, when it has earned one (else undefined: graphql-js runs it). */
  compiledQuery(prepared: Prepared, schema: GraphQLSchema): CompiledQuery | undefined {
    if (prepared.compiled) {
      this.compiled.get(prepared); // kept recent
      return prepared.compiled;
    }
    if (!prepared.compilable || ++prepared.runs < compileAfterRuns) return undefined;
    const compile = compiler();
    if (!compile || !this.mayCompile()) return undefined;
    try {
      const compiled = compile(schema, prepared.document, prepared.operation.name?.value);
      if ('query' in compiled) {
        prepared.compiled = compiled;
        this.compiled.set(prepared, true);
      } else {
        prepared.compilable = false; // graphql-jit refused it: it stays on graphql-js
      }
    } catch {
      prepared.compilable = false;
    }
    return prepared.compiled;
  }

  /** Whether one more compile fits this minute's budget (then counted). */
  private mayCompile(now = Date.now()): boolean {
    if (now - this.compiles.since >= 60_000) this.compiles = { since: now, count: 0 };
    return this.compiles.count++ < this.limits.compilesPerMinute;
  }

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
  return { document, operation, compilable: isCompilable(document, operation), runs: 0 };
}
