import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { createYoga } from 'graphql-yoga';
import type { FetchLike } from './graphql-request.js';

/**
 * An in-process Federation v2 gateway on The Guild's runtime (the one Hive Gateway runs) over a
 * supergraph SDL: each subgraph is reached over HTTP at the URL the supergraph names, and the
 * client's Authorization header is forwarded to every subgraph. Answers requests like `fetch`.
 */
export function gatewayFetch(supergraphSdl: string): FetchLike {
  const schema = getStitchedSchemaFromSupergraphSdl({
    supergraphSdl,
    httpExecutorOpts: {
      headers: (request) => {
        const context = request?.context as { readonly request?: Request } | undefined;
        const authorization = context?.request?.headers.get('authorization');
        return authorization === null || authorization === undefined ? {} : { authorization };
      },
    },
  });
  const gateway = createYoga({ schema, logging: false, maskedErrors: false });
  return (input, init) => gateway.fetch(input, init);
}
