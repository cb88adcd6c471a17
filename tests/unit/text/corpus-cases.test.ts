import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoster } from '../../../lib/roster/parse-roster';
import type { Roster } from '../../../lib/roster/types';
import { nameInText } from '../../../lib/rules/name-in-text';
import { negativeTone } from '../../../lib/rules/negative-tone';
import { offensiveLanguage } from '../../../lib/rules/offensive-language';
import { personalDataInText } from '../../../lib/rules/personal-data-in-text';
import { analyseText } from '../../../lib/text/analyse-text';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';
import { establishFacts } from '../../../lib/pipeline/establish-facts';
import { anAnalysis } from '../../support/builders';

interface PostCase {
  id: string;
  text: string;
  reasons: string[];
}

/** The corpus names reasons in snake_case; rule ids are the same words in kebab-case. */
const TEXT_RULES = [nameInText, personalDataInText, negativeTone, offensiveLanguage];
const TEXT_REASONS = new Set(TEXT_RULES.map((rule) => rule.id.replaceAll('-', '_')));

describe.skipIf(!corpusAvailable)(`post text of every corpus case ${corpusNote}`, () => {
  const cases: PostCase[] = corpusAvailable ? JSON.parse(readFileSync(corpusPath('posts', 'cases.json'), 'utf8')) : [];
  let roster: Roster;
  let commonWords: ReadonlySet<string>;
  beforeAll(async () => {
    roster = { people: parseRoster(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8')).personRows.map((row) => row.person), templates: [], biometrics: null };
    commonWords = await loadCommonWordsNode();
  });

  it.each(cases.map((postCase) => [postCase.id, postCase] as const))('%s: the text rules give exactly the text reasons', (_, postCase) => {
    const facts = establishFacts(anAnalysis([], { post: { platform: 'x', text: postCase.text }, text: analyseText(postCase.text) }), { roster, commonWords });
    const found = TEXT_RULES.filter((rule) => rule.check(facts, { roster }).length > 0).map((rule) => rule.id.replaceAll('-', '_'));
    expect(found.sort()).toEqual(postCase.reasons.filter((reason) => TEXT_REASONS.has(reason)).sort());
  });
});
