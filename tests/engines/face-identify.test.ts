import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFaceEngineNode } from '../../lib/engines/face/load-face-engine-node';
import { identifyFace } from '../../lib/pipeline/identify-face';
import type { DescribedFace, FaceEngine } from '../../lib/engines/face/types';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import type { FaceTemplate } from '../../lib/roster/types';
import { must, noDeadline } from '../support/must';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

interface GroupLabel {
  file: string;
  boxes: [number, number, number, number][];
  box_identities: string[];
}

/** Pupils with Biometric Consent = Y whose reference photos are enrolled here (Harry Bennett, consent N, is not). */
const ENROLLED = ['amelia_hughes', 'arjun_patel', 'grace_thompson', 'kacper_wisniewski', 'oliver_nowak', 'siobhan_oconnor', 'thomas_whitfield'];

describe.skipIf(!corpusAvailable)(`identifying faces against enrolled reference photos ${corpusNote}`, () => {
  let engine: FaceEngine;
  let templates: FaceTemplate[];

  async function facesIn(file: string): Promise<DescribedFace[]> {
    const decoded = await decodeImageNode(new Uint8Array(readFileSync(corpusPath(file))), file);
    if (!decoded.ok) throw new Error(decoded.error.message);
    return must(await engine.analyse(decoded.value, noDeadline())).faces;
  }

  const identify = (face: DescribedFace) => identifyFace(face.descriptor!, templates, engine.modelId);

  beforeAll(async () => {
    engine = must(await loadFaceEngineNode());
    templates = [];
    for (const personId of ENROLLED) {
      const [face] = await facesIn(`faces/identities/${personId}/01.jpg`);
      templates.push({ personId, modelId: engine.modelId, descriptor: Array.from(face!.descriptor!) });
    }
  });
  afterAll(() => engine?.dispose());

  it.each([
    ['amelia_hughes', '02.jpg'],
    ['oliver_nowak', '03.jpg'],
    ['thomas_whitfield', '05.jpg'],
  ])("a consenting pupil's photo (%s %s) matches their reference", async (personId, photo) => {
    const [face] = await facesIn(`faces/identities/${personId}/${photo}`);
    expect(identify(face!)).toMatchObject({ kind: 'match', personId });
  });

  it.each(['harry_bennett/02.jpg', 'harry_bennett/03.jpg', 'aisha_rahman/02.jpg'])('a person not enrolled (%s) matches nobody', async (photo) => {
    const [face] = await facesIn(`faces/identities/${photo}`);
    expect(identify(face!).kind).not.toBe('match');
  });

  it('in a group photo where all are enrolled, names most pupils, none wrongly or twice, and leaves the rest uncertain with the right candidate', async () => {
    const label = (JSON.parse(readFileSync(corpusPath('faces', 'groups', 'groups.json'), 'utf8')) as GroupLabel[]).find((group) => group.file.includes('g04_'))!;
    const identities = (await facesIn(label.file)).map(identify);
    const named = identities.flatMap((identity) => (identity.kind === 'match' ? [identity.personId] : []));
    const candidates = identities.flatMap((identity) => (identity.kind === 'uncertain' ? [identity.candidateId] : []));
    expect(identities).toHaveLength(label.box_identities.length);
    expect(named.length + candidates.length).toBe(identities.length);
    expect(new Set(named).size).toBe(named.length);
    for (const personId of [...named, ...candidates]) expect(label.box_identities).toContain(personId);
    expect(named.length).toBeGreaterThanOrEqual(label.box_identities.length - 2);
  });

  it('accepts none of the strangers in a group photo of people not on the roster', async () => {
    const faces = await facesIn('faces/groups/g08_bar_five.jpg');
    expect(faces).toHaveLength(5);
    for (const face of faces) expect(identify(face).kind).toBe('unknown');
  });

  it('ignores templates from another descriptor model', async () => {
    const [face] = await facesIn('faces/identities/amelia_hughes/02.jpg');
    const foreign = templates.map((template) => ({ ...template, modelId: 'another-model' }));
    expect(identifyFace(face!.descriptor!, foreign, engine.modelId).kind).toBe('unknown');
  });
});
