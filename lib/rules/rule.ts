import type { Analysis, Finding, Severity } from '../pipeline/types';
import type { Roster } from '../roster/types';

/** What a rule may read besides the analysis: the school's roster and policy. */
export interface RuleContext {
  roster: Roster;
  /**
   * Ordinary English words (lib/text/common-words.ts): a lone first name that is also a word
   * ("Rose", "Will") needs evidence that it is a name. Without it every first name counts.
   */
  commonWords?: ReadonlySet<string>;
  /** Camera models the school approves ("Apple iPhone 13"); when set, photos from other devices warn. */
  approvedDevices?: string[];
}

/** A finding before the school's policy has set its severity. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

/**
 * One policy rule: a pure check over an already analysed post. Rules never run models
 * or touch the browser; the pipeline analyses once and every rule reads the result.
 */
export interface Rule {
  /** Stable id, also the file name (lib/rules/<id>.ts) and the reason code in reports. */
  id: string;
  /** Short title for staff and the README's rule table. */
  title: string;
  defaultSeverity: Severity;
  check(analysis: Analysis, context: RuleContext): RuleFinding[];
}
