import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPost } from '../pipeline/check-post';
import type { Verdict } from '../pipeline/types';
import { rules } from '../rules';
import { evaluateCase, summarise, type CaseResult, type Evaluation, type PostCase } from './evaluate-cases';
import { loadNodeChecker, loadRosterFile } from './node-checker';
import { readPostImage } from './run-check';

export interface EvalOptions {
  corpus: string;
  json: boolean;
}

/** Runs every labelled post case of a corpus through the same pipeline as `check`. */
export async function evaluateCorpus(corpus: string): Promise<Evaluation | string> {
  const cases = JSON.parse(await readFile(join(corpus, 'posts', 'cases.json'), 'utf8')) as PostCase[];
  const checker = await loadNodeChecker();
  if (!checker.ok) return checker.error.message;
  try {
    const imported = await loadRosterFile(join(corpus, 'roster', 'roster.csv'), checker.value);
    if (!imported.roster) return imported.reportText;
    const results: CaseResult[] = [];
    const ruleIds = rules.map((rule) => rule.id);
    for (const postCase of cases) {
      const read = await Promise.all(postCase.images.map((path) => readPostImage(join(corpus, path))));
      const unreadable = read.flatMap((result) => (result.ok ? [] : [result.error]));
      const images = read.flatMap((result) => (result.ok ? [result.value] : []));
      const verdict: Verdict =
        unreadable.length > 0
          ? { status: 'cannot_check', findings: [], errors: unreadable }
          : (await checkPost({ platform: postCase.platform, text: postCase.text, images }, { ...checker.value, roster: imported.roster })).verdict;
      results.push(evaluateCase(postCase, verdict, ruleIds));
    }
    return summarise(results);
  } finally {
    await checker.value.dispose();
  }
}

const ratio = (part: number, whole: number): string => `${part}/${whole} (${whole === 0 ? '-' : (part / whole).toFixed(2)})`;

export function formatEvaluation(evaluation: Evaluation): string {
  const lines = evaluation.results.map(
    (result) =>
      `${result.agrees ? 'ok  ' : 'DIFF'} ${result.id.padEnd(9)} expected ${result.expected.padEnd(5)} got ${result.got.padEnd(12)} ` +
      `reasons expected [${result.expectedReasons.join(', ')}] found [${result.foundReasons.join(', ')}]${result.inScope ? '' : ' (needs rules not built yet)'}`,
  );
  lines.push(
    '',
    `Agreement, all cases: ${ratio(evaluation.agreed, evaluation.cases)}`,
    `Agreement, cases whose reasons this build's rules cover: ${ratio(evaluation.inScopeAgreed, evaluation.inScopeCases)}`,
    `Cases labelled block that were let through: ${evaluation.blocksLetThrough.length === 0 ? 'none' : evaluation.blocksLetThrough.join(', ')}`,
  );
  return lines.join('\n');
}

/** `checkpost eval`: exit 0 when the run completes, 3 when it could not run at all. */
export async function runEval(options: EvalOptions): Promise<number> {
  const evaluation = await evaluateCorpus(options.corpus);
  if (typeof evaluation === 'string') {
    console.error(evaluation);
    return 3;
  }
  console.log(options.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
  return 0;
}
