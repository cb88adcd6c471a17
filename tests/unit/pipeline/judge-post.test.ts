import { describe, expect, it } from 'vitest';
import { judgePost } from '../../../lib/pipeline/judge-post';
import type { Rule } from '../../../lib/rules/rule';
import { someFacts, aRoster } from '../../support/builders';

const ruleFinding = (id: string, severity: 'block' | 'warn', findingSeverity?: 'block' | 'warn'): Rule => ({
  id,
  title: id,
  defaultSeverity: severity,
  check: () => [{ message: `${id} found`, evidence: [], ...(findingSeverity ? { severity: findingSeverity } : {}) }],
});
const silent: Rule = { id: 'silent', title: 'silent', defaultSeverity: 'block', check: () => [] };
const context = { roster: aRoster() };
const unreadable = { code: 'image_corrupt' as const, message: 'x.jpg could not be read' };

describe('judgePost', () => {
  it('passes when no rule finds anything and everything was checked', () => {
    expect(judgePost(someFacts([]), context, [silent])).toEqual({ status: 'pass', findings: [], errors: [] });
  });

  it('warns when only warnings are found', () => {
    expect(judgePost(someFacts([]), context, [ruleFinding('a', 'warn'), silent]).status).toBe('warn');
  });

  it('blocks when any finding blocks', () => {
    const verdict = judgePost(someFacts([]), context, [ruleFinding('a', 'warn'), ruleFinding('b', 'block')]);
    expect(verdict.status).toBe('block');
    expect(verdict.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['a', 'warn'],
      ['b', 'block'],
    ]);
  });

  it('holds a post that could not be fully checked, even with no findings', () => {
    const verdict = judgePost(someFacts([], { errors: [unreadable] }), context, [ruleFinding('a', 'warn')]);
    expect(verdict.status).toBe('cannot_check');
    expect(verdict.errors).toEqual([unreadable]);
  });

  it('reports a definite block over an incomplete check', () => {
    expect(judgePost(someFacts([], { errors: [unreadable] }), context, [ruleFinding('b', 'block')]).status).toBe('block');
  });

  it("applies the school's policy to a rule's default severity but not to a finding's own", () => {
    const policy = { severity: { a: 'warn' as const, b: 'warn' as const } };
    const verdict = judgePost(someFacts([]), context, [ruleFinding('a', 'block'), ruleFinding('b', 'warn', 'block')], policy);
    expect(verdict.findings.map((finding) => finding.severity)).toEqual(['warn', 'block']);
  });
});
