/** How many row numbers a message lists before it counts the rest. */
const ROWS_LISTED = 10;

/** "row 4", "rows 3 and 17", "rows 3, 9 and 17", "rows 2, 3, ... 11 and 25 more". */
export function listRows(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length > ROWS_LISTED) return `rows ${rows.slice(0, ROWS_LISTED).join(', ')} and ${rows.length - ROWS_LISTED} more`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}
