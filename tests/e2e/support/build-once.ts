import { buildExtension, E2E_BUILD_ENV } from './extension-build';

/**
 * Vitest global set-up: builds the extension once, before any test file starts, when the run includes browser
 * tests. Each file building its own copy into the same folder let one file's build delete the extension another
 * file's Chromium was loading.
 */
export default function buildOnce(): void {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !arg.endsWith('vitest') && !arg.endsWith('.mjs'));
  if (filters.length > 0 && !filters.some((filter) => filter.includes('e2e'))) return;
  process.env[E2E_BUILD_ENV] = buildExtension();
}
