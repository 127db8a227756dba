/** A UTC instant in the one canonical form the service outputs: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type IsoInstant = string & { readonly __brand: 'IsoInstant' };

/** Hours 00–23: `T24:00` (end of day, dropped by ISO 8601-1:2019) is refused rather than rolled into the next day. */
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The documented range, checked on the instant after conversion to UTC (an offset can move it across). */
const MIN_YEAR = 100;
const MAX_YEAR = 9999;

/**
 * Parses an ISO 8601 date or date-time (a date alone means midnight UTC); undefined when invalid,
 * or when the UTC instant falls outside years 0100–9999 (`0100-01-01T00:00:00+14:00` is year 99).
 */
export function parseIsoInstant(text: string): IsoInstant | undefined {
  if (!ISO_8601.test(text)) return undefined;
  const dateOnly = text.length === 10;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text.slice(10));
  const millis = Date.parse(dateOnly || hasZone ? text : `${text}Z`);
  if (Number.isNaN(millis)) return undefined;
  const instant = new Date(millis);
  if (!isCalendarDate(text.slice(0, 10))) return undefined;
  const year = instant.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return instant.toISOString() as IsoInstant;
}

export function toIsoInstant(date: Date): IsoInstant {
  return date.toISOString() as IsoInstant;
}

/** Midnight UTC of the instant's day: the cut-off for "next delivery". */
export function startOfUtcDay(instant: IsoInstant): IsoInstant {
  return `${instant.slice(0, 10)}T00:00:00.000Z` as IsoInstant;
}

/** Rejects dates `Date.parse` silently rolls over, such as February 30th. */
function isCalendarDate(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The instant `seconds` after `instant`. */
export function addSeconds(instant: IsoInstant, seconds: number): IsoInstant {
  return toIsoInstant(new Date(Date.parse(instant) + seconds * 1000));
}
