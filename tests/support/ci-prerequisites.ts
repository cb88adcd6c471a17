import { corpusAvailable, corpusDir } from './corpus';

/**
 * Vitest global set-up. Locally, tests that need the labelled corpus skip and say so; in CI a
 * missing corpus fails the run, so a green CI always means the real data was used. (Browser tests
 * already fail without Chromium.)
 */
export default function ciPrerequisites(): void {
  if (process.env.CI === 'true' && !corpusAvailable)
    throw new Error(`CI=true but there is no labelled corpus at ${corpusDir} (set CHECKPOST_CORPUS): the tests cannot run in full.`);
}
