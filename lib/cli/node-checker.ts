import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { loadFaceEngineNode } from '../engines/face/load-face-engine-node';
import type { FaceEngine } from '../engines/face/types';
import { decodeImageNode } from '../engines/image/decode-node';
import type { ImageDecoder } from '../engines/image/types';
import { createOcrEngine } from '../engines/ocr/create-ocr-engine';
import { nodeOcrPaths } from '../engines/ocr/paths-node';
import type { OcrEngine } from '../engines/ocr/types';
import { createEnrolPhoto } from '../roster/enrol-photo';
import { importRoster } from '../roster/import-roster';
import { formatImportReport } from '../roster/import-report';
import { photoReaderNode } from '../roster/read-photo-node';
import type { Roster } from '../roster/types';
import { loadCommonWordsNode } from '../text/common-words-node';

export interface NodeChecker {
  decode: ImageDecoder;
  faces: FaceEngine;
  ocr: OcrEngine;
  commonWords: ReadonlySet<string>;
  /** Frees the models and ends the OCR worker, so the process can exit. */
  dispose(): Promise<void>;
}

/** The analysers in Node: sharp decoding, the face engine on tfjs's wasm backend and tesseract, all from node_modules. */
export async function loadNodeChecker(): Promise<Result<NodeChecker, CheckError>> {
  const ocr = await createOcrEngine(nodeOcrPaths());
  if (!ocr.ok) return ocr;
  try {
    const [faces, commonWords] = await Promise.all([loadFaceEngineNode(), loadCommonWordsNode()]);
    return ok({
      decode: decodeImageNode,
      faces,
      ocr: ocr.value,
      commonWords,
      dispose: async () => {
        faces.dispose();
        await ocr.value.terminate();
      },
    });
  } catch (thrown) {
    await ocr.value.terminate();
    return err(checkError('engine_load_failed', `The face models could not be loaded (${describeThrown(thrown)}). Run npm ci and try again.`));
  }
}

/** Imports a roster CSV from disk, enrolling its reference photos with this checker's face engine. */
export async function loadRosterFile(csvPath: string, checker: Pick<NodeChecker, 'decode' | 'faces'>): Promise<{ roster: Roster | null; reportText: string }> {
  let csv: Uint8Array;
  try {
    csv = new Uint8Array(await readFile(csvPath));
  } catch (thrown) {
    return { roster: null, reportText: `The roster ${csvPath} could not be read (${describeThrown(thrown)}). Check the path.` };
  }
  const { report, roster } = await importRoster({
    csv,
    csvName: basename(csvPath),
    readPhoto: photoReaderNode(csvPath),
    enrolPhoto: createEnrolPhoto(checker.decode, checker.faces),
    modelId: checker.faces.modelId,
  });
  return { roster, reportText: formatImportReport(report) };
}
