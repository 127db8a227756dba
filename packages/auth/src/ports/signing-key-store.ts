/**
 * One signing key of the built-in issuer as the database keeps it. `generation` orders keys and
 * is unique, so two processes that try to create the next key at once cannot both succeed.
 * The private JWK is kept as JSON text (plaintext at rest: protect the database accordingly).
 */
export interface StoredSigningKey {
  readonly kid: string;
  readonly generation: number;
  readonly alg: string;
  readonly publicJwk: string;
  readonly privateJwk: string;
  readonly createdAt: string;
  /** When a newer key took over, plus the lifetime of the tokens this key signed; null while current. */
  readonly expiresAt: string | null;
}

/**
 * Where the built-in issuer's keys live, shared by every server process over one database, so a
 * token signed by one process verifies in all of them.
 */
export interface SigningKeyStore {
  /** Keys not yet expired at `now` (ISO instant), newest generation first. */
  listUsable(now: string): Promise<StoredSigningKey[]>;
  /**
   * Stores a key unless its generation is already taken, and answers the key that holds that
   * generation afterwards: the given one, or the one another process stored first.
   */
  insertGeneration(key: StoredSigningKey): Promise<StoredSigningKey>;
  /** Sets the expiry of every still-current key older than `generation`. */
  retireBefore(generation: number, expiresAt: string): Promise<void>;
}
