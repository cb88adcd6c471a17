import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGED_FILES, type PackagedFile } from '../../../models/manifest';
import type { ModelFiles } from './types';

/** Where the installed package keeps the file (resolved like an import, so nested installs work too). */
function installedPath(file: PackagedFile): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve(`${file.package}/package.json`));
  return join(packageDir, file.source.slice(file.package.length + 1));
}

/**
 * Model files straight from node_modules, under the same paths the extension serves them from: each path is
 * looked up in models/manifest.ts, so Node reads exactly what the extension packages.
 */
export function nodeModelFiles(): ModelFiles {
  const files = new Map(PACKAGED_FILES.map((file) => [file.path, file]));
  return {
    async read(path) {
      const file = files.get(path);
      if (file === undefined) throw new Error(`${path} is not a packaged model file (see models/manifest.ts)`);
      const bytes = await readFile(installedPath(file));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
