import { expect, it } from 'vitest';
import { balanceOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

describeE2e('dates outside the documented range', (server) => {
  it('refuses a date an offset moves before year 0100 or past 9999 in UTC, and hour 24, storing nothing', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1));
    for (const date of ['0100-01-01T00:00:00+14:00', '9999-12-31T23:00:00-14:00', '2025-01-01T24:00Z', '2025-01-01T24:00:00']) {
      expectError(await writer.post('/v2/products/id/1/inventory/local', anItem().deliveringOn(date).json()), 'VALIDATION_FAILED', ['nextDeliveryDate']);
      expectError(await writer.post('/v2/inventory/search', { modifiedSince: date }), 'VALIDATION_FAILED', ['modifiedSince']);
    }
    expect(await balanceOf(writer, 1)).toEqual([]);
  });

  it('keeps the edges of the range, converted to UTC', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1));
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).atLocation('first').deliveringOn('0100-01-01T10:00:00+10:00').json(), anItem().forProduct(1).atLocation('last').deliveringOn('9999-12-31T23:59:59.999Z').json()]);
    expect((await balanceOf(writer, 1)).map((record) => record.nextDeliveryDate).sort()).toEqual(['0100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']);
    expect(expectData(await writer.post('/v2/inventory/search', { modifiedSince: '0100-01-01T10:00:00+10:00' }))).toHaveLength(1);
  });
});
