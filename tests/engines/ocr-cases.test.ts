import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { createOcrEngine } from '../../lib/engines/ocr/create-ocr-engine';
import { nodeOcrPaths } from '../../lib/engines/ocr/paths-node';
import type { OcrEngine } from '../../lib/engines/ocr/types';
import type { Analysis, ImageAnalysis } from '../../lib/pipeline/types';
import { parseRoster } from '../../lib/roster/parse-roster';
import type { Roster } from '../../lib/roster/types';
import { nameInImage } from '../../lib/rules/name-in-image';
import { nameUnreadable } from '../../lib/rules/name-unreadable';
import { analyseText } from '../../lib/text/analyse-text';
import { loadCommonWordsNode } from '../../lib/text/common-words-node';
import { noDeadline } from '../support/must';
import { establishFacts } from '../../lib/pipeline/establish-facts';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

interface PostCase {
  id: string;
  text: string;
  images: string[];
  expected: 'pass' | 'warn' | 'block';
  reasons: string[];
}

// Every corpus post with a document photo: the photo rules agree with the labelled reasons,
// and nothing in them warns on a post expected to pass.
describe.skipIf(!corpusAvailable)(`name rules on the corpus posts' document photos, real OCR ${corpusNote}`, () => {
  const cases: PostCase[] = corpusAvailable
    ? (JSON.parse(readFileSync(corpusPath('posts', 'cases.json'), 'utf8')) as PostCase[]).filter((postCase) => postCase.images.some((image) => image.startsWith('documents/')))
    : [];
  let engine: OcrEngine;
  let roster: Roster;
  let commonWords: ReadonlySet<string>;

  beforeAll(async () => {
    const created = await createOcrEngine(nodeOcrPaths());
    if (!created.ok) throw new Error(created.error.message);
    engine = created.value;
    roster = { people: parseRoster(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8')).personRows.map((row) => row.person), templates: [], biometrics: null };
    commonWords = await loadCommonWordsNode();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it.each(cases.map((postCase) => [postCase.id, postCase] as const))('%s', async (_, postCase) => {
    const images: ImageAnalysis[] = [];
    for (const [imageIndex, file] of postCase.images.entries()) {
      if (!file.startsWith('documents/')) continue;
      const decoded = await decodeImageNode(new Uint8Array(readFileSync(corpusPath(file))), file);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const read = await engine.analyse(decoded.value, noDeadline());
      if (!read.ok) throw new Error(read.error.message);
      const { width, height } = decoded.value;
      images.push({
        imageIndex,
        name: file,
        width,
        height,
        faces: [],
        possibleFaces: [],
        descriptorModel: 'none',
        ocr: read.value,
        exif: { location: null, make: null, model: null },
        timings: { decodeMs: 0, detectMs: 0, describeMs: 0 },
      });
    }
    const analysis: Analysis = { post: { platform: 'x', text: postCase.text }, purpose: 'social_media', images, text: analyseText(postCase.text), errors: [] };
    const facts = establishFacts(analysis, { roster, commonWords });
    const names = nameInImage.check(facts, { roster });
    expect(names.length > 0).toBe(postCase.reasons.includes('name_in_image'));
    if (postCase.expected === 'pass') expect(nameUnreadable.check(facts, { roster })).toEqual([]);
  });
});
