import type { Severity } from './types';

/**
 * A school's choices on top of the rules' defaults: per rule, block or only warn.
 * Purpose is fixed by the platform for now (X and Facebook are social media).
 */
export interface Policy {
  severity: Partial<Record<string, Severity>>;
  /** Camera models the school approves ("Apple iPhone 13"); when set, photos from other devices warn. */
  approvedDevices?: string[];
}

export const defaultPolicy: Policy = { severity: {} };
