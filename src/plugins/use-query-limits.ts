/**
 * Limits on the shape of a GraphQL request, checked before anything runs: its variables (src/access/variables.ts),
 * and with graphql-armor its document's tokens (while parsing), depth, aliases, directives and estimated cost. A document over a limit is refused with a message that names the
 * limit (GRAPHQL_PARSE_FAILED for tokens, GRAPHQL_VALIDATION_FAILED for the rest) and nothing is executed.
 *
 * The estimate counts each id of `tasks(ids:)` (one upstream read each, unless finished and kept) as one more copy of
 * the field: ids usually arrive as variables, which validation cannot see, so such a document's cost is estimated
 * again when it is executed, with its variables, by the same armor rule (as if the field said `first: <ids>`, which
 * armor multiplies by). That runs wherever a document is executed (yoga, the HTTP fast path, graphql-ws).
 */
import { costLimitPlugin, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  Kind,
  print,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { variablesProblem } from '../access/variables.js';
import type { Limits } from '../config.js';

/** Directives per document: the schema defines none of its own, so a handful of @include/@skip is plenty. */
const maxDirectives = 20;

/**
 * graphql-armor's rules throw by default, which escapes validation as an uncoded error. Reported instead, a
 * violation is an ordinary validation error (without armor's misleading "Syntax Error:" prefix).
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** How many distinct ids a `tasks(ids:)` asks for, from its literal list or its variable. */
function idCount(value: ValueNode | undefined, variables: Record<string, unknown> | null | undefined): number {
  if (!value) return 1;
  if (value.kind === Kind.LIST) return Math.max(1, new Set(value.values.map((v) => print(v))).size);
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return Array.isArray(given) ? Math.max(1, new Set(given.map(String)).size) : 1;
  }
  return 1;
}

/** The document with each `Query.tasks` field marked `first: <its ids>`, or undefined when it has none. */
function withIdCounts(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined) {
  const query = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const counted = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode): FieldNode | undefined {
        if (node.name.value !== 'tasks' || typeInfo.getParentType() !== query) return undefined;
        found = true;
        const ids = node.arguments?.find((arg) => arg.name.value === 'ids')?.value;
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: { kind: Kind.INT, value: String(idCount(ids, variables)) },
        };
        return { ...node, arguments: [first, ...(node.arguments ?? [])] };
      },
    }),
  );
  return found ? counted : undefined;
}

/** A document's second cost estimate, with its variables: the errors that refuse it, or undefined. */
export type ExecutionCostCheck = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
) => GraphQLError[] | undefined;

/**
 * The cost estimate of a document's `tasks(ids:)` fields with the ids they are given, made when it is executed: the
 * plugin below runs it for yoga's executions, and the HTTP fast path's prepared executions run the same check.
 */
export function taskIdCostCheck(maxCost: number): ExecutionCostCheck {
  const rule = costLimitRule({ maxCost, ...asValidationError });
  // Documents known to hold no `tasks` field (yoga's parse cache hands the same object back for the same text), so
  // that most executions skip the second estimate at once.
  const withoutTasks = new WeakSet<DocumentNode>();
  return (schema, document, variables) => {
    if (withoutTasks.has(document)) return undefined;
    const counted = withIdCounts(schema, document, variables);
    if (!counted) return void withoutTasks.add(document);
    const errors = validate(schema, counted, [rule]);
    if (errors.length === 0) return undefined;
    return errors.map(
      (error) => new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } } }),
    );
  };
}

function useTaskIdCost(check: ExecutionCostCheck): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = check(args.schema, args.document, args.variableValues);
      if (errors) setResultAndStopExecution({ errors });
    },
  };
}

/** Variables too deep or too many (src/access/variables.ts): 400 BAD_REQUEST before anything reads them. */
const variableLimits: Plugin = {
  onParams({ params }) {
    const problem = variablesProblem(params.variables);
    if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  },
};

export function useQueryLimits(limits: Limits, executionCost: ExecutionCostCheck = taskIdCostCheck(limits.maxCost)): Plugin[] {
  return [
    variableLimits,
    maxTokensPlugin({ n: limits.maxTokens }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ...asValidationError }),
    maxAliasesPlugin({ n: limits.maxAliases, ...asValidationError }),
    maxDirectivesPlugin({ n: maxDirectives, ...asValidationError }),
    costLimitPlugin({ maxCost: limits.maxCost, ...asValidationError }),
    useTaskIdCost(executionCost),
  ] as Plugin[];
}
