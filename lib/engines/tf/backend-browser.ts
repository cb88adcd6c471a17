import { browser } from 'wxt/browser';
import { MODELS_BUILD_DIR, PACKAGED_FILES } from '../../../models/manifest';
import { initWasmBackend } from './backend';

/** A refused or missing wasm makes tfjs's setBackend hang rather than fail: give up after this. */
const BACKEND_TIMEOUT_MS = 15_000;

/** The packaged folder of tfjs's .wasm binaries, as listed in models/manifest.ts. */
function wasmDir(): string {
  const binary = PACKAGED_FILES.find((file) => file.package === '@tensorflow/tfjs-backend-wasm' && file.path.endsWith('.wasm'));
  if (binary === undefined) throw new Error('models/manifest.ts packages no TensorFlow.js wasm binary');
  return browser.runtime.getURL(`/${MODELS_BUILD_DIR}/${binary.path.slice(0, binary.path.lastIndexOf('/') + 1)}` as '/');
}

/**
 * tfjs on its single-threaded wasm backend inside an extension page (offscreen document). The
 * threaded build would need blob: workers, which the extension's CSP refuses, and would hang.
 */
export async function initTfBrowser(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the TensorFlow.js wasm backend did not start within ${BACKEND_TIMEOUT_MS / 1000} s`)), BACKEND_TIMEOUT_MS);
  });
  try {
    await Promise.race([initWasmBackend(wasmDir()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
