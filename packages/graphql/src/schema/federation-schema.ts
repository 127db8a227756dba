import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import { validationFailed } from '@inventory/core';
import { GraphQLScalarType, Kind, parse, valueFromASTUntyped, type GraphQLSchema } from 'graphql';

/** Turns one `_entities` representation into the entity object its type's resolvers start from. */
export type ReferenceResolver<TContext> = (representation: Readonly<Record<string, unknown>>, context: TContext) => unknown;

export interface FederatedSchemaOptions<TContext> {
  /** Subgraph SDL with `extend schema @link(…federation/v2…)` and `@key` entities. */
  readonly typeDefs: string;
  readonly resolvers: IResolvers<unknown, TContext>;
  /** One reference resolver per `@key` type. */
  readonly references: Readonly<Record<string, ReferenceResolver<TContext>>>;
  /** Most representations one `_entities` call may carry. */
  readonly maxEntities: number;
}

/**
 * Builds a Federation v2 subgraph schema: the given SDL plus `_service { sdl }` (answering the SDL
 * verbatim) and `_entities`. Written here rather than taken from `@apollo/subgraph`, whose
 * federation internals are under the Elastic License; the composition test keeps it honest.
 */
export function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): GraphQLSchema {
  const entityTypes = keyedTypeNames(options.typeDefs);
  const missing = entityTypes.filter((name) => options.references[name] === undefined);
  if (entityTypes.length === 0 || missing.length > 0) {
    throw new Error(`every @key type needs a reference resolver: ${missing.join(', ') || 'no @key type found'}`);
  }
  const federationTypeDefs = /* GraphQL */ `
    directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
    directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
    enum link__Purpose { SECURITY EXECUTION }
    scalar link__Import
    scalar federation__FieldSet
    scalar _Any
    type _Service { sdl: String }
    union _Entity = ${entityTypes.join(' | ')}
    extend type Query {
      _entities(representations: [_Any!]!): [_Entity]!
      _service: _Service!
    }
  `;
  const federationResolvers: IResolvers<unknown, TContext> = {
    _Any: anyScalar,
    _Entity: { __resolveType: (entity: { __typename: string }) => entity.__typename },
    Query: {
      _service: () => ({ sdl: options.typeDefs }),
      _entities: (_root: unknown, args: { representations: readonly unknown[] }, context: TContext) => {
        if (args.representations.length > options.maxEntities) {
          throw validationFailed([{ path: 'representations', message: `must have at most ${options.maxEntities} items` }], 'Too many entity representations');
        }
        return args.representations.map((representation) => resolveEntity(representation, options.references, context));
      },
    },
  };
  return makeExecutableSchema<TContext>({
    typeDefs: [options.typeDefs, federationTypeDefs],
    resolvers: [options.resolvers, federationResolvers],
  });
}

async function resolveEntity<TContext>(
  representation: unknown,
  references: Readonly<Record<string, ReferenceResolver<TContext>>>,
  context: TContext,
): Promise<unknown> {
  const typename = isRecord(representation) ? representation['__typename'] : undefined;
  const resolve = typeof typename === 'string' && Object.hasOwn(references, typename) ? references[typename] : undefined;
  if (!isRecord(representation) || typeof typename !== 'string' || resolve === undefined) {
    return validationFailed([{ path: '__typename', message: 'must name an entity type of this subgraph' }], 'Invalid entity representation');
  }
  try {
    const entity = await resolve(representation, context);
    return isRecord(entity) ? { ...entity, __typename: typename } : entity;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const anyScalar = new GraphQLScalarType({
  name: '_Any',
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.OBJECT ? valueFromASTUntyped(ast) : undefined),
});

function keyedTypeNames(typeDefs: string): string[] {
  return parse(typeDefs).definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.directives?.some((directive) => directive.name.value === 'key') === true
      ? [definition.name.value]
      : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
