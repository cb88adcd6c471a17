import { BUDGET_MS, within } from '../../deadlines';
import { describeThrown, err, ok, type CheckError, type Result } from '../../errors';
import { faceLoadError } from '../face/load-face-engine';
import { PACKAGED_FILES, type PackagedUrl } from '../../../models/manifest';
import { initWasmBackend } from './backend';

/** The packaged folder of tfjs's .wasm binaries, as listed in models/manifest.ts. */
function wasmDir(url: PackagedUrl): string {
  const binary = PACKAGED_FILES.find((file) => file.package === '@tensorflow/tfjs-backend-wasm' && file.path.endsWith('.wasm'));
  if (binary === undefined) throw new Error('models/manifest.ts packages no TensorFlow.js wasm binary');
  return url(binary.path.slice(0, binary.path.lastIndexOf('/') + 1));
}

/**
 * tfjs on its single-threaded wasm backend inside an extension page (offscreen document). The
 * threaded build would need blob: workers, which the extension's CSP refuses, and would hang; a
 * refused or missing wasm makes setBackend hang too, hence the budget.
 */
export function initTfBrowser(url: PackagedUrl): Promise<Result<void, CheckError>> {
  return within(BUDGET_MS.tfBackend, 'Starting TensorFlow.js', async () => {
    try {
      return ok(await initWasmBackend(wasmDir(url)));
    } catch (thrown) {
      return err(faceLoadError(describeThrown(thrown)));
    }
  });
}
