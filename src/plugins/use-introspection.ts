/**
 * Schema disclosure, by ALLOW_INTROSPECTION (default on). Off, introspection queries are refused and no error
 * suggests a name of the schema ("Did you mean ...?" for a field, argument, type, enum value or input field), which
 * would leak the schema piece by piece: validation errors, and the errors of variables that do not fit their type
 * (found when a document is executed or subscribed), lose them. The hooks are envelop's, which every transport runs
 * (HTTP through yoga, SSE, the HTTP fast path, graphql-ws); graphql-ws's lean streams of states, which skip envelop's
 * subscribe, have theirs dropped by the WebSocket adapter with the same rule (src/transport/error-shape.ts).
 */
import { NoSchemaIntrospectionCustomRule, type ExecutionResult, type GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { withoutSuggestion } from '../transport/error-shape.js';

const refuseIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

function stripped({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }): void {
  if (result.errors?.some((error) => error.message.includes('Did you mean'))) {
    setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
  }
}

const noSuggestions: Plugin = {
  onValidate() {
    return ({ valid, result, setResult }) => {
      if (!valid) setResult((result as GraphQLError[]).map(withoutSuggestion));
    };
  },
  onExecute() {
    return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, stripped) };
  },
  onSubscribe() {
    return { onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, stripped) };
  },
};

export function useIntrospection(allow: boolean): Plugin[] {
  return allow ? [] : [refuseIntrospection, noSuggestions];
}
