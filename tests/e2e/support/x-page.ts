import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface SentPost {
  at: number;
  texts: string[];
  images: number;
}

/** Kinds of Checkpost panel the tests wait for (class `cp-panel-<kind>`). */
export type PanelKind = 'checking' | 'passed' | 'block' | 'warn' | 'cannot_check' | 'hook_broken';

/** What the fixture's own Post handler has published (see fake-x.js). */
export const sentPosts = (page: Page): Promise<SentPost[]> => page.evaluate(() => (window as unknown as { __fakeX: { sent: SentPost[] } }).__fakeX.sent);

/** Types the (first) post's words and, if given, attaches a photo through X's file input, as staff would. */
export async function writePost(page: Page, text: string, photo?: string): Promise<void> {
  await page.locator('[data-testid="tweetTextarea_0"]').fill(text);
  if (photo !== undefined) await page.locator('[data-testid="fileInput"]').setInputFiles(photo);
}

/** Checkpost's panel of the given kind (Playwright's CSS locators pierce its open shadow root). */
export const panel = (page: Page, kind: PanelKind) => page.locator(`.cp-panel-${kind}`);

/**
 * Starts timing in the page: the moment the fixture shows a preview (X's attach) and the moment
 * Checkpost's panel first shows a verdict, both on the page's clock, to the event, not a poll.
 */
export async function startVerdictClock(page: Page): Promise<void> {
  await page.evaluate(readFileSync(join(import.meta.dirname, 'verdict-clock.js'), 'utf8'));
}

/** Milliseconds from the last preview the fixture showed to the first verdict panel. */
export const attachToVerdictMs = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const { __clock: clock, __fakeX: fake } = window as unknown as { __clock: { verdictAt: number }; __fakeX: { previews: { at: number }[] } };
    const attached = fake.previews.at(-1)?.at ?? Number.NaN;
    return clock.verdictAt - attached;
  });

/** Presses Post from inside the page and returns how long until the fixture published (ms), or null if it did not. */
export const postToSendMs = (page: Page): Promise<number | null> =>
  page.evaluate(() => {
    const fake = (window as unknown as { __fakeX: { sent: { at: number }[] } }).__fakeX;
    const before = fake.sent.length;
    const start = performance.now();
    (document.querySelector('[data-testid^="tweetButton"]') as HTMLElement).click();
    return fake.sent.length > before ? (fake.sent.at(-1)?.at ?? start) - start : null;
  });
