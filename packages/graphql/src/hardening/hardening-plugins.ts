import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: !production },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: !production },
    maxTokens: { n: limits.maxTokens ?? 2000 },
    maxDirectives: { n: limits.maxDirectives ?? 50 },
    blockFieldSuggestion: { enabled: production },
  });
  return production ? [armor, noIntrospection()] : [armor];
}

function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
