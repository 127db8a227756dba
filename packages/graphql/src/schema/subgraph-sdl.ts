import { readFileSync } from 'node:fs';

/**
 * The subgraph's schema as written: the package's `schema.graphql`, in source control. The server
 * builds from it and `_service { sdl }` answers it verbatim, so what a gateway composes is exactly
 * this text. The file sits two folders above this module in `src/schema` and in `dist/schema` alike,
 * so the same relative URL finds it in tests and in the build, with no asset copy.
 */
export const SUBGRAPH_SDL = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
