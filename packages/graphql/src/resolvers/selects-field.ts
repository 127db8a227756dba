import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * Answers per field-node list and path. graphql-js hands every element of a list the same
 * `fieldNodes` array (they are nodes of the parsed document, whose fragments they read), so the
 * 100 entities of one `_entities` call walk the selection once, not 100 times.
 */
const answers = new WeakMap<readonly FieldNode[], Map<string, number>>();

function remembered(info: GraphQLResolveInfo, key: string, compute: () => number): number {
  let known = answers.get(info.fieldNodes);
  if (known === undefined) {
    known = new Map();
    answers.set(info.fieldNodes, known);
  }
  let answer = known.get(key);
  if (answer === undefined) {
    answer = compute();
    known.set(key, answer);
  }
  return answer;
}

/**
 * True when the client selected the field at this path below the resolved field, through fragments
 * too: `balance` costs a second read, so it is only loaded when asked for.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const selected = () => (info.fieldNodes.some((node) => node.selectionSet !== undefined && selects(node.selectionSet, path, info.fragments)) ? 1 : 0);
  return remembered(info, `selects:${path.join('.')}`, selected) === 1;
}

/**
 * How many fields the client selected on each element at this path below the resolved field
 * (aliases and fragments counted as often as they appear): the values one element adds to the
 * response.
 */
export function selectedFieldCount(info: GraphQLResolveInfo, path: readonly string[]): number {
  const count = () => info.fieldNodes.reduce((sum, node) => sum + (node.selectionSet === undefined ? 0 : countAt(node.selectionSet, path, info.fragments)), 0);
  return remembered(info, `count:${path.join('.')}`, count);
}

function selects(selectionSet: SelectionSetNode, path: readonly string[], fragments: Fragments): boolean {
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

function countAt(selectionSet: SelectionSetNode, path: readonly string[], fragments: Fragments): number {
  const [name, ...rest] = path;
  let count = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        if (name === undefined) count += 1;
        else if (selection.name.value === name && selection.selectionSet !== undefined) count += countAt(selection.selectionSet, rest, fragments);
        break;
      case Kind.INLINE_FRAGMENT:
        count += countAt(selection.selectionSet, path, fragments);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        if (fragment !== undefined) count += countAt(fragment.selectionSet, path, fragments);
        break;
      }
    }
  }
  return count;
}
