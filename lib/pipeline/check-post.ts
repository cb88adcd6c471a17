import type { CheckError } from '../errors';
import type { Roster } from '../roster/types';
import { rules as allRules } from '../rules';
import type { RuleContext } from '../rules/rule';
import { analyseText } from '../text/analyse-text';
import { analyseImage, type ImageAnalysers } from './analyse-image';
import { judgePost } from './judge-post';
import { defaultPolicy, type Policy } from './policy';
import type { Analysis, ImageAnalysis, Platform, Post, Purpose, Verdict } from './types';
import { withTimeout } from './with-timeout';

export interface CheckDeps extends Omit<ImageAnalysers, 'templates'> {
  roster: Roster;
  /** English words, so a first name that is also a word ("Will") needs evidence that it is a name. */
  commonWords: ReadonlySet<string>;
  policy?: Policy;
  /** Per photo; a check that takes longer holds the post. */
  imageTimeoutMs?: number;
}

export interface CheckOutcome {
  analysis: Analysis;
  verdict: Verdict;
}

export const DEFAULT_IMAGE_TIMEOUT_MS = 20_000;

/** The roster records consent per purpose; both platforms Checkpost hooks are social media. */
const PURPOSE_BY_PLATFORM: Record<Platform, Purpose> = { x: 'social_media', facebook: 'social_media' };

/**
 * Puts a post's analysis together from its photos' analyses (however they were obtained: the
 * extension caches them by hash) and analyses its words.
 */
export function assembleAnalysis(post: Pick<Post, 'platform' | 'text'>, images: ImageAnalysis[], errors: CheckError[]): Analysis {
  return { post: { platform: post.platform, text: post.text }, purpose: PURPOSE_BY_PLATFORM[post.platform], images, text: analyseText(post.text), errors };
}

/** Every registered rule over the analysis, under the school's policy. */
export function judge(analysis: Analysis, context: Pick<RuleContext, 'roster' | 'commonWords'>, policy: Policy = defaultPolicy): Verdict {
  return judgePost(analysis, { ...context, approvedDevices: policy.approvedDevices }, allRules, policy);
}

/** Analyses every part of the post once, then lets every rule judge the result. */
export async function analysePost(post: Post, deps: CheckDeps): Promise<Analysis> {
  const images: ImageAnalysis[] = [];
  const errors: CheckError[] = [];
  const analysers: ImageAnalysers = { decode: deps.decode, faces: deps.faces, ocr: deps.ocr, templates: deps.roster.templates };
  // One engine, one photo at a time: the models are not re-entrant and two cores gain nothing from interleaving.
  for (const [index, image] of post.images.entries()) {
    const result = await withTimeout(analyseImage(image, index, analysers), deps.imageTimeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS, `Checking ${image.name}`);
    if (result.ok) images.push(result.value);
    else errors.push({ ...result.error, file: result.error.file ?? image.name });
  }
  return assembleAnalysis(post, images, errors);
}

export async function checkPost(post: Post, deps: CheckDeps): Promise<CheckOutcome> {
  const analysis = await analysePost(post, deps);
  return { analysis, verdict: judge(analysis, deps, deps.policy) };
}
