import { getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionResult, type GraphQLError, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Keeps the committed writes of a document with several mutations visible when one of them fails.
 * Every mutation result type is non-null, so in plain GraphQL execution one failing field nulls
 * the whole `data`, and the client no longer sees that the fields before it were committed. Here
 * each top-level selection of a mutation runs on its own, one after the other as mutations do;
 * the response joins their data, with `null` and the error at the path of a field that failed
 * (the "null, do not propagate" error behaviour, at the mutation root only). A document whose
 * every field failed still answers `data: null`, so its status is the error's, as for one field.
 */
export function usePartialMutations(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const { document, operationName } = args as { readonly document: DocumentNode; readonly operationName?: string | null };
      const operation = getOperationAST(document, operationName);
      if (operation?.operation !== OperationTypeNode.MUTATION || operation.selectionSet.selections.length < 2) return;
      setExecuteFn(async (executionArgs) => {
        const data: Record<string, unknown> = {};
        const errors: GraphQLError[] = [];
        let committed = false;
        for (const selection of operation.selectionSet.selections) {
          const result = (await executeFn({ ...executionArgs, document: withOnly(document, operation, selection) })) as ExecutionResult;
          // A request error (variables that do not coerce) comes before any field runs: answer it once.
          if (!('data' in result)) return result;
          errors.push(...(result.errors ?? []));
          const fieldData = result.data ?? null;
          if (fieldData !== null) {
            committed = true;
            Object.assign(data, fieldData);
          } else {
            for (const key of failedKeys(selection, result.errors ?? [])) data[key] = null;
          }
        }
        return { data: committed ? data : null, ...(errors.length > 0 && { errors }) };
      });
    },
  };
}

/** The document with this operation narrowed to one of its top-level selections. */
function withOnly(document: DocumentNode, operation: OperationDefinitionNode, selection: SelectionNode): DocumentNode {
  const narrowed: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections: [selection] } };
  return { ...document, definitions: document.definitions.map((definition) => (definition === operation ? narrowed : definition)) };
}

/** The response keys a failed selection leaves null: its own, or, for a fragment, those its errors name. */
function failedKeys(selection: SelectionNode, errors: readonly GraphQLError[]): string[] {
  if (selection.kind === Kind.FIELD) return [selection.alias?.value ?? selection.name.value];
  return errors.flatMap((error) => (typeof error.path?.[0] === 'string' ? [error.path[0]] : []));
}
