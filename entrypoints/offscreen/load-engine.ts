import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../../lib/errors';
import type { EngineParts } from '../../lib/composer/post-check-service';
import { loadFaceEngine } from '../../lib/engines/face/load-face-engine';
import { extensionModelFiles } from '../../lib/engines/face/model-files-browser';
import type { FaceEngine } from '../../lib/engines/face/types';
import { decodeImageBrowser } from '../../lib/engines/image/decode-browser';
import { createOcrEngine } from '../../lib/engines/ocr/create-ocr-engine';
import { browserOcrPaths } from '../../lib/engines/ocr/paths-browser';
import { initTfBrowser } from '../../lib/engines/tf/backend-browser';

/** One photo through the models at a time, whoever asks: composer checks and roster enrolment share them. */
function oneAtATime(engine: FaceEngine): FaceEngine {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    modelId: engine.modelId,
    analyse(image) {
      const run = queue.then(() => engine.analyse(image));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose: () => engine.dispose(),
  };
}

async function loadFaces(): Promise<Result<FaceEngine, CheckError>> {
  try {
    await initTfBrowser();
    return ok(oneAtATime(await loadFaceEngine(extensionModelFiles())));
  } catch (thrown) {
    return err(
      checkError(
        'engine_load_failed',
        `Checkpost's face models could not be loaded (${describeThrown(thrown)}), so posts with photos are on hold. Reinstall or update Checkpost; if it keeps happening, tell whoever looks after it at your school.`,
      ),
    );
  }
}

/**
 * The packaged engine, read from the extension's own files: the face models on tfjs's wasm
 * backend and one tesseract.js worker, loaded side by side (the worker has its own thread).
 * Either failing fails the engine: a photo is never checked for faces but not for names.
 */
export async function loadEngine(): Promise<Result<EngineParts, CheckError>> {
  const [faces, ocr] = await Promise.all([loadFaces(), createOcrEngine(browserOcrPaths())]);
  if (!faces.ok) {
    if (ocr.ok) await ocr.value.terminate();
    return faces;
  }
  if (!ocr.ok) {
    faces.value.dispose();
    return ocr;
  }
  return ok({ decode: decodeImageBrowser, faces: faces.value, ocr: ocr.value });
}
