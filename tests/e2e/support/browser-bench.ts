import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from '../../bench/section';
import { launchWithExtension } from './extension-browser';
import { buildExtension } from './extension-build';
import { startFixtureServer } from './fixture-server';
import { askExtension, importRosterThroughOptions } from './options-page';
import { extensionProcessRssBytes } from './process-memory';
import { attachToVerdictMs, startVerdictClock } from './x-page';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** The corpus photos a school would post: group photos and single portraits (1600 px long side). */
function benchPhotos(corpusDir: string): string[] {
  const groups = readdirSync(join(corpusDir, 'faces', 'groups')).filter((name) => name.endsWith('.jpg')).map((name) => join(corpusDir, 'faces', 'groups', name));
  const identities = join(corpusDir, 'faces', 'identities');
  const portraits = readdirSync(identities).map((person) => join(identities, person, '02.jpg'));
  return [...groups, ...portraits].slice(0, 20);
}

/** The production zip, as `wxt zip` makes it. */
function zipBytes(): number {
  execFileSync('npx', ['wxt', 'zip'], { cwd: ROOT, stdio: 'pipe' });
  const output = join(ROOT, '.output');
  const zip = readdirSync(output).find((name) => name.endsWith('-chrome.zip'));
  if (zip === undefined) throw new Error('wxt zip wrote no -chrome.zip');
  return statSync(join(output, zip)).size;
}

/**
 * The extension in headless Chromium on the fixture composer: cold start of the offscreen
 * engine, attach-to-verdict per photo with warm models, Post-to-decision, memory of the
 * extension's renderer (offscreen document and service worker share it, so this bounds the
 * offscreen document's) after the photos, and the production zip's size.
 */
export const browserBench: BenchSection = {
  name: 'browser',
  async run(corpusDir) {
    const extensionDir = buildExtension();
    const server = await startFixtureServer(mkdtempSync(join(tmpdir(), 'checkpost-cert-')));
    const browser = await launchWithExtension(extensionDir, server.port);
    try {
      const blank = await browser.context.newPage();
      await blank.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const coldStart = performance.now();
      const ready = await askExtension(blank, 'awaitEngine');
      const coldStartMs = performance.now() - coldStart;
      if (!ready.ok) throw new Error(`The engine did not load: ${JSON.stringify(ready)}`);
      await blank.close();
      const loadedBytes = extensionProcessRssBytes(browser.profile);

      const importStart = performance.now();
      const options = await importRosterThroughOptions(browser, join(corpusDir, 'roster', 'roster.csv'), join(corpusDir, 'roster', 'photos'));
      const importMs = performance.now() - importStart;
      await options.close();

      const perPhoto: { photo: string; attachToVerdictMs: number; verdict: string; postToDecisionMs: number }[] = [];
      for (const photo of benchPhotos(corpusDir)) {
        const page = await browser.context.newPage();
        await page.goto('https://x.com/compose/post');
        await startVerdictClock(page);
        await page.locator('[data-testid="tweetTextarea_0"]').fill('Year 6 bench post');
        await page.locator('[data-testid="fileInput"]').setInputFiles(photo);
        await page.locator('.cp-panel-passed, .cp-panel-block, .cp-panel-warn, .cp-panel-cannot_check').waitFor({ timeout: 30_000 });
        const verdict = (await page.locator('.cp-panel').getAttribute('class')) ?? '';
        // The Post press is decided inside the click's dispatch, whatever the verdict: time that dispatch.
        const postToDecisionMs = await page.evaluate(() => {
          const start = performance.now();
          (document.querySelector('[data-testid^="tweetButton"]') as HTMLElement).click();
          return performance.now() - start;
        });
        perPhoto.push({ photo: photo.slice(corpusDir.length + 1), attachToVerdictMs: await attachToVerdictMs(page), verdict: verdict.replace('cp-panel cp-panel-', ''), postToDecisionMs });
        await page.close();
      }
      const memoryBytes = extensionProcessRssBytes(browser.profile);
      const zip = zipBytes();

      const attach = perPhoto.map((row) => row.attachToVerdictMs);
      const decision = perPhoto.map((row) => row.postToDecisionMs);
      const mb = (bytes: number) => bytes / 2 ** 20;
      return {
        rows: [
          { metric: 'offscreen engine cold start (first message to models loaded)', value: coldStartMs, unit: 'ms', target: '<= 2500', met: coldStartMs <= 2500 },
          { metric: `attach photo -> verdict, median of ${attach.length} (warm models)`, value: median(attach), unit: 'ms', target: '<= 1000', met: median(attach) <= 1000 },
          { metric: 'attach photo -> verdict, p95', value: percentile(attach, 95), unit: 'ms' },
          { metric: 'Post pressed -> decision, verdict computed, max', value: Math.max(...decision), unit: 'ms', target: '<= 100', met: Math.max(...decision) <= 100 },
          { metric: 'extension renderer memory with the models loaded', value: mb(loadedBytes), unit: 'MB' },
          { metric: `extension renderer memory after ${attach.length} photos`, value: mb(memoryBytes), unit: 'MB', target: '<= 400', met: mb(memoryBytes) <= 400 },
          { metric: 'production zip', value: mb(zip), unit: 'MB', target: '<= 25', met: mb(zip) <= 25 },
          { metric: 'roster import through the options page (corpus roster)', value: importMs, unit: 'ms' },
        ],
        data: { coldStartMs, importMs, perPhoto, loadedBytes, memoryBytes, zipBytes: zip },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
