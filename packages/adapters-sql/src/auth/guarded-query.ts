import { toPersistenceError } from '../sql/database-errors.js';

/**
 * Awaits a query, turning driver errors into the adapter's persistence errors: the database being
 * down becomes SERVICE_UNAVAILABLE (503), and no message carries SQL text or values.
 */
export async function guarded<T>(query: PromiseLike<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    throw toPersistenceError(error);
  }
}
