import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Set by the test run's global set-up (build-once.ts) to the extension it built for every test file. */
export const E2E_BUILD_ENV = 'CHECKPOST_E2E_BUILD';

/**
 * Builds the extension as shipped, into its own folder (`--mode e2e` gives .output/chrome-mv3-e2e)
 * so a test run never races `npm run build`. The manifest and code are the production ones. Inside
 * a test run the global set-up has built it once already, and every file uses that build.
 */
export function buildExtension(): string {
  const built = process.env[E2E_BUILD_ENV];
  if (built !== undefined && built !== '') return built;
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'pipe' });
  return join(ROOT, '.output', 'chrome-mv3-e2e');
}

/** The face models' WebAssembly runtime (tfjs): without it the face engine cannot load. */
export const TFJS_WASM = /^tfjs-backend-wasm.*\.wasm$/;
/** tesseract.js's cores, loaders and wasm: without them the text reader cannot start. */
export const TESSERACT_CORES = /^tesseract-core-/;

/** A copy of a build with every file whose name matches removed, so part of the engine cannot load. */
export function withoutFiles(buildDir: string, names: RegExp): string {
  const copy = mkdtempSync(join(tmpdir(), 'checkpost-broken-'));
  cpSync(buildDir, copy, { recursive: true });
  const removed: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (names.test(name)) {
        rmSync(path);
        removed.push(path);
      }
    }
  };
  walk(copy);
  if (removed.length === 0) throw new Error(`No file matching ${String(names)} in ${buildDir}: the build does not package the engine.`);
  return copy;
}
