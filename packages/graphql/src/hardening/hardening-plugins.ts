import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { SubgraphLimits } from '../subgraph-deps.js';

type ArmorPlugin = ReturnType<typeof EnvelopArmorPlugin>;

/** Headers that prove a multipart (or other CORS-simple) request was not forged by a browser form. */
export const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'];

/** CSRF prevention on requests a browser sends without preflight, multipart uploads included. */
export function csrfPrevention(): Plugin {
  return useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
}

/**
 * Document limits checked while parsing and validating, so an abusive document is rejected before
 * any resolver runs; in production introspection and field suggestions are off too.
 */
export function documentLimits(limits: SubgraphLimits, production: boolean): (Plugin | ArmorPlugin)[] {
  // Reported as validation errors (HTTP 400, all of them at once) rather than thrown from the validator.
  const report = { propagateOnRejection: false, onReject: [reportValidationError] };
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: !production, ...report },
    maxAliases: { n: limits.maxAliases, ...report },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: !production, ...report },
    maxTokens: { n: limits.maxTokens ?? 2000 },
    maxDirectives: { n: limits.maxDirectives ?? 50, ...report },
    blockFieldSuggestion: { enabled: production },
  });
  return production ? [armor, noIntrospection()] : [armor];
}

function reportValidationError(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(error);
}

/** graphql's NoSchemaIntrospectionCustomRule, by field name, so it needs no type identity checks. */
const noSchemaIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(createGraphQLError(`GraphQL introspection is not allowed, but the query contained ${node.name.value}.`, { nodes: node }));
    }
  },
});

function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noSchemaIntrospection);
    },
  };
}
