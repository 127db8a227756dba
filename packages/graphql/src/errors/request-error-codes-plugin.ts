import type { ExecutionResult, GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Gives a code to the errors of a request that never ran: a document that fails validation
 * (armor's limits included) is GRAPHQL_VALIDATION_FAILED, variables that do not fit their types
 * are BAD_USER_INPUT, so every error a client sees carries `extensions.code`. As GraphQL over HTTP
 * says, both are HTTP 400 under `application/graphql-response+json` and 200 under plain JSON.
 */
export function useRequestErrorCodes(): Plugin {
  return {
    onExecutionResult(payload) {
      const { result } = payload;
      if (!isSingleResult(result) || result.errors === undefined || 'data' in result) return;
      payload.setResult({ ...result, errors: result.errors.map(withCode) });
    },
  };
}

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions['code'] !== undefined || error.path !== undefined) return error;
  const http = error.extensions['http'] as { readonly spec?: boolean } | undefined;
  return createGraphQLError(error.message, {
    ...(error.nodes !== undefined && { nodes: error.nodes }),
    ...(error.source !== undefined && { source: error.source }),
    ...(error.positions !== undefined && { positions: error.positions }),
    extensions: {
      ...error.extensions,
      code: http?.spec === true ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_USER_INPUT',
      http: { spec: true, status: 400 },
    },
  });
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && !(Symbol.asyncIterator in result);
}
