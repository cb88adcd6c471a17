/**
 * Face matching at school scale on ../shared/faces-scale (CHECKPOST_FACES_SCALE): one reference photo per person,
 * galleries of 12 to all enrollable people, genuine probes (second photos of enrolled people) and strangers (people
 * never enrolled, and second photos of people not enrolled at that size), scored by the pipeline's identifyFace.
 * Descriptors are cached under the OS temp folder by model id, engine settings and photo hash; nothing of the set
 * is written anywhere else. CHECKPOST_SCALE_MODELS=all (or a comma list of ids) adds the candidate descriptor models.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { DEFAULT_FACE_ENGINE_CONFIG } from '../../lib/engines/face/face-engine-config';
import { loadFaceEngineNode } from '../../lib/engines/face/load-face-engine-node';
import type { DescribedFace, FaceEngine } from '../../lib/engines/face/types';
import type { Point } from '../../lib/geometry';
import { MAX_MATCH_YAW, yawOf } from '../../lib/pipeline/face-pose';
import { identifyFace } from '../../lib/pipeline/identify-face';
import { matchThresholds, STRANGER_ACCEPT_BOUND, type MatchThresholds } from '../../lib/pipeline/match-thresholds';
import type { FaceTemplate } from '../../lib/roster/types';
import { must, noDeadline } from '../support/must';
import { benchModelFiles, descriptorVariants, type DescriptorVariant } from './descriptor-candidates';
import {
  calibrateThresholds,
  galleries,
  scoreProbe,
  splitScaleSet,
  strangerAcceptRate,
  strangerTrials,
  type Gallery,
  type ProbeFace,
  type ProbeOutcome,
  type ScalePerson,
} from './scale-protocol';
import type { BenchRow, BenchSection, BenchSectionResult } from './section';

export const facesScaleDir = resolve(process.env.CHECKPOST_FACES_SCALE ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'faces-scale'));

const GALLERY_SIZES = [12, 100, 500, 1500] as const;
const STRANGERS = 250;
const SPLIT_SEED = 20260601;
/** Gallery size at which search time is measured (templates repeated to reach it: the time does not depend on who). */
const SEARCH_SIZE = 1500;

interface CachedPhoto {
  descriptor: number[] | null;
  /** The described face's detector keypoints, for the turned-face rule. */
  landmarks: Point[];
  faces: number;
  described: number;
  detectMs: number;
  describeMs: number;
}

interface ScaleIndex {
  identities: Record<string, { file: string }[]>;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A photo's described face as the pipeline would see it, or null when it has none. */
function probeFace(photos: Map<string, CachedPhoto>, file: string): ProbeFace | null {
  const photo = photos.get(file);
  return photo?.descriptor ? { descriptor: Float32Array.from(photo.descriptor), landmarks: photo.landmarks } : null;
}

/** The face the photo is of: the largest one over the photo's centre, else the one nearest the centre. */
function centredFace(faces: readonly DescribedFace[], width: number, height: number): DescribedFace | undefined {
  const cx = width / 2,
    cy = height / 2;
  const over = faces.filter((f) => f.box.x <= cx && cx <= f.box.x + f.box.width && f.box.y <= cy && cy <= f.box.y + f.box.height);
  if (over.length > 0) return [...over].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
  const distance = (f: DescribedFace) => Math.hypot(f.box.x + f.box.width / 2 - cx, f.box.y + f.box.height / 2 - cy);
  return [...faces].sort((a, b) => distance(a) - distance(b))[0];
}

/** Descriptors of every photo used, from the cache where the same model, settings and file were described before. */
async function describePhotos(engine: FaceEngine, files: readonly string[], cacheKey: string): Promise<Map<string, CachedPhoto>> {
  const cacheDir = join(tmpdir(), 'checkpost-bench');
  const cacheFile = join(cacheDir, `faces-scale-${createHash('sha256').update(cacheKey).digest('hex').slice(0, 16)}.json`);
  const cache = new Map<string, CachedPhoto>(existsSync(cacheFile) ? Object.entries(JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, CachedPhoto>) : []);
  const save = () => {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(Object.fromEntries(cache)));
  };
  const byFile = new Map<string, CachedPhoto>();
  let fresh = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(join(facesScaleDir, file)));
    const hash = createHash('sha256').update(bytes).digest('hex');
    let photo = cache.get(hash);
    if (photo === undefined) {
      const decoded = await decodeImageNode(bytes, file);
      if (!decoded.ok) throw new Error(`${file}: ${decoded.error.message}`);
      const analysis = must(await engine.analyse(decoded.value, noDeadline()));
      const face = centredFace(analysis.faces, decoded.value.width, decoded.value.height);
      photo = {
        descriptor: face?.descriptor ? Array.from(face.descriptor) : null,
        landmarks: face?.landmarks ?? [],
        faces: analysis.faces.length,
        described: analysis.faces.filter((f) => f.descriptor).length,
        detectMs: round(analysis.detectMs, 2),
        describeMs: round(analysis.describeMs, 2),
      };
      cache.set(hash, photo);
      if (++fresh % 200 === 0) save();
    }
    byFile.set(file, photo);
  }
  if (fresh > 0) save();
  return byFile;
}

interface GalleryResult {
  size: number;
  genuine: number;
  accepted: number;
  genuineUncertain: number;
  misidentified: number;
  strangers: number;
  strangersAccepted: number;
  strangersUncertain: number;
  /** Highest best-match similarity of any stranger: the accept threshold must sit above it. */
  highestStranger: number;
  /** Genuine accept rate with accept just above highestStranger (same margin): the best this descriptor allows here. */
  acceptAtZeroStrangers: number;
  failures: { probe: string; outcome: ProbeOutcome }[];
}

/** `thresholds` undefined: the pipeline's own, by roster size. */
function runGallery(gallery: Gallery, strangers: readonly ScalePerson[], photos: Map<string, CachedPhoto>, modelId: string, thresholds?: MatchThresholds): GalleryResult {
  const faceOf = (file: string) => probeFace(photos, file);
  const templates: FaceTemplate[] = gallery.enrolled.flatMap((person) => {
    const descriptor = photos.get(person.photos[0]!)?.descriptor;
    return descriptor ? [{ personId: person.name, modelId, descriptor }] : [];
  });
  const best = (face: ProbeFace | null): number => {
    let highest = -1;
    if (!face) return highest;
    const { descriptor } = face;
    for (const template of templates) {
      let sum = 0;
      for (let i = 0; i < descriptor.length; i++) sum += descriptor[i]! * (template.descriptor[i] ?? 0);
      highest = Math.max(highest, sum);
    }
    return highest;
  };
  const failures: { probe: string; outcome: ProbeOutcome }[] = [];
  const genuine = gallery.genuine.map((person) => {
    const outcome = scoreProbe(faceOf(person.photos[1]!), person.name, templates, modelId, thresholds);
    if (outcome !== 'accepted') failures.push({ probe: person.photos[1]!, outcome });
    return outcome;
  });
  const strangerPhotos = [...strangers.map((p) => p.photos[0]!), ...gallery.unenrolledMulti.map((p) => p.photos[1]!)];
  const strangerOutcomes = strangerPhotos.map((file) => {
    const outcome = scoreProbe(faceOf(file), undefined, templates, modelId, thresholds);
    if (outcome === 'misidentified') failures.push({ probe: file, outcome: 'accepted' });
    return outcome;
  });
  const highestStranger = Math.max(...strangerPhotos.map((file) => best(faceOf(file))));
  const used = thresholds ?? matchThresholds(templates.length);
  const strict = { ...used, accept: highestStranger + 1e-6, reject: Math.min(used.reject, highestStranger) };
  const acceptAtZeroStrangers = gallery.genuine.filter((p) => scoreProbe(faceOf(p.photos[1]!), p.name, templates, modelId, strict) === 'accepted').length;
  return {
    size: gallery.size,
    genuine: genuine.length,
    accepted: genuine.filter((o) => o === 'accepted').length,
    genuineUncertain: genuine.filter((o) => o === 'uncertain').length,
    misidentified: genuine.filter((o) => o === 'misidentified').length,
    strangers: strangerOutcomes.length,
    strangersAccepted: strangerOutcomes.filter((o) => o === 'misidentified').length,
    strangersUncertain: strangerOutcomes.filter((o) => o === 'uncertain').length,
    highestStranger: round(highestStranger, 4),
    acceptAtZeroStrangers: round(share(acceptAtZeroStrangers, genuine.length)),
    failures,
  };
}

/**
 * Several reference photos per person: enrolled people with three photos probed by their third, with their first photo
 * as the only template and with their first two; strangers against the gallery with the second templates added.
 */
function twoReferenceRows(label: string, gallery: Gallery, strangers: readonly ScalePerson[], photos: Map<string, CachedPhoto>, modelId: string, largest: boolean): BenchRow[] {
  const template = (person: ScalePerson, photo: number): FaceTemplate[] => {
    const descriptor = photos.get(person.photos[photo]!)?.descriptor;
    return descriptor ? [{ personId: person.name, modelId, descriptor }] : [];
  };
  const faceOf = (file: string) => probeFace(photos, file);
  const tripled = gallery.genuine.filter((person) => person.photos.length >= 3);
  const one = gallery.enrolled.flatMap((person) => template(person, 0));
  const two = [...one, ...tripled.flatMap((person) => template(person, 1))];
  const accepted = (templates: FaceTemplate[]) => tripled.filter((person) => scoreProbe(faceOf(person.photos[2]!), person.name, templates, modelId) === 'accepted').length;
  const strangerPhotos = [...strangers.map((p) => p.photos[0]!), ...gallery.unenrolledMulti.map((p) => p.photos[1]!)];
  const strangersAccepted = strangerPhotos.filter((file) => scoreProbe(faceOf(file), undefined, two, modelId) === 'misidentified').length;
  const withTwo = share(accepted(two), tripled.length);
  return [
    {
      metric: `${label} @${gallery.size}: third photo accepted, one reference / two references (${tripled.length} people)`,
      value: `${round(share(accepted(one), tripled.length))} / ${round(withTwo)}`,
      ...(largest ? { target: '>= 0.95 with two', met: withTwo >= 0.95 } : {}),
    },
    {
      metric: `${label} @${gallery.size}: strangers accepted, with those second references`,
      value: `${strangersAccepted} of ${strangerPhotos.length}`,
      target: '0',
      met: strangersAccepted === 0,
    },
  ];
}

/** Mean time of one identification against SEARCH_SIZE templates, over every probe. */
function searchMs(probes: Float32Array[], templates: readonly FaceTemplate[], modelId: string, thresholds: MatchThresholds): number {
  if (probes.length === 0 || templates.length === 0) return NaN;
  const gallery = Array.from({ length: SEARCH_SIZE }, (_, i) => ({ ...templates[i % templates.length]!, personId: `p${i}` }));
  for (const probe of probes.slice(0, 20)) identifyFace(probe, gallery, modelId, thresholds);
  const started = performance.now();
  for (const probe of probes) identifyFace(probe, gallery, modelId, thresholds);
  return (performance.now() - started) / probes.length;
}

/** Every stranger's similarity to every enrolled reference at the largest gallery: the per-comparison impostor scores. */
function impostorScores(gallery: Gallery, strangers: readonly ScalePerson[], photos: Map<string, CachedPhoto>): number[] {
  const refs = gallery.enrolled.flatMap((p) => {
    const d = photos.get(p.photos[0]!)?.descriptor;
    return d ? [d] : [];
  });
  const scores: number[] = [];
  for (const stranger of strangers) {
    const d = photos.get(stranger.photos[0]!)?.descriptor;
    if (!d) continue;
    for (const ref of refs) {
      let sum = 0;
      for (let i = 0; i < d.length; i++) sum += d[i]! * (ref[i] ?? 0);
      scores.push(sum);
    }
  }
  return scores;
}

/** Stranger faces probed per roster size in the leave-out trials, and the people always left out of the largest gallery. */
const TRIALS_PER_SIZE = 20_000;
const LEFT_OUT_AT_LARGEST = STRANGERS;

/**
 * The pipeline's thresholds at each roster size against many random galleries (strangerTrials): the share of
 * strangers accepted as someone, which must stay within half the stated bound, and the lowest accept (with the
 * same margin) that would still do so, to show how much room the shipped threshold leaves.
 */
function strangerTrialRows(label: string, people: readonly ScalePerson[], photos: Map<string, CachedPhoto>): BenchRow[] {
  const references = people.flatMap((person) => {
    const d = photos.get(person.photos[0]!)?.descriptor;
    return d ? [Float32Array.from(d)] : [];
  });
  return GALLERY_SIZES.flatMap((size) => {
    const gallerySize = Math.min(size, references.length - LEFT_OUT_AT_LARGEST);
    const rounds = Math.ceil(TRIALS_PER_SIZE / (references.length - gallerySize));
    const trials = strangerTrials(references, gallerySize, rounds, SPLIT_SEED + size);
    const shipped = matchThresholds(size);
    const rate = strangerAcceptRate(trials, shipped);
    const accepted = Math.round(rate * trials.length);
    let lowest = shipped.accept;
    while (lowest > shipped.reject && strangerAcceptRate(trials, { ...shipped, accept: lowest - 0.001 }) <= STRANGER_ACCEPT_BOUND / 2) lowest -= 0.001;
    return [
      {
        metric: `${label} @${size}: strangers accepted in ${rounds} random galleries of ${gallerySize}`,
        value: `${accepted} of ${trials.length}`,
        target: `<= ${STRANGER_ACCEPT_BOUND / 2} of them`,
        met: rate <= STRANGER_ACCEPT_BOUND / 2,
      },
      { metric: `${label} @${size}: lowest accept holding that, margin ${shipped.runnerUpMargin} (shipped ${shipped.accept})`, value: round(lowest, 3) },
    ];
  });
}

function rowsFor(label: string, results: GalleryResult[], largest: number): BenchRow[] {
  return results.flatMap((r) => {
    const atLargest = r.size === largest;
    const genuineRate = share(r.accepted, r.genuine),
      genuineUncertain = share(r.genuineUncertain, r.genuine);
    return [
      {
        metric: `${label} @${r.size}: genuine accepted (${r.genuine})`,
        value: round(genuineRate),
        ...(atLargest ? { target: '>= 0.90', met: genuineRate >= 0.9 } : {}),
      },
      {
        metric: `${label} @${r.size}: genuine left uncertain`,
        value: round(genuineUncertain),
        ...(atLargest ? { target: '<= 0.10', met: genuineUncertain <= 0.1 } : {}),
      },
      { metric: `${label} @${r.size}: strangers accepted`, value: `${r.strangersAccepted} of ${r.strangers}`, target: '0', met: r.strangersAccepted === 0 },
      { metric: `${label} @${r.size}: strangers left uncertain`, value: round(share(r.strangersUncertain, r.strangers)) },
      { metric: `${label} @${r.size}: misidentified`, value: r.misidentified, target: '0', met: r.misidentified === 0 },
      { metric: `${label} @${r.size}: genuine accepted if accept were just above the highest stranger`, value: r.acceptAtZeroStrangers },
    ];
  });
}

async function runVariant(variant: DescriptorVariant, people: ScalePerson[]) {
  const split = splitScaleSet(people, STRANGERS, SPLIT_SEED);
  const sized = galleries(split, GALLERY_SIZES);
  const largest = sized[sized.length - 1]!;
  const files = [...new Set([...people.map((p) => p.photos[0]!), ...split.multi.flatMap((p) => p.photos.slice(1, 3))])];
  const loadStart = performance.now();
  const engine = must(await loadFaceEngineNode(variant.engineOptions, variant.descriptor, benchModelFiles()));
  const loadMs = performance.now() - loadStart;
  const describeStart = performance.now();
  let photos: Map<string, CachedPhoto>;
  try {
    photos = await describePhotos(engine, files, JSON.stringify({ cache: 2, modelId: engine.modelId, config: { ...DEFAULT_FACE_ENGINE_CONFIG, ...variant.engineOptions } }));
  } finally {
    engine.dispose();
  }
  const wallMs = performance.now() - describeStart;
  const impostors = impostorScores(largest, split.strangers, photos);
  const calibrated = calibrateThresholds(impostors);
  const thresholdSets: { label: string; thresholds?: MatchThresholds }[] = [
    ...(variant.inUse === true ? [{ label: `${variant.label}, thresholds in use` }] : []),
    { label: `${variant.label}, calibrated`, thresholds: calibrated.thresholds },
  ];
  const evaluated = thresholdSets.map(({ label, thresholds }) => ({
    label,
    thresholds,
    results: sized.map((g) => runGallery(g, split.strangers, photos, engine.modelId, thresholds)),
  }));
  const described = [...photos.values()].filter((p) => p.described > 0);
  const msPerDescriptor = median(described.map((p) => p.describeMs / p.described));
  const templates: FaceTemplate[] = largest.enrolled.flatMap((p) => {
    const d = photos.get(p.photos[0]!)?.descriptor;
    return d ? [{ personId: p.name, modelId: engine.modelId, descriptor: d }] : [];
  });
  const probes = split.multi.flatMap((p) => {
    const d = photos.get(p.photos[1]!)?.descriptor;
    return d ? [Float32Array.from(d)] : [];
  });
  const msPerSearch = searchMs(probes, templates, engine.modelId, calibrated.thresholds);
  const noFace = files.filter((f) => photos.get(f)?.descriptor === null);
  const turned = files.filter((f) => {
    const yaw = yawOf(photos.get(f)?.landmarks ?? []);
    return photos.get(f)?.descriptor && (yaw === null || Math.abs(yaw) >= MAX_MATCH_YAW);
  });
  const trialRows =
    variant.inUse === true
      ? [...sized.flatMap((g) => twoReferenceRows(variant.label, g, split.strangers, photos, engine.modelId, g === largest)), ...strangerTrialRows(variant.label, people, photos)]
      : [];
  const rows: BenchRow[] = [
    ...evaluated.flatMap((e) => rowsFor(e.label, e.results, largest.size)),
    ...trialRows,
    {
      metric: `${variant.label}: calibrated accept / reject / margin`,
      value: `${calibrated.thresholds.accept} / ${calibrated.thresholds.reject} / ${calibrated.thresholds.runnerUpMargin}`,
    },
    {
      metric: `${variant.label}: impostor similarity mean / sd / highest (${impostors.length} pairs)`,
      value: `${round(calibrated.mean, 4)} / ${round(calibrated.sd, 4)} / ${round(calibrated.highest, 4)}`,
    },
    { metric: `${variant.label}: photos without a described centred face (${files.length})`, value: noFace.length },
    { metric: `${variant.label}: photos whose face is turned too far to be matched (yaw ${MAX_MATCH_YAW} or more either way)`, value: turned.length },
    { metric: `${variant.label}: describe, median per face`, value: round(msPerDescriptor, 1), unit: 'ms', target: '<= 100', met: msPerDescriptor <= 100 },
    { metric: `${variant.label}: gallery search per face @${SEARCH_SIZE}`, value: round(msPerSearch, 2), unit: 'ms', target: '<= 5', met: msPerSearch <= 5 },
  ];
  return {
    rows,
    data: {
      label: variant.label,
      modelId: engine.modelId,
      loadMs: round(loadMs, 1),
      describeWallMs: round(wallMs, 1),
      photos: files.length,
      noFace,
      msPerDescriptor: round(msPerDescriptor, 2),
      msPerSearch: round(msPerSearch, 3),
      calibration: { ...calibrated, thresholds: calibrated.thresholds },
      evaluated: evaluated.map((e) => ({ label: e.label, thresholds: e.thresholds, galleries: e.results })),
    },
  };
}

export const facesScaleBench: BenchSection = {
  name: 'faces-scale',
  async run(): Promise<BenchSectionResult> {
    const indexFile = join(facesScaleDir, 'index.json');
    if (!existsSync(indexFile)) {
      const message = `no faces-scale set at ${facesScaleDir} (set CHECKPOST_FACES_SCALE)`;
      if (process.env.CI === 'true') throw new Error(`CI=true but there is ${message}: the scale benchmark cannot run.`);
      return { rows: [{ metric: 'faces-scale (SKIPPED)', value: message }], data: { skipped: message } };
    }
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as ScaleIndex;
    const people: ScalePerson[] = Object.entries(index.identities).map(([name, photos]) => ({ name, photos: photos.map((p) => p.file) }));
    const rows: BenchRow[] = [];
    const data: Record<string, unknown> = {
      set: facesScaleDir,
      people: people.length,
      strangers: STRANGERS,
      seed: SPLIT_SEED,
      gallerySizes: GALLERY_SIZES,
      thresholdsByRosterSize: GALLERY_SIZES.map((size) => ({ size, ...matchThresholds(size) })),
    };
    for (const variant of descriptorVariants(process.env.CHECKPOST_SCALE_MODELS)) {
      const result = await runVariant(variant, people);
      rows.push(...result.rows);
      data[variant.label] = result.data;
    }
    return { rows, data };
  },
};
