import { isInventoryError } from '@inventory/core';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { toGraphqlError } from './error-codes.js';

/**
 * Replaces domain errors in execution results with their coded GraphQL form, before yoga's error
 * masking runs: expected outcomes are neither masked nor logged as failures, and anything else
 * still reaches the mask.
 */
export function useDomainErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result) || result.errors === undefined) return;
          setResult({ ...result, errors: result.errors.map(mapDomainError) });
        },
      };
    },
  };
}

function mapDomainError(error: GraphQLError): GraphQLError {
  return isInventoryError(error.originalError) ? toGraphqlError(error.originalError, error) : error;
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
