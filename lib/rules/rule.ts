import type { Facts, Finding, Severity } from '../pipeline/types';
import type { Roster } from '../roster/types';

/** What a rule may read besides the facts: the school's roster and policy. */
export interface RuleContext {
  roster: Roster;
  /** Camera models the school approves ("Apple iPhone 13"); when set, photos from other devices warn. */
  approvedDevices?: string[];
}

/** A finding before the school's policy has set its severity. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

/**
 * One policy rule: a pure check over a post's finished facts. Rules never run models or
 * matchers and never touch the browser; the pipeline analyses once, establishes the facts
 * against the roster, and every rule reads them.
 */
export interface Rule {
  /** Stable id, also the file name (lib/rules/<id>.ts) and the reason code in reports. */
  id: string;
  /** Short title for staff and the README's rule table. */
  title: string;
  defaultSeverity: Severity;
  check(facts: Facts, context: RuleContext): RuleFinding[];
}
