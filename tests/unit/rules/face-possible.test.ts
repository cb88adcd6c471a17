import { describe, expect, it } from 'vitest';
import { possibleFaces } from '../../../lib/pipeline/possible-faces';
import { facePossible } from '../../../lib/rules/face-possible';
import { anImage, anImageAnalysis, aRoster, someFacts } from '../../support/builders';

const detection = { x: 100, y: 100, width: 60, height: 60 };
const word = (confidence: number, box = { x: 90, y: 110, width: 120, height: 40 }) => ({ text: 'facebook', confidence, box });
const ocr = (overrides: object) => ({ width: 800, height: 600, regions: [], lines: [], nameFields: [], ms: 1, ...overrides });

describe('possible faces', () => {
  it('keeps a detection the face model could not confirm when no text explains it', () => {
    expect(possibleFaces(anImageAnalysis({ possibleFaces: [detection] }))).toEqual([detection]);
  });

  it('drops one on a sheet the OCR found (certificate artwork)', () => {
    const sheet = {
      kind: 'document' as const,
      corners: [
        { x: 50, y: 50 },
        { x: 400, y: 60 },
        { x: 390, y: 500 },
        { x: 40, y: 490 },
      ],
    };
    expect(possibleFaces(anImageAnalysis({ possibleFaces: [detection], ocr: ocr({ regions: [sheet] }) }))).toEqual([]);
  });

  it("drops one on a word read clearly (a logo's letters), not on a word read poorly", () => {
    const line = (confidence: number) => ({ words: [word(confidence)], box: word(confidence).box, region: 0 });
    expect(possibleFaces(anImageAnalysis({ possibleFaces: [detection], ocr: ocr({ lines: [line(92)] }) }))).toEqual([]);
    expect(possibleFaces(anImageAnalysis({ possibleFaces: [detection], ocr: ocr({ lines: [line(40)] }) }))).toEqual([detection]);
  });

  it('warns once per photo and marks every possible face', () => {
    const other = { x: 300, y: 100, width: 50, height: 50 };
    const findings = facePossible.check(someFacts([anImage([], { possibleFaces: [detection, other] })]), { roster: aRoster() });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBeUndefined();
    expect(findings[0]!.evidence).toEqual([
      { imageIndex: 0, box: detection },
      { imageIndex: 0, box: other },
    ]);
    expect(findings[0]!.message).toMatch(/2 things that may be faces could not be checked/);
  });

  it('says nothing about a photo without one', () => {
    expect(facePossible.check(someFacts([anImage([])]), { roster: aRoster() })).toEqual([]);
  });
});
