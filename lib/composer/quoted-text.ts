import type { Severity, Verdict } from '../pipeline/types';
import type { QuoteSegment } from './panel-view';

/**
 * The post's text cut into runs, the characters any finding points at highlighted with the
 * most serious severity among those findings; null when no finding points at the text.
 */
export function quotedText(verdict: Verdict, text: string): QuoteSegment[] | null {
  const level = new Array<Severity | null>(text.length).fill(null);
  let any = false;
  for (const finding of verdict.findings) {
    for (const span of finding.textSpans ?? []) {
      for (let at = Math.max(0, span.start); at < Math.min(text.length, span.end); at += 1) {
        if (level[at] !== 'block') level[at] = finding.severity;
        any = true;
      }
    }
  }
  if (!any) return null;
  // Spaces between two highlighted words of the same kind are highlighted too: "Amelia Hughes" reads as one name.
  for (let at = 0; at < text.length; at += 1) {
    if (level[at] !== null || !/\s/.test(text[at]!)) continue;
    let end = at;
    while (end < text.length && level[end] === null && /\s/.test(text[end]!)) end += 1;
    const before = level[at - 1];
    if (before !== undefined && before !== null && before === level[end]) level.fill(before, at, end);
    at = end;
  }
  const segments: QuoteSegment[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const last = segments.at(-1);
    if (last !== undefined && last.severity === level[at]) last.text += text[at];
    else segments.push({ text: text[at]!, severity: level[at]! });
  }
  return segments;
}
