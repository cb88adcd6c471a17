import type { NameField, OcrImageResult, OcrLine } from '../../../lib/engines/ocr/types';
import type { TextAnalysis } from '../../../lib/text/types';

/** Test builder: OCR lines from text, one word box after another, 20 px a letter. */
export function anOcrLine(text: string, options: { y?: number; confidence?: number; region?: number; nameField?: number } = {}): OcrLine {
  const y = options.y ?? 100;
  let x = 10;
  const words = text.split(' ').map((word) => {
    const box = { x, y, width: word.length * 20, height: 30 };
    x += box.width + 15;
    return { text: word, confidence: options.confidence ?? 95, box };
  });
  return {
    words,
    box: { x: 10, y, width: x - 25, height: 30 },
    region: options.region ?? 0,
    ...(options.nameField !== undefined ? { nameField: options.nameField } : {}),
  };
}

export function anOcrResult(lines: OcrLine[], nameFields: NameField[] = []): OcrImageResult {
  return {
    width: 1600,
    height: 1200,
    regions: [
      {
        kind: 'document',
        corners: [
          { x: 0, y: 0 },
          { x: 1600, y: 0 },
          { x: 1600, y: 1200 },
          { x: 0, y: 1200 },
        ],
      },
    ],
    lines,
    nameFields,
    ms: 1,
  };
}

export const noText: TextAnalysis = { personalData: [], tone: { sentences: [], negative: [] }, offensive: [] };
