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

/** A post as files on disk: its words and the paths of its photos. */
export type PostFiles = Pick<CheckOptions, 'text' | 'platform' | 'images'>;

/**
 * Checks posts one after another against one roster, loading the engines and enrolling the roster once.
 * `announce` is told before each post is checked. Returns each post's exit status.
 */
export async function checkPosts(rosterPath: string, json: boolean, posts: PostFiles[], announce: (post: PostFiles) => void = () => undefined): Promise<number[]> {
  const read = await Promise.all(posts.map((post) => Promise.all(post.images.map(readPostImage))));
  const unreadable = read.map((results) => results.flatMap((result) => (result.ok ? [] : [result.error])));
  // Photos that cannot be read hold their post before any model is loaded.
  if (unreadable.every((errors) => errors.length > 0)) return posts.map((post, index) => (announce(post), heldBeforeChecking(unreadable[index]!, json)));

  const checker = await loadNodeChecker();
  if (!checker.ok) return posts.map((post) => (announce(post), heldBeforeChecking([checker.error], json)));
  try {
    const imported = await loadRosterFile(rosterPath, checker.value);
    const roster = imported.roster;
    if (!roster) console.error(imported.reportText);
    const statuses: number[] = [];
    for (const [index, post] of posts.entries()) {
      announce(post);
      if (!roster) {
        statuses.push(heldBeforeChecking([checkError('roster_invalid', `The roster ${rosterPath} could not be imported (see the report above).`, rosterPath)], json));
        continue;
      }
      if (unreadable[index]!.length > 0) {
        statuses.push(heldBeforeChecking(unreadable[index]!, json));
        continue;
      }
      const images = read[index]!.flatMap((result) => (result.ok ? [result.value] : []));
      const { analysis, verdict } = await checkPost({ platform: post.platform, text: post.text, images }, { ...checker.value, roster });
      console.log(json ? JSON.stringify(verdict, null, 2) : formatVerdict(verdict, analysis));
      statuses.push(EXIT_CODE[verdict.status]);
    }
    return statuses;
  } finally {
    await checker.value.dispose();
  }
}

/** `checkpost check`: one post, one verdict, exit status by verdict. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const [status] = await checkPosts(options.roster, options.json, [options]);
  return status!;
}
