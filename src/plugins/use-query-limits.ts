/**
 * Limits on the shape of a GraphQL document, checked before anything runs (graphql-armor): tokens (while parsing),
 * depth, aliases, directives and an estimated cost. A document over a limit is refused with a message that names the
 * limit (GRAPHQL_PARSE_FAILED for tokens, GRAPHQL_VALIDATION_FAILED for the rest) and nothing is executed.
 */
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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

export function useQueryLimits(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.maxTokens }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ...asValidationError }),
    maxAliasesPlugin({ n: limits.maxAliases, ...asValidationError }),
    maxDirectivesPlugin({ n: maxDirectives, ...asValidationError }),
    costLimitPlugin({ maxCost: limits.maxCost, ...asValidationError }),
  ] as Plugin[];
}
