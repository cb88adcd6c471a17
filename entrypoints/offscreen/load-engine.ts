import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../../lib/errors';
import type { EngineParts } from '../../lib/composer/post-check-service';
import { loadFaceEngine } from '../../lib/engines/face/load-face-engine';
import { extensionModelFiles } from '../../lib/engines/face/model-files-browser';
import type { FaceEngine } from '../../lib/engines/face/types';
import { decodeImageBrowser } from '../../lib/engines/image/decode-browser';
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

/** The packaged face engine on tfjs's wasm backend, read from the extension's own files. */
export async function loadEngine(): Promise<Result<EngineParts, CheckError>> {
  try {
    await initTfBrowser();
    const faces = await loadFaceEngine(extensionModelFiles());
    return ok({ decode: decodeImageBrowser, faces: oneAtATime(faces) });
  } catch (thrown) {
    return err(
      checkError(
        'engine_load_failed',
        `Checkpost's face models could not be loaded (${describeThrown(thrown)}), so posts with photos are on hold. Reinstall or update Checkpost; if it keeps happening, tell whoever looks after it at your school.`,
      ),
    );
  }
}
