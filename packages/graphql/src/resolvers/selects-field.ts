import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * True when the client selected the field at this path below the resolved field, through fragments
 * too: `balance` costs a second read, so it is only loaded when asked for.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selects(node.selectionSet, path, info.fragments));
}

function selects(selectionSet: SelectionSetNode, path: readonly string[], fragments: Readonly<Record<string, FragmentDefinitionNode>>): boolean {
  const [name, ...rest] = path;
  if (name === undefined) return true;
  return selectionSet.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name && (rest.length === 0 || (selection.selectionSet !== undefined && selects(selection.selectionSet, rest, fragments)));
      case Kind.INLINE_FRAGMENT:
        return selects(selection.selectionSet, path, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        return fragment !== undefined && selects(fragment.selectionSet, path, fragments);
      }
    }
  });
}
