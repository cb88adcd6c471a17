import { loadNodeChecker, loadRosterFile, type NodeChecker } from '../../lib/cli/node-checker';
import type { Roster } from '../../lib/roster/types';
import { corpusPath } from './corpus';

/** The real Node engines with the corpus roster imported and enrolled, as `checkpost check` would have them. */
export async function loadCorpusChecker(): Promise<{ checker: NodeChecker; roster: Roster }> {
  const loaded = await loadNodeChecker();
  if (!loaded.ok) throw new Error(loaded.error.message);
  const imported = await loadRosterFile(corpusPath('roster', 'roster.csv'), loaded.value);
  if (!imported.roster) throw new Error(imported.reportText);
  return { checker: loaded.value, roster: imported.roster };
}
