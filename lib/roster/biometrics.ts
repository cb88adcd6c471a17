import { z } from 'zod';
import { err, ok, type Result } from '../errors';

const isoDate = z.iso.date();

/**
 * The school's record that matching faces to the roster is lawful here: under the Protection of Freedoms Act 2012
 * (ss. 26-28) parents are notified before a child's biometric data is processed, and under UK GDPR (Art. 9, Art. 35)
 * a data protection impact assessment comes first. Until it is recorded Checkpost makes no face template and works
 * without recognising anyone; removing it deletes every template.
 */
export const biometricRecordSchema = z.object({
  /** When the DPIA for face matching was completed (YYYY-MM-DD). */
  dpiaCompletedOn: isoDate,
  /** The data protection officer who signed it off. */
  dpoName: z.string().trim().min(2).max(120),
  /** When parents were notified that Checkpost matches faces to reference photos (YYYY-MM-DD). */
  parentsNotifiedOn: isoDate,
  /** When face matching was turned on with this record (ISO 8601); a file given to the CLI may leave it out. */
  recordedAt: z.iso.datetime().optional(),
});

export type BiometricRecord = z.infer<typeof biometricRecordSchema>;

/** Whether faces are matched to this roster: only with the school's biometric record, so without it no descriptor is computed at all. */
export const matchesFaces = (roster: { biometrics: BiometricRecord | null }): boolean => roster.biometrics !== null;

/** The record, if it can turn face matching on; otherwise why not, in words for the ORM lead. */
export function checkBiometricRecord(record: unknown, now: Date): Result<BiometricRecord, string> {
  const parsed = biometricRecordSchema.safeParse(record);
  if (!parsed.success) return err("Give the date the DPIA was completed, the data protection officer's name and the date parents were notified (dates as YYYY-MM-DD).");
  const today = now.toISOString().slice(0, 10);
  if (parsed.data.dpiaCompletedOn > today || parsed.data.parentsNotifiedOn > today)
    return err('The DPIA and the notice to parents must both have happened already: a date in the future cannot turn face matching on.');
  return ok(parsed.data);
}
