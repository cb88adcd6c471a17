import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { loadFaceEngineNode } from '../engines/face/load-face-engine-node';
import type { FaceEngine } from '../engines/face/types';
import { decodeImageNode } from '../engines/image/decode-node';
import type { ImageDecoder } from '../engines/image/types';
import { createEnrolPhoto } from '../roster/enrol-photo';
import { importRoster } from '../roster/import-roster';
import { formatImportReport } from '../roster/import-report';
import { photoReaderNode } from '../roster/read-photo-node';
import type { Roster } from '../roster/types';

export interface NodeChecker {
  decode: ImageDecoder;
  faces: FaceEngine;
}

/** The analysers in Node: sharp decoding and the face engine on tfjs's wasm backend, models from node_modules. */
export async function loadNodeChecker(): Promise<Result<NodeChecker, CheckError>> {
  try {
    return ok({ decode: decodeImageNode, faces: await loadFaceEngineNode() });
  } catch (thrown) {
    return err(checkError('engine_load_failed', `The face models could not be loaded (${describeThrown(thrown)}). Run npm ci and try again.`));
  }
}

/** Imports a roster CSV from disk, enrolling its reference photos with this checker's engine. */
export async function loadRosterFile(csvPath: string, checker: NodeChecker): Promise<{ roster: Roster | null; reportText: string }> {
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
