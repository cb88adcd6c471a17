import type { Rule, RuleContext } from '../rules/rule';
import { defaultPolicy, type Policy } from './policy';
import type { Facts, Finding, Verdict, VerdictStatus } from './types';

/**
 * Runs every rule over the post's facts and decides. A definite block outranks an incomplete
 * check; anything that could not be checked still holds the post (fail closed).
 */
export function judgePost(facts: Facts, context: RuleContext, rules: readonly Rule[], policy: Policy = defaultPolicy): Verdict {
  const findings: Finding[] = rules.flatMap((rule) =>
    rule.check(facts, context).map(({ severity, ...finding }) => ({
      ruleId: rule.id,
      // A finding's own severity is the rule's judgement of that case; the school's policy sets the rule's default.
      severity: severity ?? policy.severity[rule.id] ?? rule.defaultSeverity,
      ...finding,
    })),
  );
  return { status: statusOf(findings, facts.errors.length > 0), findings, errors: facts.errors };
}

function statusOf(findings: Finding[], incomplete: boolean): VerdictStatus {
  if (findings.some((finding) => finding.severity === 'block')) return 'block';
  if (incomplete) return 'cannot_check';
  return findings.length > 0 ? 'warn' : 'pass';
}
