import { isInventoryError } from '@inventory/core';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { toGraphqlError } from './error-codes.js';

/**
 * Replaces domain errors in execution results with their coded GraphQL form, before yoga's error
 * masking runs: expected outcomes are neither masked nor logged as failures, and anything else
 * still reaches the mask. The error's HTTP status applies only when there is no data at all: a
 * partial result stays 2xx (GraphQL over HTTP), so a gateway keeps the entities that resolved.
 */
export function useDomainErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result) || result.errors === undefined) return;
          const withStatus = result.data === null || result.data === undefined;
          setResult({ ...result, errors: result.errors.map((error) => mapDomainError(error, withStatus)) });
        },
      };
    },
  };
}

function mapDomainError(error: GraphQLError, withStatus: boolean): GraphQLError {
  return isInventoryError(error.originalError) ? toGraphqlError(error.originalError, error, withStatus) : error;
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
