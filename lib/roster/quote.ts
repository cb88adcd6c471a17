/**
 * Messages quote what the file says so staff can find it, but a file can hold anything: one broken export put
 * a whole 2.5 MB file into a single header. Quotes are clipped, and lists name a few items and count the rest.
 */
const CHARS_QUOTED = 40;
const ITEMS_LISTED = 5;

/** A value as it may appear in a message: at most CHARS_QUOTED characters. */
export const clip = (value: string): string => (value.length > CHARS_QUOTED ? `${value.slice(0, CHARS_QUOTED - 1)}…` : value);

/** `"value"`, clipped. */
export const quote = (value: string): string => `"${clip(value)}"`;

/** `"a", "b", "c", "d", "e" and 12 more`: already-worded items (quote them first if they are values). */
export function listSome(items: string[], separator = ', '): string {
  const shown = items.slice(0, ITEMS_LISTED).join(separator);
  return items.length > ITEMS_LISTED ? `${shown} and ${items.length - ITEMS_LISTED} more` : shown;
}
