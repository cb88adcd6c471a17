import { z } from 'zod';
import { errorCodeSchema, platformSchema, verdictStatusSchema } from '../messaging/schemas';

/**
 * What the popup keeps of one verdict, per tab. Version 2 holds no words of the post, no finding
 * messages (they name pupils and quote text read from photos) and no file names: only counts per
 * rule and per error, and a hash that tells two posts apart without saying what they were.
 */
export const verdictRecordSchema = z.object({
  at: z.number(),
  platform: platformSchema,
  status: verdictStatusSchema,
  photos: z.int().nonnegative(),
  rules: z.array(z.object({ ruleId: z.string().regex(/^[a-z]+(-[a-z]+)*$/), count: z.int().positive() })),
  errors: z.array(z.object({ code: errorCodeSchema, count: z.int().positive() })),
  /** SHA-256 (hex) of the post's text and its photos' hashes; null for verdicts kept by version 1. */
  postHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export type VerdictRecord = z.infer<typeof verdictRecordSchema>;

/** Version 1 kept the first finding's message, which could name a pupil. */
export const verdictRecordV1Schema = z.object({ at: z.number(), platform: platformSchema, status: verdictStatusSchema, photos: z.int().nonnegative(), summary: z.string() });

/**
 * A tab's list from version 1 to 2: the message is dropped, and with it what was found, since
 * it cannot be read back into rule ids without keeping the words. A record that is not a
 * version 1 record is dropped too; anything but a list is left for the read to refuse.
 */
export function verdictsToV2(stored: unknown): unknown {
  if (!Array.isArray(stored)) return stored;
  return stored.flatMap((candidate): VerdictRecord[] => {
    const old = verdictRecordV1Schema.safeParse(candidate);
    if (!old.success) return [];
    const { at, platform, status, photos } = old.data;
    return [{ at, platform, status, photos, rules: [], errors: [], postHash: null }];
  });
}
