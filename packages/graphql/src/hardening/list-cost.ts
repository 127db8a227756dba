import { getArgumentValues } from '@graphql-tools/utils';
import { DEFAULT_PAGE_SIZE } from '@inventory/core';
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode } from 'graphql';

/**
 * How many records a balance list is assumed to hold before the data is read: a product has a
 * handful of records per warehouse and type. The response budget counts the real lengths.
 */
export const ASSUMED_BALANCE_LENGTH = 10;

/** What a list size may depend on besides the field's own arguments. */
interface ListScope {
  /** Page size of the enclosing `inventorySearch` or `inventoryMovements`. */
  readonly pageSize: number;
  /** Items of the enclosing `inventoryBulkUpsert` or `inventoryAdjust`. */
  readonly bulkItems: number;
}

type ListSize = (args: Readonly<Record<string, unknown>>, scope: ListScope) => number;

/**
 * The length of every list whose size a client controls, by `Type.field`; any other list counts
 * once. A new list field of size chosen by the client gets one line here.
 */
const LIST_SIZES: Readonly<Record<string, ListSize>> = {
  'Query._entities': (args) => lengthOf(args['representations']),
  'ProductInventoryPage.items': (_args, scope) => scope.pageSize,
  'HoldPage.items': (_args, scope) => scope.pageSize,
  'ProductInventory.balance': () => ASSUMED_BALANCE_LENGTH,
  'BulkUpsertResult.items': (_args, scope) => scope.bulkItems,
  'AdjustmentResult.items': (_args, scope) => scope.bulkItems,
  'MovementPage.items': (_args, scope) => scope.pageSize,
};

/** How a field narrows the scope of the lists below it. */
const SCOPES: Readonly<Record<string, (args: Readonly<Record<string, unknown>>, scope: ListScope, input: ListCostInput) => ListScope>> = {
  'Query.inventorySearch': (args, scope, input) => ({ ...scope, pageSize: Math.min(pageSizeOf(args['input'], input.schema), input.maxPageSize) }),
  'Query.holds': (args, scope, input) => ({ ...scope, pageSize: Math.min(typeof args['offset'] === 'number' ? Math.max(args['offset'], 1) : DEFAULT_PAGE_SIZE, input.maxPageSize) }),
  'Mutation.inventoryBulkUpsert': (args, scope) => ({ ...scope, bulkItems: lengthOf(args['items']) }),
  'Mutation.inventoryAdjust': (args, scope) => ({ ...scope, bulkItems: lengthOf(args['items']) }),
  // A limit outside 1…1000 fails in the resolver; counted at most 1000 here.
  'Query.inventoryMovements': (args, scope) => ({ ...scope, pageSize: typeof args['limit'] === 'number' ? Math.min(Math.max(args['limit'], 1), 1000) : 100 }),
};

export interface ListCostInput {
  readonly schema: GraphQLSchema;
  readonly selectionSet: SelectionSetNode;
  readonly rootType: GraphQLNamedType;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** Variable values of the operation as the client sent them. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly maxPageSize: number;
}

/**
 * The number of values a response to this operation holds at most: every selected field counts
 * once per element of each list above it, with list lengths read from the arguments and variables
 * (representations, page size, bulk items). Aliases and fragments count as often as they appear,
 * which is what they cost the server.
 */
export function estimateResultValues(input: ListCostInput): number {
  const scope: ListScope = { pageSize: 1, bulkItems: 1 };
  return selectionCost(input, input.selectionSet, input.rootType, scope);
}

function selectionCost(input: ListCostInput, selectionSet: SelectionSetNode, parent: GraphQLNamedType, scope: ListScope): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const field = fieldsOf(parent)?.[selection.name.value];
        if (field === undefined || selection.selectionSet === undefined) {
          total += 1;
          break;
        }
        const key = `${parent.name}.${field.name}`;
        const args = argumentsOf(field, selection, input.variables);
        const inner = SCOPES[key]?.(args, scope, input) ?? scope;
        const length = LIST_SIZES[key]?.(args, scope) ?? 1;
        total += length * (1 + selectionCost(input, selection.selectionSet, namedType(field.type), inner));
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const type = selection.typeCondition === undefined ? parent : (input.schema.getType(selection.typeCondition.name.value) ?? parent);
        total += selectionCost(input, selection.selectionSet, type, scope);
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const fragment = input.fragments[selection.name.value];
        if (fragment !== undefined) total += selectionCost(input, fragment.selectionSet, input.schema.getType(fragment.typeCondition.name.value) ?? parent, scope);
        break;
      }
    }
  }
  return total;
}

/*
 * The schema is walked by name and duck type, never with graphql's instanceof predicates: under
 * vitest this module and yoga load two copies of graphql, and the schema belongs to yoga's.
 */
function fieldsOf(type: GraphQLNamedType): Readonly<Record<string, GraphQLField<unknown, unknown>>> | undefined {
  return 'getFields' in type && !('getTypes' in type) ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : undefined;
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  return 'ofType' in type ? namedType(type.ofType) : type;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, { ...variables }) as Record<string, unknown>;
  } catch {
    // Arguments that do not coerce fail execution before any resolver; count the field once.
    return {};
  }
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 1;
}

/** The page size asked for, or the input type's default when a variable left it out. */
function pageSizeOf(input: unknown, schema: GraphQLSchema): number {
  const offset = typeof input === 'object' && input !== null ? (input as { readonly offset?: unknown }).offset : undefined;
  if (typeof offset === 'number') return Math.max(offset, 1);
  const searchInput = schema.getType('InventorySearchInput');
  const fallback = searchInput !== undefined && 'getFields' in searchInput ? (searchInput.getFields() as Record<string, { readonly defaultValue?: unknown }>)['offset']?.defaultValue : undefined;
  return typeof fallback === 'number' ? fallback : 1;
}
