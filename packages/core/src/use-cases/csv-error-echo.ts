/**
 * How much of a bad row a CSV row error repeats. A row may be up to `CSV_MAX_ROW_BYTES` long and
 * up to 1000 row errors are listed, so echoing rows whole could answer tens of MB of the client's
 * own input; a legitimate record (17 fields, the longest 255 characters) fits well within these.
 */
const MAX_HEADER_CHARS = 128;
const MAX_CELL_CHARS = 256;
const MAX_RECORD_CHARS = 2048;
const MAX_MESSAGE_CHARS = 512;

/** The row as read, by header, cut to a bounded size: long cells end in `…`; columns past the budget are left out. */
export function echoRecord(header: readonly string[], cells: readonly string[]): Record<string, string> {
  // Entries, not assignment: a header may be called `__proto__`.
  const entries: [string, string][] = [];
  let size = 0;
  for (const [index, name] of header.entries()) {
    const key = truncated(name, MAX_HEADER_CHARS);
    const value = truncated(cells[index] ?? '', MAX_CELL_CHARS);
    size += key.length + value.length;
    if (size > MAX_RECORD_CHARS) break;
    entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}

/** A row error's message, which may quote a cell (an unknown sku), cut to a bounded size. */
export function echoMessage(message: string): string {
  return truncated(message, MAX_MESSAGE_CHARS);
}

function truncated(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half: the rest would be a lone surrogate.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
