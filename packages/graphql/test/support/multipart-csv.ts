import type { FetchLike } from './graphql-request.js';
import { WRITE_A } from './static-token-authenticator.js';

/** A GraphQL multipart request (the upload spec) running inventoryCsvImport with one file. */
export async function postMultipartCsv(fetch: FetchLike, csv: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation ($file: Upload!) { inventoryCsvImport(input: { file: $file, dryRun: true, mappings: [{ csvHeader: "qty", fieldName: QUANTITY }] }) {
        importedCount createdCount updatedCount errors { code messages record rowNumber } } }`,
      variables: { file: null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([csv], { type: 'text/csv' }), 'stock.csv');
  const response = await fetch('http://localhost/graphql', { method: 'POST', body: form, headers: { authorization: `Bearer ${WRITE_A}`, ...headers } });
  return { status: response.status, body: (await response.json()) as unknown };
}
