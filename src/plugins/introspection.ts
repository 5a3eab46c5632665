/**
 * Schema disclosure, by ALLOW_INTROSPECTION (default on). Off, introspection queries are refused and validation
 * errors no longer suggest field names ("Did you mean ...?"), which would leak the schema piece by piece.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

export function introspectionPlugins(allow: boolean): Plugin[] {
  return allow ? [] : [useDisableIntrospection() as Plugin, blockFieldSuggestionsPlugin() as Plugin];
}
