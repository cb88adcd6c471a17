/**
 * The open-set protocol of the scale benchmark (tests/bench/faces-scale.ts), free of files and models: who is enrolled
 * at each gallery size, which photos probe it, and how each probe's identification is scored.
 */
import type { Point } from '../../lib/geometry';
import { trustMatch } from '../../lib/pipeline/face-pose';
import { identifyFace } from '../../lib/pipeline/identify-face';
import type { MatchThresholds } from '../../lib/pipeline/match-thresholds';
import type { FaceTemplate } from '../../lib/roster/types';

/** One person of the set: photo files in their order (the first is the reference). */
export interface ScalePerson {
  name: string;
  photos: string[];
}

export interface ScaleSplit {
  /** People with a second photo, in seeded order: their first photo enrols them, their second probes. */
  multi: ScalePerson[];
  /** People with one photo who may be enrolled (gallery filler), in seeded order. */
  fillers: ScalePerson[];
  /** People with one photo who are never enrolled: their photo is a stranger probe at every size. */
  strangers: ScalePerson[];
}

export interface Gallery {
  size: number;
  enrolled: ScalePerson[];
  /** Enrolled people whose second photo is a genuine probe. */
  genuine: ScalePerson[];
  /** Second photos of people with two photos who are not enrolled at this size: strangers too. */
  unenrolledMulti: ScalePerson[];
}

/** mulberry32: a small seeded generator, so the split is the same on every machine and every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Splits the set by name order and `seed`: `strangerCount` one-photo people are never enrolled. */
export function splitScaleSet(people: readonly ScalePerson[], strangerCount: number, seed: number): ScaleSplit {
  const random = seeded(seed);
  const byName = [...people].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const multi = shuffled(
    byName.filter((p) => p.photos.length >= 2),
    random,
  );
  const single = shuffled(
    byName.filter((p) => p.photos.length === 1),
    random,
  );
  return { multi, strangers: single.slice(0, strangerCount), fillers: single.slice(strangerCount) };
}

/**
 * Nested galleries: each enrols as many people with a second photo as it can (so their probes are genuine), then
 * fills up with one-photo people; a size above the enrollable count enrols everyone who may be enrolled.
 */
export function galleries(split: ScaleSplit, sizes: readonly number[]): Gallery[] {
  const enrollable = split.multi.length + split.fillers.length;
  return [...new Set(sizes.map((size) => Math.min(size, enrollable)))].map((size) => {
    const genuine = split.multi.slice(0, Math.min(size, split.multi.length));
    const enrolled = [...genuine, ...split.fillers.slice(0, size - genuine.length)];
    return { size, enrolled, genuine, unenrolledMulti: split.multi.slice(genuine.length) };
  });
}

export type ProbeOutcome = 'accepted' | 'misidentified' | 'uncertain' | 'unknown' | 'not_matched' | 'no-descriptor';

/** A probe face: its descriptor and detector keypoints (a turned face is never matched, as in the pipeline). */
export interface ProbeFace {
  descriptor: Float32Array;
  landmarks: readonly Point[];
}

/**
 * A probe's identification against the templates as the pipeline makes it: genuine when `personId` is enrolled, a
 * stranger when undefined. Thresholds by roster size unless given.
 */
export function scoreProbe(face: ProbeFace | null, personId: string | undefined, templates: readonly FaceTemplate[], modelId: string, thresholds?: MatchThresholds): ProbeOutcome {
  if (face === null) return 'no-descriptor';
  const identity = trustMatch(identifyFace(face.descriptor, templates, modelId, thresholds), face.landmarks);
  if (identity.kind === 'match') return identity.personId === personId ? 'accepted' : 'misidentified';
  return identity.kind;
}

/** Inverse of the standard normal distribution function (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5,
    r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

export interface CalibrationRule {
  /** Roster size the bounds hold for. */
  enrolled: number;
  /** Chance that one stranger's face is accepted as someone on a roster of `enrolled` people. */
  acceptBound: number;
  /** Chance that one stranger's face is left 'uncertain' rather than 'unknown'. */
  rejectBound: number;
  /** Runner-up margin, in impostor standard deviations. */
  marginSd: number;
}

/** A secondary school's roster; one stranger in a thousand accepted at most, one in twenty shown to staff. */
export const DEFAULT_CALIBRATION: CalibrationRule = { enrolled: 2000, acceptBound: 1e-3, rejectBound: 0.05, marginSd: 0.5 };

/**
 * Thresholds from impostor similarities (stranger x enrolled reference pairs) so that the chance of any stranger
 * passing stays below the bound: per-comparison false-accept rate x enrolled <= bound. The rate comes from a normal
 * fit of the impostor scores, never below what was seen (the highest impostor for accept, the empirical quantile for
 * reject), then rounded outwards to 0.005.
 */
export function calibrateThresholds(impostors: readonly number[], rule: CalibrationRule = DEFAULT_CALIBRATION) {
  const n = impostors.length;
  const mean = impostors.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(impostors.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const sorted = [...impostors].sort((x, y) => x - y);
  const highest = sorted[n - 1]!;
  const quantile = (rate: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((1 - rate) * n) - 1))]!;
  const acceptRate = rule.acceptBound / rule.enrolled,
    rejectRate = rule.rejectBound / rule.enrolled;
  const acceptFit = mean + normalQuantile(1 - acceptRate) * sd;
  const rejectFit = mean + normalQuantile(1 - rejectRate) * sd;
  const accept = Math.ceil(Math.max(acceptFit, highest) / 0.005) * 0.005;
  const reject = Math.min(accept, Math.floor(Math.max(rejectFit, quantile(rejectRate)) / 0.005) * 0.005);
  const thresholds: MatchThresholds = { accept: round4(accept), reject: round4(reject), runnerUpMargin: round4(rule.marginSd * sd) };
  return { thresholds, mean, sd, highest, acceptFit, rejectFit, rule };
}

const round4 = (x: number): number => Number(x.toFixed(4));

/** A stranger's best and second-best similarity to the people of one gallery. */
export interface StrangerTrial {
  best: number;
  runnerUp: number;
}

/**
 * Strangers at a roster size, many times over: `rounds` random galleries of `size` people drawn from everyone's
 * reference descriptor, each probed by every person left out of it. Far more stranger faces than the set has
 * people who are never enrolled, so accept rates near one in a thousand can be measured.
 */
export function strangerTrials(references: readonly Float32Array[], size: number, rounds: number, seed: number): StrangerTrial[] {
  const random = seeded(seed);
  const trials: StrangerTrial[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = shuffled(
      references.map((_, i) => i),
      random,
    );
    const gallery = order.slice(0, size);
    for (const stranger of order.slice(size)) {
      const probe = references[stranger]!;
      let best = -1,
        runnerUp = -1;
      for (const member of gallery) {
        const reference = references[member]!;
        let similarity = 0;
        for (let i = 0; i < probe.length; i++) similarity += probe[i]! * reference[i]!;
        if (similarity > best) [best, runnerUp] = [similarity, best];
        else if (similarity > runnerUp) runnerUp = similarity;
      }
      trials.push({ best, runnerUp });
    }
  }
  return trials;
}

/** Share of stranger trials that `thresholds` would accept as someone (best clears accept, runner-up clears the margin). */
export const strangerAcceptRate = (trials: readonly StrangerTrial[], thresholds: MatchThresholds): number =>
  trials.filter((t) => t.best >= thresholds.accept && t.best - t.runnerUp >= thresholds.runnerUpMargin).length / Math.max(1, trials.length);
