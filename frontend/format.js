// Words and numbers that every view writes the same way: counts with their noun, sizes, points and percentages.
// One home for each, so that a page never says "1 pages" where another says "1 page".

/** "1 page", "2 pages". */
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** "123 KB" / "1.2 MB" for a size in bytes. */
export function formatSize(bytes) {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A share the server already rounded to tenths: "90" or "87.5". */
export function formatPercent(p) {
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
}

/** "7.5" for 7.5, "8" for 8.0: points as people write them. */
export function formatPoints(points) {
  if (points === null || points === undefined || Number.isNaN(Number(points))) {
    return '—';
  }
  const n = Number(points);
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** "86.5 %", or the words for "nothing to count yet" when the server sends null. */
export function percentText(p, none = 'not yet') {
  return p === null || p === undefined ? none : `${formatPoints(Math.round(p * 10) / 10)} %`;
}

/** The one order for names on every page: "Student 2" before "Student 10" (as the server's NaturalOrder). */
export const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });

/** Compares two people (or anything with a name) by name, naturally. */
export const byName = (a, b) => collator.compare(a.name || '', b.name || '');
