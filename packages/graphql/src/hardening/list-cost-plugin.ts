import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { estimateResultValues } from './list-cost.js';

/**
 * Refuses, before any resolver runs, an operation whose response would hold more than `maxValues`
 * values once list sizes are counted: thirty aliases of `_entities` over one variable of ten
 * thousand representations, or of a 1000-item search page with balances, pass depth, alias and
 * graphql-armor's cost limits (which see neither variables nor page sizes) but not this one. The
 * error has the shape of the other document limits: GRAPHQL_VALIDATION_FAILED, HTTP 400.
 */
export function useListCostLimit(maxValues: number, maxPageSize: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName } = args as { readonly schema: GraphQLSchema; readonly document: DocumentNode; readonly operationName?: string | null };
      const operation = getOperationAST(document, operationName);
      const rootType = operation === null || operation === undefined ? undefined : schema.getRootType(operation.operation);
      if (operation === null || operation === undefined || rootType === undefined || rootType === null) return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      const found = estimateResultValues({ schema, selectionSet: operation.selectionSet, rootType, fragments, variables: (args.variableValues ?? {}) as Record<string, unknown>, maxPageSize });
      if (found > maxValues) {
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`Query cost limit of ${maxValues} result values exceeded, found ${found} (list sizes counted).`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { spec: true, status: 400 } },
            }),
          ],
        });
      }
    },
  };
}
