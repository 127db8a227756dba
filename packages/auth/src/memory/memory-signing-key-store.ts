import type { SigningKeyStore, StoredSigningKey } from '../ports/signing-key-store.js';

/** Signing keys in memory: for a server on in-memory persistence (tests); one process only. */
export class MemorySigningKeyStore implements SigningKeyStore {
  private readonly keys = new Map<number, StoredSigningKey>();

  listUsable(now: string): Promise<StoredSigningKey[]> {
    const usable = [...this.keys.values()].filter((key) => key.expiresAt === null || key.expiresAt > now);
    return Promise.resolve(usable.sort((a, b) => b.generation - a.generation));
  }

  insertGeneration(key: StoredSigningKey): Promise<StoredSigningKey> {
    const holder = this.keys.get(key.generation) ?? key;
    this.keys.set(key.generation, holder);
    return Promise.resolve(holder);
  }

  retireBefore(generation: number, expiresAt: string): Promise<void> {
    for (const key of this.keys.values()) {
      if (key.generation < generation && key.expiresAt === null) this.keys.set(key.generation, { ...key, expiresAt });
    }
    return Promise.resolve();
  }
}
