import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { checkPost } from '../pipeline/check-post';
import type { Platform, PostImage, Verdict } from '../pipeline/types';
import { EXIT_CODE } from './exit-codes';
import { formatVerdict } from './format-verdict';
import { loadNodeChecker, loadRosterFile } from './node-checker';

export interface CheckOptions {
  roster: string;
  text: string;
  platform: Platform;
  json: boolean;
  images: string[];
}

export async function readPostImage(path: string): Promise<Result<PostImage, CheckError>> {
  try {
    const bytes = await readFile(path);
    return ok({ id: path, name: basename(path), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (thrown) {
    return err(checkError('file_unreadable', `${path} could not be read (${describeThrown(thrown)}). Check the path.`, path));
  }
}

/** Prints a verdict that was reached without analysing anything (missing photos, no roster, no model). */
function heldBeforeChecking(errors: CheckError[], json: boolean): number {
  const verdict: Verdict = { status: 'cannot_check', findings: [], errors };
  console.log(json ? JSON.stringify(verdict, null, 2) : ['CANNOT CHECK: the post is held.', ...errors.map((error) => `  ? ${error.message}`)].join('\n'));
  return EXIT_CODE.cannot_check;
}

/** `checkpost check`: one post, one verdict, exit status by verdict. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const read = await Promise.all(options.images.map(readPostImage));
  const unreadable = read.flatMap((result) => (result.ok ? [] : [result.error]));
  if (unreadable.length > 0) return heldBeforeChecking(unreadable, options.json);

  const checker = await loadNodeChecker();
  if (!checker.ok) return heldBeforeChecking([checker.error], options.json);
  try {
    const imported = await loadRosterFile(options.roster, checker.value);
    if (!imported.roster) {
      console.error(imported.reportText);
      return heldBeforeChecking([checkError('roster_invalid', `The roster ${options.roster} could not be imported (see the report above).`, options.roster)], options.json);
    }
    const images = read.flatMap((result) => (result.ok ? [result.value] : []));
    const { analysis, verdict } = await checkPost({ platform: options.platform, text: options.text, images }, { ...checker.value, roster: imported.roster });
    console.log(options.json ? JSON.stringify(verdict, null, 2) : formatVerdict(verdict, analysis));
    return EXIT_CODE[verdict.status];
  } finally {
    await checker.value.dispose();
  }
}
