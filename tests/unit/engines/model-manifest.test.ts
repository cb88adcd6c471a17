import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACE_MODEL_PATHS } from '../../../lib/engines/face/face-models';
import { nodeModelFiles } from '../../../lib/engines/face/model-files-node';
import { COMMON_WORDS_PATH, MODELS_BUILD_DIR, OCR_BUILD_PATHS, OCR_CORE_VARIANTS, PACKAGED_FILES } from '../../../models/manifest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// As the build reads them: some packages (dictionary-en-gb) export neither package.json nor their data files.
const packageDir = (name: string): string => join(ROOT, 'node_modules', name);
const readme = readFileSync(join(ROOT, 'models', 'README.md'), 'utf8');

describe('models/manifest.ts', () => {
  it.each(PACKAGED_FILES.map((file) => [file.path, file] as const))('%s is installed exactly as listed', (_, file) => {
    const installed = JSON.parse(readFileSync(join(packageDir(file.package), 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(file.version);
    const bytes = readFileSync(join(packageDir(file.package), file.source.slice(file.package.length + 1)));
    expect(bytes.byteLength).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(file.destination).toBe(`${MODELS_BUILD_DIR}/${file.path}`);
  });

  it('lists every file the face engine reads, weight shards included', async () => {
    const listed = new Set(PACKAGED_FILES.map((file) => file.path));
    const files = nodeModelFiles();
    for (const modelPath of Object.values(FACE_MODEL_PATHS)) {
      expect(listed).toContain(modelPath);
      const parsed = JSON.parse(new TextDecoder().decode(await files.read(modelPath))) as { weightsManifest?: { paths: string[] }[] } | { paths: string[] }[];
      const groups = Array.isArray(parsed) ? parsed : (parsed.weightsManifest ?? []);
      const folder = modelPath.slice(0, modelPath.lastIndexOf('/') + 1);
      for (const shard of groups.flatMap((group) => group.paths)) expect(listed).toContain(folder + shard);
    }
  });

  it('lists every file tesseract.js loads in the extension, so it never falls back to its CDN', () => {
    const listed = new Set(PACKAGED_FILES.map((file) => file.path));
    expect(listed).toContain(OCR_BUILD_PATHS.worker);
    // Each core is a loader and the .wasm it fetches from the worker's folder.
    for (const variant of OCR_CORE_VARIANTS) {
      expect(listed).toContain(`${OCR_BUILD_PATHS.coreDir}/tesseract-core-${variant}.js`);
      expect(listed).toContain(`${OCR_BUILD_PATHS.coreDir}/tesseract-core-${variant}.wasm`);
    }
    expect(OCR_BUILD_PATHS.worker.startsWith(`${OCR_BUILD_PATHS.coreDir}/`)).toBe(true);
    expect(listed).toContain(`${OCR_BUILD_PATHS.langDir}/eng.traineddata.gz`);
    expect(listed).toContain(COMMON_WORDS_PATH);
  });

  it('packages the .wasm each core loader asks for', () => {
    for (const variant of OCR_CORE_VARIANTS) {
      const loader = readFileSync(join(packageDir('tesseract.js-core'), `tesseract-core-${variant}.js`), 'utf8');
      expect(loader).toContain(`"tesseract-core-${variant}.wasm"`);
    }
  });

  it('lists each path once', () => {
    expect(new Set(PACKAGED_FILES.map((file) => file.path)).size).toBe(PACKAGED_FILES.length);
  });

  it('matches models/README.md row for row', () => {
    // Cells, not raw lines: the formatter pads table columns.
    const rows = readme
      .split('\n')
      .filter((line) => line.startsWith('| `models/'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows).toHaveLength(PACKAGED_FILES.length);
    for (const file of PACKAGED_FILES) {
      const row = rows.find((cells) => cells[1] === `\`${file.destination}\``);
      expect(row, file.destination).toBeDefined();
      const text = row!.join('|');
      expect(text).toContain(`${file.package}@${file.version}`);
      expect(text).toContain(file.licence);
      expect(text).toContain(file.source);
      expect(text).toContain(file.sha256);
      expect(row).toContain(String(file.bytes));
    }
  });
});

describe('nodeModelFiles', () => {
  it('reads a packaged file by its build path', async () => {
    const bytes = await nodeModelFiles().read('human-models/blazeface-back.bin');
    expect(bytes.byteLength).toBe(PACKAGED_FILES.find((file) => file.path === 'human-models/blazeface-back.bin')?.bytes);
  });

  it('refuses anything the extension does not package', async () => {
    await expect(nodeModelFiles().read('human-models/faceres.json')).rejects.toThrow(/not a packaged model file/);
  });
});
