type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** `T` with optional keys that may be absent but never hold `undefined` (exactOptionalPropertyTypes). */
export type ExactOptional<T> = { [K in RequiredKeys<T>]: T[K] } & { [K in Exclude<keyof T, RequiredKeys<T>>]?: Exclude<T[K], undefined> };

/**
 * Drops keys whose value is `undefined`: zod's optional outputs allow them, core's inputs (under
 * `exactOptionalPropertyTypes`) do not, and a key that is present means "given".
 */
export function exactOptional<T extends object>(value: T): ExactOptional<T> {
  // Zod leaves absent keys absent, so the copy is almost never needed: this runs per bulk item.
  for (const key in value) {
    if (value[key] === undefined) {
      return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as ExactOptional<T>;
    }
  }
  return value;
}
