import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rules } from '../rules';
import type { BiometricRecord } from '../roster/biometrics';
import { checkPostFiles } from './check-posts';
import { biometricsOption } from './run-check';
import { evaluateCase, parseCases, summarise, type CaseResult, type Evaluation } from './evaluate-cases';

export interface EvalOptions {
  corpus: string;
  /** Path of the biometrics record the corpus school works under; absent: face matching off. */
  biometrics?: string;
  json: boolean;
}

/** Runs every labelled post case of a corpus through the same pipeline as `check`. */
export async function evaluateCorpus(corpus: string, biometrics: BiometricRecord | null): Promise<Evaluation | string> {
  const cases = parseCases(JSON.parse(await readFile(join(corpus, 'posts', 'cases.json'), 'utf8')));
  if (typeof cases === 'string') return cases;
  const results: CaseResult[] = [];
  const ruleIds = rules.map((rule) => rule.id);
  const posts = cases.map((postCase) => ({ ...postCase, images: postCase.images.map((path) => join(corpus, path)) }));
  let rosterFailed = false;
  await checkPostFiles({ csv: join(corpus, 'roster', 'roster.csv'), biometrics }, posts, (postCase, { verdict }) => {
    rosterFailed ||= verdict.errors.some((error) => error.code === 'roster_invalid');
    results.push(evaluateCase(postCase, verdict, ruleIds));
  });
  return rosterFailed ? `The corpus roster ${join(corpus, 'roster', 'roster.csv')} could not be imported (see the report above).` : summarise(results);
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
  const biometrics = await biometricsOption(options.biometrics);
  if (!biometrics.ok) {
    console.error(biometrics.error);
    return 3;
  }
  const evaluation = await evaluateCorpus(options.corpus, biometrics.value);
  if (typeof evaluation === 'string') {
    console.error(evaluation);
    return 3;
  }
  console.log(options.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
  return 0;
}
