import { loadRosterFile } from '../../lib/cli/check-posts';
import { nodeAnalysers } from '../../lib/engines/analysers-node';
import { createPhotoChecker, type PhotoChecker } from '../../lib/pipeline/photo-checker';
import type { Roster } from '../../lib/roster/types';
import { loadCommonWordsNode } from '../../lib/text/common-words-node';
import { corpusPath } from './corpus';
import { SCHOOL_BIOMETRICS } from './builders';

export interface CorpusChecker {
  photos: PhotoChecker;
  roster: Roster;
  commonWords: ReadonlySet<string>;
}

/** The real Node engines with the corpus roster imported and enrolled, as `checkpost check` would have them. */
export async function loadCorpusChecker(budgetMs?: number): Promise<CorpusChecker> {
  const photos = createPhotoChecker(nodeAnalysers(), budgetMs);
  const [roster, commonWords] = await Promise.all([
    loadRosterFile({ csv: corpusPath('roster', 'roster.csv'), biometrics: SCHOOL_BIOMETRICS }, photos, true),
    loadCommonWordsNode(),
  ]);
  if (!roster.ok) throw new Error(roster.error);
  return { photos, roster: roster.value, commonWords };
}
