/** Where the data lives, read from a `DATABASE_URL`. */
export type DatabaseLocation = { readonly dialect: 'sqlite'; readonly filename: string } | { readonly dialect: 'postgres'; readonly connectionString: string };

/**
 * Reads `sqlite:<file>`, `sqlite::memory:`, `postgres://…` or `postgresql://…`. Anything else is a
 * configuration error; the message names only the scheme, never the URL, which may hold a password.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return { dialect: 'postgres', connectionString: url };
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    const filename = rest.startsWith('//') ? rest.slice(2) : rest;
    if (filename === '') throw new Error('Database URL sqlite: needs a file path, e.g. sqlite:./data/inventory.db or sqlite::memory:');
    return { dialect: 'sqlite', filename };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `Unsupported database URL${scheme === undefined ? '' : ` scheme '${scheme}'`}: use sqlite:<file>, sqlite::memory: or postgres://user@host:port/database`,
  );
}
