import { describe, expect, it } from 'vitest';
import { readConsent } from '../../../lib/roster/consent-value';

describe('readConsent', () => {
  it.each(['Y', 'y', 'Yes', 'YES', 'true', 'True', '1', ' y '])('reads %j as yes', (cell) => {
    expect(readConsent(cell)).toBe('yes');
  });

  it.each(['N', 'n', 'No', 'NO', 'false', 'FALSE', '0'])('reads %j as no', (cell) => {
    expect(readConsent(cell)).toBe('no');
  });

  it('keeps blank apart from no', () => {
    expect(readConsent('')).toBe('blank');
    expect(readConsent('   ')).toBe('blank');
  });

  it.each(['Maybe', 'N/A', '-', 'Yes please', '2', 'Y N'])('refuses %j', (cell) => {
    expect(readConsent(cell)).toBe('invalid');
  });
});
