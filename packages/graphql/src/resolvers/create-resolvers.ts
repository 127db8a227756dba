import type { IResolvers } from '@graphql-tools/utils';
import { JSONObjectResolver } from 'graphql-scalars';
import type { GraphqlContext } from '../context/graphql-context.js';
import { DateTimeScalar } from '../schema/date-time-scalar.js';
import { UploadScalar } from '../schema/upload-scalar.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { productResolvers } from './product-resolvers.js';
import { queryResolvers } from './query-resolvers.js';

/** Every resolver of the subgraph SDL (the federation fields are added by the schema builder). */
export function createResolvers(): IResolvers<unknown, GraphqlContext> {
  return {
    DateTime: DateTimeScalar,
    JSONObject: JSONObjectResolver,
    Upload: UploadScalar,
    Query: queryResolvers,
    Mutation: mutationResolvers,
    Product: productResolvers,
  };
}
