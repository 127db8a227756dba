import { parseIsoInstant, type IsoInstant } from '@inventory/core';
import { GraphQLScalarType, Kind } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** The canonical form itself: what core and the database hand out for every stored instant. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * ISO 8601 instants read by the core's own parser, so GraphQL accepts exactly the dates REST
 * accepts (a date alone is midnight UTC), and written in the one canonical form
 * `YYYY-MM-DDTHH:mm:ss.sssZ`. Output already in that form (every instant core returns, checked
 * when it was written) goes out as it is: parsing it again cost more than the rest of an entity.
 */
export const DateTimeScalar = new GraphQLScalarType<IsoInstant, string>({
  name: 'DateTime',
  serialize(value) {
    if (typeof value === 'string' && CANONICAL.test(value)) return value;
    const instant = value instanceof Date ? value.toISOString() : typeof value === 'string' ? parseIsoInstant(value) : undefined;
    if (instant === undefined) throw createGraphQLError('DateTime cannot represent a value that is not an ISO 8601 instant');
    return instant;
  },
  parseValue(value) {
    return readInstant(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw createGraphQLError('DateTime must be a string', { nodes: ast });
    return readInstant(ast.value);
  },
});

function readInstant(value: unknown): IsoInstant {
  const instant = typeof value === 'string' ? parseIsoInstant(value) : undefined;
  if (instant === undefined) throw createGraphQLError('DateTime must be an ISO 8601 date or date-time');
  return instant;
}
