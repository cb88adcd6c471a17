import { describe, expect, it } from 'vitest';
import { reEnrolmentReminder } from '../../../lib/roster/re-enrolment';

describe('reEnrolmentReminder', () => {
  it('says nothing within twelve months of enrolment, and asks for this year’s photos after', () => {
    expect(reEnrolmentReminder('2026-09-03T09:00:00.000Z', new Date('2027-09-02T09:00:00.000Z'))).toBeNull();
    expect(reEnrolmentReminder('2026-09-03T09:00:00.000Z', new Date('2027-09-03T09:00:00.000Z'))).toMatch(/imported on 2026-09-03, more than 12 months ago/);
  });

  it('follows a school that chooses a shorter period, and ignores a date it cannot read', () => {
    expect(reEnrolmentReminder('2026-09-03T09:00:00.000Z', new Date('2027-03-04T09:00:00.000Z'), 6)).toMatch(/more than 6 months ago/);
    expect(reEnrolmentReminder('not a date', new Date())).toBeNull();
  });
});
