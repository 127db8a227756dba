import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/inventory.db', './data/inventory.db'],
    ['sqlite::memory:', ':memory:'],
    ['sqlite:///var/lib/inventory.db', '/var/lib/inventory.db'],
    ['sqlite:relative.db', 'relative.db'],
  ])('when the URL is %s, it opens the SQLite file %s', (url, filename) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'sqlite', filename });
  });

  it.each(['postgres://u:p@db:5432/inv', 'postgresql://db/inv?sslmode=require'])('when the URL is %s, it is a PostgreSQL connection string', (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'postgres', connectionString: url });
  });

  it.each(['mysql://root:secret@db/inv', 'sqlite:', '', './inventory.db', 'postgres:/missing-slashes'])('when the URL is %j, it is refused', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(/database URL|sqlite:/i);
  });

  it('when a refused URL holds a password, the message does not show it', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/inv')).toThrow(/^(?!.*hunter2).*scheme 'mysql'/);
  });
});
