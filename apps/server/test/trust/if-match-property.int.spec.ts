import fc from 'fast-check';
import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from '../support/api-client.js';
import { recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { aProduct, anItem } from '../support/request-builders.js';

/** One read-then-PATCH of a client: the version its If-Match named, what it wrote, and the answer. */
interface Attempt {
  readonly sent: number;
  readonly quantity: number;
  readonly status: number;
  readonly body: AnyEnvelope<RecordJson>;
}

describeE2e('concurrent If-Match PATCHes of one record', (server) => {
  it('succeed exactly once per version: one 200 for each version, the others 412, final version = 1 + successes', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), async (clients, attemptsEach) => {
        run += 1;
        const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(0).inWarehouse(run).json()]);

        const attempts = (
          await Promise.all(
            Array.from({ length: clients }, async (_, client) => {
              const mine: Attempt[] = [];
              for (let attempt = 0; attempt < attemptsEach; attempt += 1) {
                const etag = (await writer.get(`/v2/inventory/id/${id}`)).headers.get('etag') ?? '';
                // Distinct non-zero quantities, so every successful PATCH really changes the record.
                const quantity = client * 10 + attempt + 1;
                const response = await writer.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${id}`, { quantity }, { headers: { 'If-Match': etag } });
                mine.push({ sent: Number(etag.replaceAll('"', '')), quantity, status: response.status, body: response.body });
              }
              return mine;
            }),
          )
        ).flat();

        const successes = attempts.filter((attempt) => attempt.status === 200);
        const final = await recordOf(writer, id);
        expect(attempts.filter((attempt) => attempt.status !== 200 && attempt.status !== 412)).toEqual([]);
        expect(final.version).toBe(1 + successes.length);
        // Each version from 1 up to the last was written over exactly once, each success making the next one.
        expect(successes.map((attempt) => attempt.sent).sort((a, b) => a - b)).toEqual(Array.from({ length: successes.length }, (_, index) => index + 1));
        for (const success of successes) expect(success.body.data.version).toBe(success.sent + 1);
        for (const refused of attempts.filter((attempt) => attempt.status === 412)) {
          const current = Number(/current version is (\d+)/.exec(refused.body.error?.details?.[0]?.message ?? '')?.[1]);
          expect(current).toBeGreaterThan(refused.sent);
        }
        expect(final.quantity).toBe(successes.find((attempt) => attempt.sent === final.version - 1)?.quantity);
      }),
      { numRuns: 8 },
    );
  });
});
