import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Builds the extension as shipped, into its own folder (`--mode e2e` gives .output/chrome-mv3-e2e)
 * so a test run never races `npm run build`. The manifest and code are the production ones.
 */
export function buildExtension(): string {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'pipe' });
  return join(ROOT, '.output', 'chrome-mv3-e2e');
}

/** A copy of a build with every WebAssembly binary removed: the engine cannot load. */
export function withoutWasm(buildDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'checkpost-broken-'));
  cpSync(buildDir, copy, { recursive: true });
  const removed: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.wasm')) {
        rmSync(path);
        removed.push(path);
      }
    }
  };
  walk(copy);
  if (removed.length === 0) throw new Error(`No .wasm files in ${buildDir}: the build does not package the engine.`);
  return copy;
}
