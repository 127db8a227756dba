import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { bearerAuth } from './auth/bearer-auth-plugin.js';
import { unauthenticated } from './auth/auth-errors.js';
import type { GraphqlContext, RequestScope } from './context/graphql-context.js';
import { ProductInventoryLoader } from './context/product-inventory-loader.js';
import { useDomainErrors } from './errors/domain-errors-plugin.js';
import { useIdempotencyKeys } from './idempotency/idempotency-plugin.js';
import { usePartialMutations } from './errors/partial-mutations-plugin.js';
import { useRequestErrorCodes } from './errors/request-error-codes-plugin.js';
import { csrfPrevention, documentLimits } from './hardening/hardening-plugins.js';
import { useListCostLimit } from './hardening/list-cost-plugin.js';
import { ResultBudget } from './hardening/result-budget.js';
import { createResolvers } from './resolvers/create-resolvers.js';
import { productReference } from './resolvers/product-resolvers.js';
import { buildFederatedSchema } from './schema/federation-schema.js';
import { SUBGRAPH_SDL } from './schema/subgraph-sdl.js';
import type { SubgraphDeps } from './subgraph-deps.js';
import { useStreamingUploads } from './upload/streaming-uploads-plugin.js';

/** The yoga instance of the subgraph; callable as an express handler or a node:http listener. */
export type Subgraph = YogaServerInstance<Record<string, unknown>, RequestScope>;

/**
 * The Federation v2 inventory subgraph at `/graphql`, over the same core service REST uses. Mount
 * it with `app.use('/graphql', subgraph.requestListener)` (the listener type-checks as an express
 * handler; yoga reads `originalUrl`) before any body parser: yoga reads the body itself, with the
 * size limits, and streams multipart uploads to the resolver. GraphiQL is rendered from the npm package (no CDN) outside production.
 */
/** Values one response may hold: a 1000-item search page with balances, or 10 000 entities, fit. */
const DEFAULT_MAX_RESULT_VALUES = 250_000;

export function createSubgraph(deps: SubgraphDeps): Subgraph {
  const auth = bearerAuth(deps.authenticator);
  const maxResultValues = deps.limits.maxResultValues ?? DEFAULT_MAX_RESULT_VALUES;
  const schema = buildFederatedSchema<GraphqlContext>({
    typeDefs: SUBGRAPH_SDL,
    resolvers: createResolvers(),
    references: { Product: productReference },
    maxEntities: deps.limits.maxEntities,
  });
  return createYoga<Record<string, unknown>, RequestScope>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: deps.production ? false : { title: 'Inventory GraphQL', headers: JSON.stringify({ Authorization: 'Bearer <token>' }, null, 2) },
    renderGraphiQL,
    maskedErrors: { isDev: false },
    // Body limits are useStreamingUploads' job: yoga's would also cap (and buffer) uploads.
    maxRequestBodySize: false,
    ...(deps.logger !== undefined && { logging: deps.logger }),
    context: ({ request }): RequestScope => {
      const principal = auth.principalOf(request);
      if (principal === undefined) throw unauthenticated('missing');
      return {
        tenant: principal.tenant,
        origin: { channel: 'graphql', clientId: principal.subject },
        service: deps.service,
        productInventory: new ProductInventoryLoader(deps.service, principal.tenant),
        importCsv: deps.importCsv,
        budget: new ResultBudget(maxResultValues),
      };
    },
    plugins: [
      csrfPrevention(),
      useStreamingUploads({ bodyLimitBytes: deps.limits.bodyLimitBytes, uploadLimitBytes: deps.limits.uploadLimitBytes ?? deps.limits.bodyLimitBytes }),
      auth.plugin,
      ...documentLimits(deps.limits, deps.production),
      useListCostLimit(maxResultValues, deps.service.limits.maxPageSize),
      usePartialMutations(),
      useDomainErrors(),
      useRequestErrorCodes(),
      ...(deps.idempotency === undefined ? [] : [useIdempotencyKeys(deps.idempotency)]),
    ],
  });
}
