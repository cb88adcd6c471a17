import type { PackagedUrl } from '../../../models/manifest';
import type { ModelFiles } from './types';

/**
 * Model files packaged inside the extension (copied there by the build from models/manifest.ts),
 * read by their runtime URL: only the extension's own files, never the network.
 */
export function extensionModelFiles(url: PackagedUrl): ModelFiles {
  return {
    async read(path) {
      const response = await fetch(url(path));
      if (!response.ok) throw new Error(`the packaged model file ${path} is missing (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
