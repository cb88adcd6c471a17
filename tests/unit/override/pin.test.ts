import { describe, expect, it } from 'vitest';
import { makePinRecord, pinMatches, pinProblem, pinRecordSchema } from '../../../lib/override/pin';

describe('the Headteacher override PIN', () => {
  it('refuses short PINs and the patterns guessed first', () => {
    expect(pinProblem('12345')).toMatch(/at least 6/);
    for (const pin of ['000000', '123456', '987654', 'aaaaaaa']) expect(pinProblem(pin)).toMatch(/first anyone would guess/);
    expect(pinProblem('402917')).toBeNull();
  });

  it('keeps a check that the right PIN opens and a wrong one does not, never the PIN itself', async () => {
    const record = await makePinRecord('402917', new Date('2026-12-02T10:00:00Z'));
    expect(pinRecordSchema.parse(record)).toEqual(record);
    expect(JSON.stringify(record)).not.toContain('402917');
    expect(record.check.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    await expect(pinMatches('402917', record)).resolves.toBe(true);
    await expect(pinMatches('402918', record)).resolves.toBe(false);
  });
});
