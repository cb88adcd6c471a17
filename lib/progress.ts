/** How many items must be done before their pace says anything about the rest. */
const ITEMS_FOR_PACE = 3;

/** Seconds left at the pace so far, or null until a few items have set the pace (or when all are done). */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done < ITEMS_FOR_PACE || done >= total) return null;
  return Math.ceil(((elapsedMs / done) * (total - done)) / 1000);
}

/** "about 40 s left", "about 3 min left". */
export const formatTimeLeft = (seconds: number): string => (seconds < 90 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`);

/** "Enrolling reference photos: 12 of 40, about 20 s left". */
export function formatProgress(what: string, done: number, total: number, elapsedMs: number): string {
  const left = secondsLeft(done, total, elapsedMs);
  return `${what}: ${done} of ${total}${left === null ? '' : `, ${formatTimeLeft(left)}`}`;
}
