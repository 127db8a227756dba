import { hasScope, isAuthenticationError, type Authenticator, type Principal, type Scope } from '@inventory/core';
import { getOperationAST, OperationTypeNode, type DocumentNode } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { forbidden, unauthenticated } from './auth-errors.js';

export interface BearerAuth {
  readonly plugin: Plugin;
  /** The principal authenticated for this request; only requests that passed the plugin have one. */
  principalOf(request: Request): Principal | undefined;
}

/**
 * Authenticates every GraphQL request before its body is parsed (401 without a valid token), then
 * checks the operation's scope before execution (403): reads need `inventory:read`, mutations
 * `inventory:write`. No resolver runs for a request that fails either check.
 */
export function bearerAuth(authenticator: Authenticator): BearerAuth {
  const principals = new WeakMap<Request, Principal>();
  const plugin: Plugin<YogaInitialContext> = {
    async onRequestParse({ request }) {
      try {
        principals.set(request, await authenticator.authenticate(request.headers.get('authorization') ?? undefined));
      } catch (error) {
        throw isAuthenticationError(error) ? unauthenticated(error.failure) : error;
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      const principal = principals.get(args.contextValue.request);
      const { document, operationName } = args as { readonly document: DocumentNode; readonly operationName?: string | null };
      const scope = requiredScope(document, operationName);
      if (principal === undefined) setResultAndStopExecution({ errors: [unauthenticated('missing')] });
      else if (!hasScope(principal, scope)) setResultAndStopExecution({ errors: [forbidden(scope)] });
    },
  };
  return { plugin, principalOf: (request) => principals.get(request) };
}

function requiredScope(document: DocumentNode, operationName: string | null | undefined): Scope {
  return getOperationAST(document, operationName)?.operation === OperationTypeNode.MUTATION ? 'inventory:write' : 'inventory:read';
}
