import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as tf from '../../lib/engines/tf/tf';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePost, checkPost } from '../../lib/pipeline/check-post';
import type { PostImage } from '../../lib/pipeline/types';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';
import { nodeAnalysers } from '../../lib/engines/analysers-node';
import { createPhotoChecker } from '../../lib/pipeline/photo-checker';
import { loadCorpusChecker, type CorpusChecker } from '../support/corpus-checker';

const photo = (path: string): PostImage => ({ id: path, name: basename(path), bytes: new Uint8Array(readFileSync(path)) });
const bytesPhoto = (name: string, bytes: Uint8Array): PostImage => ({ id: name, name, bytes });

// The whole check, real models, real corpus photos and roster: what the CLI and the extension run.
describe.skipIf(!corpusAvailable)(`checkPost on the corpus roster ${corpusNote}`, () => {
  let checker: CorpusChecker;
  let roster: CorpusChecker['roster'];

  beforeAll(async () => {
    checker = await loadCorpusChecker();
    roster = checker.roster;
  });
  afterAll(() => checker?.photos.analysers.dispose());

  const check = (...images: PostImage[]) => checkPost({ platform: 'x', text: '', images }, checker.photos, checker);

  it('enrols only pupils with biometric consent and a usable photo', () => {
    expect(roster.people).toHaveLength(45);
    expect(roster.templates.map((template) => template.personId)).not.toContain('U999240119150');
    expect(roster.templates).toHaveLength(11);
  });

  it('passes a photo of a pupil with social media consent', async () => {
    const { verdict } = await check(photo(corpusPath('faces', 'identities', 'amelia_hughes', '02.jpg')));
    expect(verdict).toMatchObject({ status: 'pass', findings: [] });
  });

  it('blocks a recognised pupil without social media consent, naming them', async () => {
    const { verdict } = await check(photo(corpusPath('faces', 'identities', 'oliver_nowak', '03.jpg')));
    expect(verdict.status).toBe('block');
    expect(verdict.findings.map((finding) => [finding.ruleId, finding.personId])).toContainEqual(['face-no-consent', 'M999240119115']);
  });

  it('blocks a pupil without biometric consent as an unknown face', async () => {
    const { verdict } = await check(photo(corpusPath('faces', 'identities', 'harry_bennett', '02.jpg')));
    expect(verdict.status).toBe('block');
    expect(verdict.findings.map((finding) => finding.ruleId)).toContain('face-unknown');
    expect(verdict.findings.some((finding) => finding.personId === 'U999240119150')).toBe(false);
  });

  it('checks a huge photo at a working size and reports boxes in its own pixels', async () => {
    const source = corpusPath('faces', 'identities', 'oliver_nowak', '03.jpg');
    const huge = await sharp(source).resize(8000, 6000, { fit: 'fill' }).jpeg({ quality: 70 }).toBuffer();
    const { verdict, analysis } = await check(bytesPhoto('huge.jpg', new Uint8Array(huge)));
    expect(analysis.images[0]).toMatchObject({ width: 8000, height: 6000 });
    expect(verdict.status).toBe('block');
    const box = verdict.findings[0]!.evidence[0]!.box!;
    expect(box.x + box.width).toBeLessThanOrEqual(8000);
    expect(box.width).toBeGreaterThan(1000);
  });

  it('holds, never passes, photos that cannot be read, naming each file', async () => {
    const jpeg = readFileSync(corpusPath('faces', 'identities', 'amelia_hughes', '02.jpg'));
    const heic = new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]);
    const bad = [
      bytesPhoto('empty.jpg', new Uint8Array()),
      bytesPhoto('truncated.jpg', new Uint8Array(jpeg.subarray(0, 600))),
      bytesPhoto('IMG_0001.HEIC', heic),
      bytesPhoto('notes.jpg', new Uint8Array(Buffer.from('this is not a photo'))),
    ];
    const { verdict } = await check(...bad);
    expect(verdict.status).toBe('cannot_check');
    expect(verdict.errors.map((error) => error.file)).toEqual(bad.map((image) => image.name));
    expect(verdict.errors.find((error) => error.file === 'IMG_0001.HEIC')!.message).toMatch(/JPEG/);
  });

  it('leaks no tensors across checks', async () => {
    const image = photo(corpusPath('faces', 'groups', 'g04_awards_six.jpg'));
    await check(image);
    const before = tf.memory().numTensors;
    await check(image);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the engine when a photo runs out of time: the next photo does not wait for it', async () => {
    const group = photo(corpusPath('faces', 'groups', 'g07_staircase_fifteen.jpg'));
    const normal = photo(corpusPath('faces', 'identities', 'amelia_hughes', '02.jpg'));
    const timed = async (images: PostImage[], signal?: AbortSignal) => {
      const started = performance.now();
      const analysis = await analysePost({ platform: 'x', text: '', images }, checker.photos, { matchFaces: true, ...(signal ? { signal } : {}) });
      return { analysis, ms: performance.now() - started };
    };
    const whole = await timed([group]);
    // The same photo with far too little time: it is stopped mid-analysis and its check held.
    const late = await timed([group], AbortSignal.timeout(50));
    expect(late.analysis.errors.map((error) => error.code)).toEqual(['timeout']);
    const next = await timed([normal]);
    expect(next.analysis.images[0]!.faces).toHaveLength(1);
    // Had the stopped photo kept the engine, the next one would wait out the rest of its analysis.
    expect(next.ms).toBeLessThan(whole.ms);
  });
});

describe('a text-only post', () => {
  it('is judged without loading the face models or the text reader', async () => {
    const photos = createPhotoChecker(nodeAnalysers());
    const roster = { people: [], templates: [], biometrics: null };
    const { verdict } = await checkPost({ platform: 'x', text: 'Call me on 07700 900123', images: [] }, photos, { roster });
    expect(verdict.findings.map((finding) => finding.ruleId)).toEqual(['personal-data-in-text']);
    expect(photos.analysers.loaded()).toEqual({ faces: null, ocr: null });
  });
});
