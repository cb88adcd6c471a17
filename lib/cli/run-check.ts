import type { Verdict } from '../pipeline/types';
import { ok, type Result } from '../errors';
import type { BiometricRecord } from '../roster/biometrics';
import { checkPostFiles, readBiometricsFile, type PostFiles, type PostOutcome, type RosterSource } from './check-posts';
import { EXIT_CODE } from './exit-codes';
import { formatVerdict } from './format-verdict';

export interface CheckOptions extends PostFiles {
  roster: string;
  /** Path of the school's biometrics record (JSON); absent: face matching off. */
  biometrics?: string;
  json: boolean;
}

const printed = ({ verdict, analysis }: PostOutcome, json: boolean): string => (json ? JSON.stringify(verdict satisfies Verdict, null, 2) : formatVerdict(verdict, analysis));

/**
 * Checks posts one after another against one roster and prints each verdict. `announce` is told
 * before each post's verdict is printed. Returns each post's exit status.
 */
export async function checkPosts(source: RosterSource, json: boolean, posts: PostFiles[], announce: (post: PostFiles) => void = () => undefined): Promise<number[]> {
  const statuses: number[] = [];
  await checkPostFiles(source, posts, (post, outcome) => {
    announce(post);
    console.log(printed(outcome, json));
    statuses.push(EXIT_CODE[outcome.verdict.status]);
  });
  return statuses;
}

/** `checkpost check`: one post, one verdict, exit status by verdict. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const biometrics = await biometricsOption(options.biometrics);
  if (!biometrics.ok) {
    console.error(biometrics.error);
    return EXIT_CODE.cannot_check;
  }
  const [status] = await checkPosts({ csv: options.roster, biometrics: biometrics.value }, options.json, [options]);
  return status!;
}

/** The record named by `--biometrics`, or null (face matching off) when there is none. */
export const biometricsOption = async (path: string | undefined): Promise<Result<BiometricRecord | null, string>> => (path === undefined ? ok(null) : readBiometricsFile(path));
