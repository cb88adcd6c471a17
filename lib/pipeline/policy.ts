import type { Severity } from './types';

/**
 * A school's choices on top of the rules' defaults: per rule, block or only warn.
 * Purpose is fixed by the platform for now (X and Facebook are social media).
 */
export interface Policy {
  severity: Partial<Record<string, Severity>>;
}

export const defaultPolicy: Policy = { severity: {} };
