import * as tf from '../../lib/engines/tf/tf';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFaceEngineNode } from '../../lib/engines/face/load-face-engine-node';
import type { FaceEngine } from '../../lib/engines/face/types';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import type { DecodedImage } from '../../lib/engines/image/types';
import type { Box } from '../../lib/geometry';
import { must, noDeadline } from '../support/must';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

interface GroupLabel {
  file: string;
  boxes: [number, number, number, number][];
}

async function decodeCorpus(file: string): Promise<DecodedImage> {
  const decoded = await decodeImageNode(new Uint8Array(readFileSync(corpusPath(file))), file);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

/** The corpus's rule for rough labels: the detection's centre lies inside the label box. */
const centreInside = (detection: Box, [x, y, width, height]: GroupLabel['boxes'][number]): boolean => {
  const cx = detection.x + detection.width / 2,
    cy = detection.y + detection.height / 2;
  return cx >= x && cx <= x + width && cy >= y && cy <= y + height;
};

describe.skipIf(!corpusAvailable)(`face engine on real photos ${corpusNote}`, () => {
  let engine: FaceEngine;
  const groups = corpusAvailable ? (JSON.parse(readFileSync(corpusPath('faces', 'groups', 'groups.json'), 'utf8')) as GroupLabel[]) : [];

  beforeAll(async () => {
    engine = must(await loadFaceEngineNode());
  });
  afterAll(() => engine?.dispose());

  it.each(['g04_awards_six', 'g07_staircase_fifteen'])('finds every labelled face of %s and nothing else', async (name) => {
    const label = groups.find((group) => group.file.includes(name))!;
    const { faces } = must(await engine.analyse(await decodeCorpus(label.file), noDeadline()));
    for (const box of label.boxes)
      expect(
        faces.some((face) => centreInside(face.box, box)),
        `face at ${box.join(',')}`,
      ).toBe(true);
    expect(faces).toHaveLength(label.boxes.length);
  });

  it('describes faces with unit-length descriptors and reports them in decoded pixels', async () => {
    const image = await decodeCorpus('faces/groups/g04_awards_six.jpg');
    const { faces, detectMs, describeMs } = must(await engine.analyse(image, noDeadline()));
    expect(detectMs).toBeGreaterThan(0);
    expect(describeMs).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face.descriptor).toBeInstanceOf(Float32Array);
      expect(Math.hypot(...face.descriptor!)).toBeCloseTo(1, 4);
      expect(face.box.x + face.box.width / 2).toBeLessThan(image.width);
      expect(face.box.y + face.box.height / 2).toBeLessThan(image.height);
      expect(face.landmarks).toHaveLength(6);
      expect(face.score).toBeGreaterThanOrEqual(0.5);
    }
  });

  it.each(['amelia_hughes/01.jpg', 'kacper_wisniewski/05.jpg', 'siobhan_oconnor/03.jpg'])('finds the one face in the tight 150 px greyscale crop %s', async (photo) => {
    const { faces } = must(await engine.analyse(await decodeCorpus(`faces/identities/${photo}`), noDeadline()));
    expect(faces).toHaveLength(1);
    expect(faces[0]!.descriptor).not.toBeNull();
  });

  it.each(['documents/d04_star_first_name_grace.jpg', 'documents/n02_achievement_class_4b.jpg'])('finds no face on the certificate %s', async (file) => {
    expect(must(await engine.analyse(await decodeCorpus(file), noDeadline())).faces).toEqual([]);
  });

  it('stops with the signal, leaving no tensor behind, and then checks the next photo as usual', async () => {
    const image = await decodeCorpus('faces/groups/g07_staircase_fifteen.jpg');
    const tensors = tf.memory().numTensors;
    const controller = new AbortController();
    const stopping = engine.analyse(image, controller.signal);
    controller.abort();
    expect(await stopping).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(must(await engine.analyse(image, noDeadline())).faces.length).toBeGreaterThan(10);
  });

  it('leaves no tensor behind, per photo and after dispose', async () => {
    const image = await decodeCorpus('faces/groups/g02_canteen_two_plus_background.jpg');
    const beforeLoad = tf.memory().numTensors;
    const own = must(await loadFaceEngineNode());
    const loaded = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      must(await own.analyse(image, noDeadline()));
      expect(tf.memory().numTensors).toBe(loaded);
    }
    own.dispose();
    expect(tf.memory().numTensors).toBe(beforeLoad);
  });
});
