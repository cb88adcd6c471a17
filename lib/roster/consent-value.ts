/** What a consent cell says. Blank is kept apart so the report can say it was read as No. */
export type ConsentValue = 'yes' | 'no' | 'blank' | 'invalid';

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0']);

/** Reads Y/N, Yes/No, True/False and 1/0 in any case; anything else is for a person to fix. */
export function readConsent(cell: string): ConsentValue {
  const value = cell.trim().toLowerCase();
  if (value === '') return 'blank';
  if (YES.has(value)) return 'yes';
  if (NO.has(value)) return 'no';
  return 'invalid';
}
