import { readFileSync } from 'node:fs';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, print, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dataOf, postGraphql } from '../../test/support/graphql-request.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';
import { SUBGRAPH_SDL } from './subgraph-sdl.js';

const SCHEMA_FILE = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('subgraph SDL', () => {
  it('when a gateway asks _service { sdl }, it gets schema.graphql, unchanged', async () => {
    const { fetch } = createTestSubgraph();
    const data = dataOf(await postGraphql(fetch, { query: '{ _service { sdl } }', token: READ_A }));
    expect((data['_service'] as { sdl: string }).sdl).toBe(SCHEMA_FILE);
    expect(SUBGRAPH_SDL).toBe(SCHEMA_FILE);
  });

  it('the schema the server builds, federation fields and applied directives included, matches the snapshot', async () => {
    const { subgraph } = createTestSubgraph();
    const { schema } = subgraph.getEnveloped({ request: new Request('http://localhost/graphql') }) as { readonly schema: GraphQLSchema };
    await expect(`${printSchemaWithDirectives(schema)}\n`).toMatchFileSnapshot('./__snapshots__/subgraph.graphql');
  });

  it('links Federation v2 and declares Product as an entity keyed by id with only id and inventory', () => {
    const document = parse(SUBGRAPH_SDL);
    const product = document.definitions.find((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Product');
    if (product?.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('no Product type');
    expect(SUBGRAPH_SDL).toMatch(/^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key"\]\)/);
    expect(product.fields?.map((field) => field.name.value)).toEqual(['id', 'inventory']);
    expect(product.directives?.map((directive) => print(directive))).toEqual(['@key(fields: "id")']);
  });
});
