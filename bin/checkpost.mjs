#!/usr/bin/env node
// The CLI is TypeScript shared with the extension. Node runs it as an esbuild bundle of lib/cli/main.ts, made again
// whenever a file it was made from has changed: one file loads in a fraction of the time tsx takes to load the sources
// and their packages a module at a time, which was a third of a one-photo check's start-up. Bundled modules still run
// only when first imported, so a text-only check never starts tfjs.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Outside node_modules, so the bundle is inside Checkpost's own package and finds its files (lib/cli/run-sample.ts).
const cacheDir = join(root, '.cache', 'cli');
const currentPath = join(cacheDir, 'current.json');
/** Bundles made this recently are never deleted: a run started alongside may be loading one. */
const IN_USE_MS = 10 * 60 * 1000;

// Packages that find their own files beside them (workers, native code, models, word lists) stay in node_modules.
// tfjs is bundled whole (core, converter and wasm backend, which must share one core); its wasm path is always given.
const EXTERNAL = ['sharp', 'tesseract.js', '@tesseract.js-data/*', '@vladmandic/*', 'dictionary-en-gb', 'sentiment'];

function readCurrent() {
  try {
    return JSON.parse(readFileSync(currentPath, 'utf8'));
  } catch {
    return null;
  }
}

/** The entry of the current bundle, or null when there is none or a file it was made from has changed since. */
function currentBundle() {
  const current = readCurrent();
  try {
    return current !== null && current.inputs.every((input) => statSync(join(root, input)).mtimeMs < current.startedAt) ? join(cacheDir, current.folder, 'main.mjs') : null;
  } catch {
    return null;
  }
}

/** Makes a bundle in a folder of its own and then points current.json at it, so a run alongside never loads half of one. */
async function makeBundle() {
  const startedAt = Date.now();
  const folder = `${startedAt}-${process.pid}`;
  // Loaded only to make the bundle: most runs find it current.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['lib/cli/main.ts'],
    outdir: join(cacheDir, folder),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require(); tfjs's wasm glue reads __dirname, though the wasm path is always given.
    banner: {
      js: [
        "import { createRequire as createRequireForBundle } from 'node:module';",
        "import { fileURLToPath as fileURLToPathForBundle } from 'node:url';",
        'const require = createRequireForBundle(import.meta.url);',
        'const __filename = fileURLToPathForBundle(import.meta.url);',
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join(' '),
    },
    metafile: true,
    logLevel: 'error',
  });
  const replaced = readCurrent()?.folder;
  writeFileSync(`${currentPath}.${process.pid}`, JSON.stringify({ folder, startedAt, inputs: Object.keys(result.metafile.inputs) }));
  renameSync(`${currentPath}.${process.pid}`, currentPath);
  // Older bundles go, but not the one just replaced nor any made in the last minutes: runs started alongside may be loading them.
  for (const old of readdirSync(cacheDir, { withFileTypes: true })) {
    const madeAt = Number(old.name.split('-')[0]);
    if (old.isDirectory() && old.name !== replaced && madeAt < startedAt - IN_USE_MS) rmSync(join(cacheDir, old.name), { recursive: true, force: true });
  }
  return join(cacheDir, folder, 'main.mjs');
}

mkdirSync(cacheDir, { recursive: true });
const entry = currentBundle() ?? (await makeBundle());
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
