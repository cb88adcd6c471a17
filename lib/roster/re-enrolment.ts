import { z } from 'zod';

/**
 * Children's faces change as they grow, and recognition drifts with the time since enrolment (README, "Children"),
 * so reference photos are renewed every school year.
 */
export const RE_ENROL_AFTER_MONTHS = 12;

/** The ORM lead may ask sooner (a school renewing photos each term) or later, but never leave templates for over 3 years. */
export const reEnrolMonthsSchema = z.int().min(1).max(36);

/** A reminder to re-enrol when the templates were made more than `months` ago, or null while they are recent. */
export function reEnrolmentReminder(enrolledAt: string, now: Date, months = RE_ENROL_AFTER_MONTHS): string | null {
  const enrolled = new Date(enrolledAt);
  if (Number.isNaN(enrolled.getTime())) return null;
  const due = new Date(enrolled);
  due.setMonth(due.getMonth() + months);
  if (now < due) return null;
  return `The face templates were made from reference photos imported on ${enrolled.toISOString().slice(0, 10)}, more than ${months} months ago. Children's faces change: import this year's photos so pupils are still recognised.`;
}
