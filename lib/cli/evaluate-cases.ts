import { z } from 'zod';
import type { Finding, Verdict, VerdictStatus } from '../pipeline/types';

const postCaseSchema = z.object({
  id: z.string(),
  platform: z.enum(['x', 'facebook']),
  text: z.string(),
  images: z.array(z.string()),
  expected: z.enum(['pass', 'warn', 'block']),
  reasons: z.array(z.string()),
});

/** One end-to-end case as labelled in a corpus's posts/cases.json. */
export type PostCase = z.infer<typeof postCaseSchema>;

/** A corpus's cases.json, checked at the boundary: a malformed file is named, never half-read. */
export function parseCases(json: unknown): PostCase[] | string {
  const parsed = z.array(postCaseSchema).safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `posts/cases.json is not a list of post cases: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
}

export interface CaseResult {
  id: string;
  expected: PostCase['expected'];
  got: VerdictStatus;
  agrees: boolean;
  /** The corpus reasons the case needs that this build's rules can report at all. */
  inScope: boolean;
  expectedReasons: string[];
  foundReasons: string[];
  messages: string[];
}

export interface Evaluation {
  cases: number;
  agreed: number;
  inScopeCases: number;
  inScopeAgreed: number;
  /** Cases labelled block that this build let through (pass or warn): the failures that matter most. */
  blocksLetThrough: string[];
  results: CaseResult[];
}

/**
 * Corpus reason codes are snake_case rule ids, except that a pupil without biometric consent is,
 * to Checkpost, simply an unknown face: it can never be enrolled.
 */
const REASONS_BY_RULE: Record<string, string[]> = {
  'face-unknown': ['face_unknown', 'face_no_biometric_consent'],
  'face-uncertain': [],
};

export const reasonsOfRule = (ruleId: string): string[] => REASONS_BY_RULE[ruleId] ?? [ruleId.replaceAll('-', '_')];

const reasonsOf = (findings: Finding[]): string[] => [...new Set(findings.flatMap((finding) => reasonsOfRule(finding.ruleId)))];

export function evaluateCase(postCase: PostCase, verdict: Verdict, ruleIds: readonly string[]): CaseResult {
  const reportable = new Set(ruleIds.flatMap(reasonsOfRule));
  return {
    id: postCase.id,
    expected: postCase.expected,
    got: verdict.status,
    agrees: verdict.status === postCase.expected,
    inScope: postCase.reasons.every((reason) => reportable.has(reason)),
    expectedReasons: postCase.reasons,
    foundReasons: reasonsOf(verdict.findings),
    messages: [...verdict.findings.map((finding) => finding.message), ...verdict.errors.map((error) => error.message)],
  };
}

export function summarise(results: CaseResult[]): Evaluation {
  const inScope = results.filter((result) => result.inScope);
  return {
    cases: results.length,
    agreed: results.filter((result) => result.agrees).length,
    inScopeCases: inScope.length,
    inScopeAgreed: inScope.filter((result) => result.agrees).length,
    blocksLetThrough: results.filter((result) => result.expected === 'block' && (result.got === 'pass' || result.got === 'warn')).map((result) => result.id),
    results,
  };
}
