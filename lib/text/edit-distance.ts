/** Two rows of the distance table, reused across calls (names are short). */
let previous = new Int32Array(32);
let current = new Int32Array(32);

/**
 * Levenshtein distance between two strings, or `limit + 1` as soon as it must exceed `limit`
 * (the matcher only asks whether a word is within a small allowance).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > previous.length) {
    previous = new Int32Array(b.length + 1);
    current = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitute = previous[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit + 1);
}
