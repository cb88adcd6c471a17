import type { Verdict } from '../pipeline/types';
import { checkPostFiles, type PostFiles, type PostOutcome } from './check-posts';
import { EXIT_CODE } from './exit-codes';
import { formatVerdict } from './format-verdict';

export interface CheckOptions extends PostFiles {
  roster: string;
  json: boolean;
}

const printed = ({ verdict, analysis }: PostOutcome, json: boolean): string => (json ? JSON.stringify(verdict satisfies Verdict, null, 2) : formatVerdict(verdict, analysis));

/**
 * Checks posts one after another against one roster and prints each verdict. `announce` is told
 * before each post's verdict is printed. Returns each post's exit status.
 */
export async function checkPosts(rosterPath: string, json: boolean, posts: PostFiles[], announce: (post: PostFiles) => void = () => undefined): Promise<number[]> {
  const statuses: number[] = [];
  await checkPostFiles(rosterPath, posts, (post, outcome) => {
    announce(post);
    console.log(printed(outcome, json));
    statuses.push(EXIT_CODE[outcome.verdict.status]);
  });
  return statuses;
}

/** `checkpost check`: one post, one verdict, exit status by verdict. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const [status] = await checkPosts(options.roster, options.json, [options]);
  return status!;
}
