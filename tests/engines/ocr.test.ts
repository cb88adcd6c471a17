import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import type { DecodedImage } from '../../lib/engines/image/types';
import { createOcrEngine } from '../../lib/engines/ocr/create-ocr-engine';
import { nodeOcrPaths } from '../../lib/engines/ocr/paths-node';
import { TesseractReader } from '../../lib/engines/ocr/tesseract-reader';
import type { OcrEngine, OcrImageResult } from '../../lib/engines/ocr/types';
import { ocrWordLines } from '../../lib/pipeline/name-facts';
import { parseRoster } from '../../lib/roster/parse-roster';
import type { Person } from '../../lib/roster/types';
import { loadCommonWordsNode } from '../../lib/text/common-words-node';
import { findPupilNames } from '../../lib/text/find-pupil-names';
import { noDeadline } from '../support/must';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

async function decode(path: string): Promise<DecodedImage> {
  const decoded = await decodeImageNode(new Uint8Array(readFileSync(path)), path);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

describe.skipIf(!corpusAvailable)(`OCR engine on corpus documents, real tesseract ${corpusNote}`, () => {
  let engine: OcrEngine;
  let people: Person[];
  let commonWords: ReadonlySet<string>;

  beforeAll(async () => {
    const created = await createOcrEngine(nodeOcrPaths());
    if (!created.ok) throw new Error(created.error.message);
    engine = created.value;
    people = parseRoster(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8')).personRows.map((row) => row.person);
    commonWords = await loadCommonWordsNode();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  async function read(file: string): Promise<OcrImageResult> {
    const result = await engine.analyse(await decode(corpusPath('documents', file)), noDeadline());
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }
  const named = (result: OcrImageResult) =>
    findPupilNames(ocrWordLines(result.lines), people, { ocr: true, commonWords }).flatMap((mention) =>
      mention.personIds.map((id) => people.find((person) => person.id === id)!.surname),
    );

  it('finds the pupil named on a scanned certificate, boxed where the name is printed', async () => {
    const result = await read('d01_star_of_week_scan.jpg');
    expect(result.regions[0]!.kind).toBe('document');
    const mention = findPupilNames(ocrWordLines(result.lines), people, { ocr: true, commonWords }).find((m) => m.kind === 'full_name');
    expect(mention?.personIds).toEqual(['T999240119101']);
    // "Amelia Hughes" is printed in the middle of the 1600x1130 scan, about a third of the way down.
    const box = mention!.boxes[0]!;
    expect(box.x).toBeGreaterThan(400);
    expect(box.x + box.width).toBeLessThan(1200);
    expect(box.y).toBeGreaterThan(380);
    expect(box.y + box.height).toBeLessThan(600);
  });

  it('reads a small certificate held in a group photo', async () => {
    expect(named(await read('d13_certificate_in_group_photo.jpg'))).toContain('Shah');
  });

  it('reads a certificate photographed at an angle and a surname-first header', async () => {
    expect(named(await read('d11_star_rot8_zoe.jpg'))).toContain('Lee');
    expect(named(await read('d06_reading_record_surname_first.jpg'))).toContain('Hughes');
  });

  it('finds no pupil on a blank certificate or a poster of ordinary words, and sees the blank name line', async () => {
    const blank = await read('n01_star_blank.jpg');
    expect(named(blank)).toEqual([]);
    expect(blank.nameFields.length).toBeGreaterThan(0);
    expect(blank.nameFields.every((field) => !field.hasInk)).toBe(true);
    expect(named(await read('n05_poster_rose_garden.jpg'))).toEqual([]);
  });

  it('sees handwriting in the name field of a story page', async () => {
    const story = await read('d07_story_handwritten_siobhan.jpg');
    expect(story.nameFields.some((field) => field.cue === 'Name:' && field.hasInk)).toBe(true);
  });

  it('keeps every box inside the decoded image', async () => {
    const result = await read('d02_achievement_photo.jpg');
    for (const word of result.lines.flatMap((line) => line.words)) {
      expect(word.box.x).toBeGreaterThanOrEqual(-2);
      expect(word.box.y).toBeGreaterThanOrEqual(-2);
      expect(word.box.x + word.box.width).toBeLessThanOrEqual(result.width + 2);
      expect(word.box.y + word.box.height).toBeLessThanOrEqual(result.height + 2);
    }
  });
});

describe('OCR engine failures are values, never hangs', () => {
  const blankPage: DecodedImage = { width: 400, height: 300, data: new Uint8Array(400 * 300 * 3).fill(255), originalWidth: 400, originalHeight: 300 };

  it('reports a missing language file as an error to show staff', async () => {
    const created = await createOcrEngine({ ...nodeOcrPaths(), langPath: '/nonexistent/tessdata' });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.code).toBe('engine_load_failed');
  });

  it('stops a read whose signal aborts, and reads the next photo as usual', async () => {
    const created = await createOcrEngine(nodeOcrPaths());
    if (!created.ok) throw new Error(created.error.message);
    const controller = new AbortController();
    const stopping = created.value.analyse(blankPage, controller.signal);
    controller.abort();
    expect(await stopping).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await created.value.analyse(blankPage, noDeadline())).toMatchObject({ ok: true, value: { lines: [] } });
    await created.value.dispose();
  });

  it('hands over to a fresh worker after a set number of photos, which reads the same', async () => {
    const renew = vi.spyOn(TesseractReader.prototype, 'renew');
    const created = await createOcrEngine(nodeOcrPaths(), 2);
    if (!created.ok) throw new Error(created.error.message);
    const certificate = await decode(corpusPath('documents', 'd01_star_of_week_scan.jpg'));
    const before = await created.value.analyse(certificate, noDeadline());
    await created.value.analyse(blankPage, noDeadline());
    expect(renew).toHaveBeenCalledTimes(1);
    const after = await created.value.analyse(certificate, noDeadline());
    const read = (result: typeof before) => (result.ok ? { ...result.value, ms: 0 } : result);
    expect(read(after)).toEqual(read(before));
    await created.value.dispose();
    renew.mockRestore();
  });

  it('abandons a read past its deadline, and still reads afterwards', async () => {
    const reader = new TesseractReader(nodeOcrPaths());
    const grey = { width: 400, height: 300, data: new Uint8Array(400 * 300).fill(255) };
    const late = await reader.read(grey, 'sheet', AbortSignal.timeout(1));
    expect(late).toMatchObject({ ok: false });
    const again = await reader.read(grey, 'sheet', noDeadline());
    expect(again).toEqual({ ok: true, value: [] });
    await reader.stop();
  });
});
