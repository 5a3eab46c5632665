/**
 * The validation rules of yoga's @graphql-yoga/plugin-defer-stream (labels, no @defer on root fields, @stream only on
 * lists, and its own overlapping-fields rule), applied only to documents that use @defer or @stream. Every other
 * document keeps graphql-js's standard rules, which already hold for it, and pays nothing per request (the plugin's
 * hook rebuilt the rule list for every validation). The directives themselves are in the schema
 * (src/schema/incremental.ts), so the plugin's schema hook has nothing to add.
 */
import { useDeferStream as deferStreamPlugin } from '@graphql-yoga/plugin-defer-stream';
import type { Plugin } from 'graphql-yoga';
import { usesIncrementalDelivery } from './use-graphql-js.js';

export function useDeferStream(): Plugin {
  const rules = deferStreamPlugin() as Plugin & Required<Pick<Plugin, 'onValidate'>>;
  return {
    onValidate(payload) {
      if (usesIncrementalDelivery(payload.params.documentAST)) return rules.onValidate(payload);
    },
  };
}
