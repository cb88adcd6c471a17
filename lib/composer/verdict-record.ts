import type { VerdictRecord } from '../messaging/protocol';
import type { Platform, Verdict } from '../pipeline/types';
import type { Snapshot } from './post-snapshot';

const counted = <T extends string>(keys: T[]): [T, number][] => [...keys.reduce((tally, key) => tally.set(key, (tally.get(key) ?? 0) + 1), new Map<T, number>())];

/**
 * What the popup's history keeps of a check: no words, messages or names, only rule ids and
 * error codes with counts and a hash of the post. Null for a text-only pass (nothing to report).
 */
export async function verdictRecord(
  snapshot: Snapshot,
  verdict: Verdict,
  platform: Platform,
  at: number,
  hash: (bytes: Uint8Array) => Promise<string>,
): Promise<VerdictRecord | null> {
  if (snapshot.photos.length === 0 && verdict.status === 'pass') return null;
  const rules = counted(verdict.findings.map((finding) => finding.ruleId)).map(([ruleId, count]) => ({ ruleId, count }));
  const errors = counted(verdict.errors.map((error) => error.code)).map(([code, count]) => ({ code, count }));
  const postHash = await hash(new TextEncoder().encode(JSON.stringify([snapshot.request.text, snapshot.photos.map((photo) => photo.hash)])));
  return { at, platform, status: verdict.status, photos: snapshot.photos.length, rules, errors, postHash };
}
