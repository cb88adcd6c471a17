import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeChecker, loadRosterFile, type NodeChecker } from '../../../lib/cli/node-checker';
import { imageHash } from '../../../lib/composer/image-hash';
import { createPostCheckService, type PostCheckService } from '../../../lib/composer/post-check-service';
import { checkError, err, ok } from '../../../lib/errors';
import { bytesToBase64 } from '../../../lib/messaging/base64';
import type { ImageUpload } from '../../../lib/messaging/protocol';
import type { Roster } from '../../../lib/roster/types';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';

async function upload(path: string, name: string): Promise<ImageUpload> {
  const bytes = new Uint8Array(readFileSync(path));
  return { hash: await imageHash(bytes), name, base64: bytesToBase64(bytes) };
}

// The offscreen document's side of the composer protocol, on the real models and corpus roster.
describe.skipIf(!corpusAvailable)(`post check service on the corpus roster ${corpusNote}`, () => {
  let checker: NodeChecker;
  let roster: Roster;
  let service: PostCheckService;
  let pupil: ImageUpload;
  let strangers: ImageUpload;

  beforeAll(async () => {
    const loaded = await loadNodeChecker();
    if (!loaded.ok) throw new Error(loaded.error.message);
    checker = loaded.value;
    const imported = await loadRosterFile(corpusPath('roster', 'roster.csv'), checker);
    if (imported.roster === null) throw new Error(imported.reportText);
    roster = imported.roster;
    service = createPostCheckService({ engine: async () => ok(checker), roster: async () => ok(roster) });
    pupil = await upload(corpusPath('faces', 'identities', 'amelia_hughes', '02.jpg'), 'star.jpg');
    strangers = await upload(corpusPath('faces', 'groups', 'g07_staircase_fifteen.jpg'), 'staff-day.jpg');
  });
  afterAll(() => checker?.faces.dispose());

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

    const both = await service.checkPost({ platform: 'x', text: '', images: [{ hash: pupil.hash, name: 'star.jpg' }, { hash: strangers.hash, name: 'staff-day.jpg' }], errors: [] });
    if (both.kind !== 'checked') throw new Error('expected a verdict');
    expect(both.verdict.status).toBe('block');
    expect(both.analysis.images.map((image) => [image.imageIndex, image.name])).toEqual([
      [0, 'star.jpg'],
      [1, 'staff-day.jpg'],
    ]);
    // Every finding points at the second photo: the pupil's own photo is fine.
    expect(new Set(both.verdict.findings.flatMap((finding) => finding.evidence.map((evidence) => evidence.imageIndex)))).toEqual(new Set([1]));
  });

  it("holds a post with the composer's own errors (a video it could not check)", async () => {
    const video = checkError('image_unsupported', 'Attachment 2 is a video.');
    const reply = await service.checkPost({ platform: 'x', text: '', images: [{ hash: pupil.hash, name: 'star.jpg' }], errors: [video] });
    expect(reply).toMatchObject({ kind: 'checked', verdict: { status: 'cannot_check', errors: [video] } });
  });

  it('forgets every analysis when the roster changes', async () => {
    await service.analyseImage(pupil);
    service.forget();
    expect(await service.checkPost({ platform: 'x', text: '', images: [{ hash: pupil.hash, name: 'a.jpg' }], errors: [] })).toEqual({ kind: 'missing', hashes: [pupil.hash] });
  });

  it('does not keep failures a retry may cure, and holds posts while there is no roster', async () => {
    let engineUp = false;
    const flaky = createPostCheckService({
      engine: async () => (engineUp ? ok(checker) : err(checkError('engine_load_failed', 'The models did not load.'))),
      roster: async () => ok(roster),
    });
    expect(await flaky.analyseImage(pupil)).toEqual(err(checkError('engine_load_failed', 'The models did not load.')));
    engineUp = true;
    expect(await flaky.analyseImage(pupil)).toMatchObject({ ok: true });

    const noRoster = createPostCheckService({ engine: async () => ok(checker), roster: async () => err(checkError('roster_missing', 'No roster has been imported.')) });
    const textOnly = await noRoster.checkPost({ platform: 'x', text: 'School closes at 2pm', images: [], errors: [] });
    expect(textOnly).toMatchObject({ kind: 'checked', verdict: { status: 'cannot_check', errors: [{ code: 'roster_missing' }] } });
  });
});
