import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'dom');

/** Replaces the test document with a saved copy of a site's page (tests/fixtures/dom/<site>/<name>). */
export function loadFixture(site: string, name: string): Document {
  const html = readFileSync(join(FIXTURES, site, name), 'utf8');
  // Stylesheets are for the browser tests; happy-dom would try to fetch them.
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<link [^>]*>/g, '');
  return document;
}

/** Attaches a local preview the way X does: an img plus a div with the same blob as background. */
export function addPreview(area: Element, src: string): Element {
  const item = document.createElement('div');
  item.setAttribute('role', 'group');
  item.innerHTML = `<div style="background-image: url(&quot;${src}&quot;);"></div><img alt="" draggable="true" src="${src}"><button aria-label="Remove media" data-testid="removeMedia" role="button" type="button">x</button>`;
  area.append(item);
  return item;
}

/** Types text the way Draft.js shows it: one block per line. */
export function typeInto(editor: Element, lines: string[]): void {
  editor.innerHTML = `<div data-contents="true">${lines.map((line) => `<div data-block="true"><div><span><span data-text="true">${line}</span></span></div></div>`).join('')}</div>`;
}
