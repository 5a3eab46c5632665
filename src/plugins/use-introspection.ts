/**
 * Schema disclosure, by ALLOW_INTROSPECTION (default on). Off, introspection queries are refused and validation
 * errors no longer suggest field names ("Did you mean ...?"), which would leak the schema piece by piece. The rule
 * is added at validation for every document, so it holds on every transport (HTTP through yoga, the HTTP fast path,
 * graphql-ws), none of which depends on a request-level hook.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const refuseIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

export function useIntrospection(allow: boolean): Plugin[] {
  return allow ? [] : [refuseIntrospection, blockFieldSuggestionsPlugin() as Plugin];
}
