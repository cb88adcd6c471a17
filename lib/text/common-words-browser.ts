import { COMMON_WORDS_PATH, type PackagedUrl } from '../../models/manifest';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { parseCommonWords } from './common-words';

/** The en-GB dictionary's ordinary words, read from the copy packaged inside the extension. */
export async function loadCommonWordsBrowser(url: PackagedUrl): Promise<Result<ReadonlySet<string>, CheckError>> {
  try {
    const response = await fetch(url(COMMON_WORDS_PATH));
    if (!response.ok) throw new Error(`the packaged word list is missing (${response.status})`);
    return ok(parseCommonWords(await response.text()));
  } catch (thrown) {
    return err(
      checkError(
        'engine_load_failed',
        `Checkpost could not load its English word list (${describeThrown(thrown)}), so it cannot tell pupils' names from ordinary words and the post is on hold. Reinstall or update Checkpost.`,
      ),
    );
  }
}
