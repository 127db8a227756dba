/** An instant column as canonical ISO text: PostgreSQL's driver answers a Date, SQLite the stored text. */
export function instantText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function nullableInstantText(value: unknown): string | null {
  return value === null || value === undefined ? null : instantText(value);
}
