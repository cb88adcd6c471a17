import { readFileSync } from 'node:fs';
import * as tf from '../../../lib/engines/tf/tf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageHash } from '../../../lib/image-hash';
import { createPostCheckService, type PostCheckService } from '../../../lib/composer/post-check-service';
import { checkError, err, ok } from '../../../lib/errors';
import { bytesToBase64 } from '../../../lib/base64';
import type { ImageUpload } from '../../../lib/messaging/protocol';
import { lazyAnalysers } from '../../../lib/engines/analysers';
import { createPhotoChecker, type PhotoChecker } from '../../../lib/pipeline/photo-checker';
import type { ImageAnalysis } from '../../../lib/pipeline/types';
import type { Roster } from '../../../lib/roster/types';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';
import { loadCorpusChecker, type CorpusChecker } from '../../support/corpus-checker';
import { corpusCase, onlyDocuments } from '../../e2e/support/corpus-posts';

async function upload(path: string, name: string): Promise<ImageUpload> {
  const bytes = new Uint8Array(readFileSync(path));
  return { hash: await imageHash(bytes), name, base64: bytesToBase64(bytes) };
}

// The offscreen document's side of the composer protocol, on the real models and corpus roster.
describe.skipIf(!corpusAvailable)(`post check service on the corpus roster ${corpusNote}`, () => {
  let checker: CorpusChecker;
  let roster: Roster;
  let service: PostCheckService;
  let pupil: ImageUpload;
  let strangers: ImageUpload;

  beforeAll(async () => {
    checker = await loadCorpusChecker();
    roster = checker.roster;
    service = createPostCheckService({ photos: checker.photos, roster: async () => ok(roster), commonWords: async () => ok(checker.commonWords) });
    pupil = await upload(corpusPath('faces', 'identities', 'amelia_hughes', '02.jpg'), 'star.jpg');
    strangers = await upload(corpusPath('faces', 'groups', 'g07_staircase_fifteen.jpg'), 'staff-day.jpg');
  });
  afterAll(() => checker?.photos.analysers.dispose());

  it('asks for photos it has not analysed instead of guessing', async () => {
    expect(await service.checkPost({ platform: 'x', text: 'Hi', images: [{ hash: pupil.hash, name: 'star.jpg' }], errors: [] })).toEqual({ kind: 'missing', hashes: [pupil.hash] });
  });

  it('analyses a photo once by its hash, then judges whole posts from the kept analyses', async () => {
    const tensors = tf.memory().numTensors;
    const first = await service.analyseImage(pupil);
    expect(first).toMatchObject({ ok: true, value: { faces: 1 } });
    const again = await service.analyseImage({ ...pupil, name: 'renamed.jpg' });
    expect(again).toEqual(first);
    await service.analyseImage(strangers);
    expect(tf.memory().numTensors).toBe(tensors);

    const passed = await service.checkPost({ platform: 'x', text: 'Star of the week', images: [{ hash: pupil.hash, name: 'star.jpg' }], errors: [] });
    expect(passed).toMatchObject({ kind: 'checked', verdict: { status: 'pass' } });

    const both = await service.checkPost({
      platform: 'x',
      text: '',
      images: [
        { hash: pupil.hash, name: 'star.jpg' },
        { hash: strangers.hash, name: 'staff-day.jpg' },
      ],
      errors: [],
    });
    if (both.kind !== 'checked') throw new Error('expected a verdict');
    expect(both.verdict.status).toBe('block');
    // Only sizes travel back to the page, never descriptors or text read in the photos.
    expect(both.photos).toEqual([
      { imageIndex: 0, width: expect.any(Number), height: expect.any(Number) },
      { imageIndex: 1, width: expect.any(Number), height: expect.any(Number) },
    ]);
    // Every finding points at the second photo: the pupil's own photo is fine.
    expect(new Set(both.verdict.findings.flatMap((finding) => finding.evidence.map((evidence) => evidence.imageIndex)))).toEqual(new Set([1]));
  });

  it("holds a post with the composer's own errors (a video it could not check)", async () => {
    const video = checkError('image_unsupported', 'Attachment 2 is a video.');
    const reply = await service.checkPost({ platform: 'x', text: '', images: [{ hash: pupil.hash, name: 'star.jpg' }], errors: [video] });
    expect(reply).toMatchObject({ kind: 'checked', verdict: { status: 'cannot_check', errors: [video] } });
  });

  it('judges kept analyses against a new roster without analysing the photo again', async () => {
    let current = roster;
    const switching = createPostCheckService({ photos: checker.photos, roster: async () => ok(current), commonWords: async () => ok(checker.commonWords) });
    await switching.analyseImage(pupil);
    const post = { platform: 'x' as const, text: '', images: [{ hash: pupil.hash, name: 'a.jpg' }], errors: [] };
    expect(await switching.checkPost(post)).toMatchObject({ kind: 'checked', verdict: { status: 'pass' } });
    // Amelia's parents withdraw social media consent.
    current = {
      ...roster,
      people: roster.people.map((person) => (person.legalForename === 'Amelia' ? { ...person, consents: { ...person.consents, socialMedia: false } } : person)),
    };
    expect(await switching.checkPost(post)).toMatchObject({ kind: 'checked', verdict: { status: 'block', findings: [{ ruleId: 'face-no-consent' }] } });
  });

  it('describes no face while face matching is off, and analyses the photo again once it is turned on', async () => {
    let current: Roster = { ...roster, biometrics: null, templates: [] };
    const analysed: ImageAnalysis[] = [];
    const watched: PhotoChecker = {
      ...checker.photos,
      analyse: async (...args) => {
        const result = await checker.photos.analyse(...args);
        if (result.ok) analysed.push(result.value);
        return result;
      },
    };
    const switching = createPostCheckService({ photos: watched, roster: async () => ok(current), commonWords: async () => ok(checker.commonWords) });
    const post = { platform: 'x' as const, text: '', images: [{ hash: pupil.hash, name: 'a.jpg' }], errors: [] };
    await switching.analyseImage(pupil);
    expect(analysed.map((analysis) => [analysis.descriptorModel, analysis.faces.map((face) => face.descriptor)])).toEqual([[null, [null]]]);
    expect(await switching.checkPost(post)).toMatchObject({ kind: 'checked', verdict: { status: 'warn', findings: [{ ruleId: 'face-not-matched' }] } });
    // The ORM lead records the DPIA and enrols the roster: the kept analysis has no descriptor, so the photo is asked for again.
    current = roster;
    expect(await switching.checkPost(post)).toEqual({ kind: 'missing', hashes: [pupil.hash] });
    await switching.analyseImage(pupil);
    expect(analysed[1]!.faces[0]!.descriptor).toBeInstanceOf(Float32Array);
    expect(await switching.checkPost(post)).toMatchObject({ kind: 'checked', verdict: { status: 'pass' } });
  });

  it('does not keep failures a retry may cure, and holds posts while there is no roster', async () => {
    let engineUp = false;
    const faces = await checker.photos.analysers.faces();
    const ocr = await checker.photos.analysers.ocr();
    const flakyAnalysers = lazyAnalysers({
      decode: checker.photos.analysers.decode,
      loadFaces: async () => (engineUp ? faces : err(checkError('engine_load_failed', 'The models did not load.'))),
      loadOcr: async () => ocr,
    });
    const flaky = createPostCheckService({ photos: createPhotoChecker(flakyAnalysers), roster: async () => ok(roster), commonWords: async () => ok(checker.commonWords) });
    expect(await flaky.analyseImage(pupil)).toEqual(err(checkError('engine_load_failed', 'The models did not load.')));
    engineUp = true;
    expect(await flaky.analyseImage(pupil)).toMatchObject({ ok: true });

    const noRoster = createPostCheckService({
      photos: checker.photos,
      roster: async () => err(checkError('roster_missing', 'No roster has been imported.')),
      commonWords: async () => ok(checker.commonWords),
    });
    const textOnly = await noRoster.checkPost({ platform: 'x', text: 'School closes at 2pm', images: [], errors: [] });
    expect(textOnly).toMatchObject({ kind: 'checked', verdict: { status: 'cannot_check', errors: [{ code: 'roster_missing' }] } });
  });

  it('judges text-only posts by the text rules, the pupil named in the words marked by character range', async () => {
    const named = corpusCase(
      'a text-only post blocked only for a pupil named in full',
      (post) => post.images.length === 0 && post.reasons.join() === 'name_in_text' && post.expected === 'block',
    );
    const reply = await service.checkPost({ platform: 'x', text: named.text, images: [], errors: [] });
    if (reply.kind !== 'checked') throw new Error('expected a verdict');
    expect(reply.verdict.status).toBe('block');
    const finding = reply.verdict.findings.find((candidate) => candidate.ruleId === 'name-in-text');
    const person = roster.people.find((candidate) => candidate.id === finding?.personId);
    const spans = finding?.textSpans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(person).toBeDefined();
    expect(spans.map((span) => named.text.slice(span.start, span.end)).join(' ')).toContain(person!.surname);

    const negative = corpusCase('a text-only post that only warns for its tone', (post) => post.images.length === 0 && post.expected === 'warn');
    expect(await service.checkPost({ platform: 'x', text: negative.text, images: [], errors: [] })).toMatchObject({ kind: 'checked', verdict: { status: 'warn' } });
  });

  it('reads the text on a certificate: a pupil named on it is held with the name boxed, a blank one passes', async () => {
    const named = corpusCase(
      'a post held only for a name on a document photo',
      (post) => post.reasons.join() === 'name_in_image' && onlyDocuments(post, ['certificate']) && post.images.length === 1,
    );
    const blank = corpusCase('a post of a blank document that passes', (post) => post.expected === 'pass' && onlyDocuments(post, ['negative']));
    const certificate = await upload(named.imagePaths[0]!, 'certificate.jpg');
    const empty = await upload(blank.imagePaths[0]!, 'blank.jpg');
    expect(await service.analyseImage(certificate)).toMatchObject({ ok: true });
    expect(await service.analyseImage(empty)).toMatchObject({ ok: true });

    const held = await service.checkPost({ platform: 'x', text: named.text, images: [{ hash: certificate.hash, name: 'certificate.jpg' }], errors: [] });
    if (held.kind !== 'checked') throw new Error('expected a verdict');
    expect(held.verdict.status).toBe('block');
    const finding = held.verdict.findings.find((candidate) => candidate.ruleId === 'name-in-image');
    const image = held.photos[0]!;
    expect(finding?.evidence.length).toBeGreaterThan(0);
    // Boxes are in the photo's own pixels, as the panel draws them on its thumbnail.
    for (const { imageIndex, box } of finding?.evidence ?? []) {
      expect(imageIndex).toBe(0);
      expect(box).toBeDefined();
      expect(box!.x + box!.width).toBeLessThanOrEqual(image.width + 1);
      expect(box!.y + box!.height).toBeLessThanOrEqual(image.height + 1);
    }

    const passed = await service.checkPost({ platform: 'x', text: blank.text, images: [{ hash: empty.hash, name: 'blank.jpg' }], errors: [] });
    expect(passed).toMatchObject({ kind: 'checked', verdict: { status: 'pass', findings: [] } });
  });

  it('holds every post while the word list the name rules need is missing', async () => {
    const noWords = createPostCheckService({
      photos: checker.photos,
      roster: async () => ok(roster),
      commonWords: async () => err(checkError('engine_load_failed', 'The word list did not load.')),
    });
    expect(await noWords.checkPost({ platform: 'x', text: 'School closes at 2pm', images: [], errors: [] })).toMatchObject({
      kind: 'checked',
      verdict: { status: 'cannot_check', errors: [{ message: 'The word list did not load.' }] },
    });
  });
});
