import { JSONObjectResolver } from 'graphql-scalars';
import { DateTimeScalar } from '../schema/date-time-scalar.js';
import type { Resolvers } from '../schema/schema-types.generated.js';
import { UploadScalar } from '../schema/upload-scalar.js';
import { holdMutationResolvers, holdQueryResolvers } from './hold-resolvers.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { productResolvers } from './product-resolvers.js';
import { queryResolvers } from './query-resolvers.js';

/** Every resolver of the subgraph SDL (the federation fields are added by the schema builder). */
export function createResolvers(): Resolvers {
  return {
    DateTime: DateTimeScalar,
    JSONObject: JSONObjectResolver,
    Upload: UploadScalar,
    Query: { ...queryResolvers, ...holdQueryResolvers },
    Mutation: { ...mutationResolvers, ...holdMutationResolvers },
    Product: productResolvers,
  };
}
