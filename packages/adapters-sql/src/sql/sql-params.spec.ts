import { describe, expect, it } from 'vitest';
import { postgresDialect } from './postgres-dialect.js';
import { SqlParams } from './sql-params.js';
import { sqliteDialect } from './sqlite-dialect.js';

describe('SqlParams', () => {
  it('when a list holds one value, it binds a plain equality; with more, one list parameter', () => {
    const sqlite = new SqlParams(sqliteDialect);
    expect(sqlite.inList('p.id', [7], 'int')).toBe('p.id = ?');
    expect(sqlite.inList('p.sku', ['a', 'b'], 'text')).toBe('p.sku IN (SELECT value FROM json_each(?))');
    expect(sqlite.values).toEqual([7, '["a","b"]']);

    const postgres = new SqlParams(postgresDialect);
    expect(postgres.inList('p.id', [7], 'int')).toBe('p.id = $1::int');
    expect(postgres.inList('p.id', [7, 8], 'int')).toBe('p.id = ANY($2::int[])');
    expect(postgres.values).toEqual([7, [7, 8]]);
  });

  it('when pairs hold one pair, it binds two equalities; with more, two parallel lists', () => {
    const postgres = new SqlParams(postgresDialect);
    expect(postgres.inPairs('s.source', 's.source_id', [['erp', 'e-1']])).toBe('(s.source = $1::text AND s.source_id = $2::text)');
    expect(postgres.inPairs('s.source', 's.source_id', [['erp', 'e-1'], ['shop', 's-1']])).toBe('(s.source, s.source_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))');
    expect(postgres.values).toEqual(['erp', 'e-1', ['erp', 'shop'], ['e-1', 's-1']]);
  });
});
