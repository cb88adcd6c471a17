import type { CheckError } from '../errors';
import { matchesFaces } from '../roster/biometrics';
import { rules as allRules } from '../rules';
import { analyseText } from '../text/analyse-text';
import { establishFacts, type JudgeContext } from './establish-facts';
import { judgePost } from './judge-post';
import type { PhotoChecker } from './photo-checker';
import { defaultPolicy, type Policy } from './policy';
import type { Analysis, Facts, ImageAnalysis, Platform, Post, Purpose, Verdict } from './types';

export interface CheckOutcome {
  analysis: Analysis;
  facts: Facts;
  verdict: Verdict;
}

/** The roster records consent per purpose; both platforms Checkpost hooks are social media. */
const PURPOSE_BY_PLATFORM: Record<Platform, Purpose> = { x: 'social_media', facebook: 'social_media' };

/**
 * Puts a post's analysis together from its photos' analyses (however they were obtained: the
 * extension caches them by hash) and analyses its words.
 */
export function assembleAnalysis(post: Pick<Post, 'platform' | 'text' | 'purpose'>, images: ImageAnalysis[], errors: CheckError[]): Analysis {
  return { post: { platform: post.platform, text: post.text }, purpose: post.purpose ?? PURPOSE_BY_PLATFORM[post.platform], images, text: analyseText(post.text), errors };
}

/** Judge time: the facts against the roster in use, then every registered rule under the school's policy. */
export function judge(analysis: Analysis, context: JudgeContext, policy: Policy = defaultPolicy): { facts: Facts; verdict: Verdict } {
  const facts = establishFacts(analysis, context);
  return { facts, verdict: judgePost(facts, { roster: context.roster, approvedDevices: policy.approvedDevices }, allRules, policy) };
}

/**
 * Analyses every photo of the post once, in turn, and its words. A text-only post loads no model. Faces are
 * described only when `matchFaces`.
 */
export async function analysePost(post: Post, photos: PhotoChecker, options: { matchFaces: boolean; signal?: AbortSignal }): Promise<Analysis> {
  const images: ImageAnalysis[] = [];
  const errors: CheckError[] = [];
  for (const [index, image] of post.images.entries()) {
    const result = await photos.analyse(image, index, options);
    if (result.ok) images.push(result.value);
    else errors.push({ ...result.error, file: result.error.file ?? image.name });
  }
  return assembleAnalysis(post, images, errors);
}

/** The one way a post becomes a verdict: analyse once, establish the facts against the roster, judge. */
export async function checkPost(post: Post, photos: PhotoChecker, context: JudgeContext, policy?: Policy): Promise<CheckOutcome> {
  const analysis = await analysePost(post, photos, { matchFaces: matchesFaces(context.roster) });
  return { analysis, ...judge(analysis, context, policy) };
}
