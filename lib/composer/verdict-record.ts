import type { PageAuditEvent, VerdictRecord } from '../messaging/protocol';
import type { Platform, Verdict } from '../pipeline/types';
import type { Snapshot } from './post-snapshot';

const counted = <T extends string>(keys: T[]): [T, number][] => [...keys.reduce((tally, key) => tally.set(key, (tally.get(key) ?? 0) + 1), new Map<T, number>())];

/** Each rule that found something, with how many findings: what both the popup and the audit log keep. */
const ruleCounts = (verdict: Verdict) => counted(verdict.findings.map((finding) => finding.ruleId)).map(([ruleId, count]) => ({ ruleId, count }));

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
  const rules = ruleCounts(verdict);
  const errors = counted(verdict.errors.map((error) => error.code)).map(([code, count]) => ({ code, count }));
  return { at, platform, status: verdict.status, photos: snapshot.photos.length, rules, errors, postHash: await postHashOf(snapshot, hash) };
}

/** SHA-256 of the post's text and its photos' hashes: tells two posts apart without saying what either was. */
export const postHashOf = (snapshot: Snapshot, hash: (bytes: Uint8Array) => Promise<string>): Promise<string> =>
  hash(new TextEncoder().encode(JSON.stringify([snapshot.request.text, snapshot.photos.map((photo) => photo.hash)])));

/** What the audit log keeps of a post staff sent, or whose warning they accepted. */
export async function pageAuditEvent(
  kind: PageAuditEvent['kind'],
  snapshot: Snapshot,
  verdict: Verdict,
  platform: Platform,
  hash: (bytes: Uint8Array) => Promise<string>,
): Promise<PageAuditEvent> {
  const rules = ruleCounts(verdict);
  return { kind, platform, status: verdict.status, rules, postHash: await postHashOf(snapshot, hash) };
}
