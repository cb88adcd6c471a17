import type { CheckError } from '../errors';
import type { PhotoSize } from '../messaging/protocol';
import type { Box, Severity, Verdict } from '../pipeline/types';
import type { ComposerProblem } from './adapter';
import { quotedText } from './quoted-text';

/** What an outline on a photo is around: a face, or writing (a name on a certificate). */
export type MarkKind = 'face' | 'text';

/** Something to outline on a photo's thumbnail, in the photo's own pixels. */
export interface PhotoMark {
  kind: MarkKind;
  box: Box;
  severity: Severity;
  /** Shown on the outline: "2" for a face, "Name 1" for writing. */
  tag: string;
  /** Read out for the outline, e.g. "Face 2: must not be posted". */
  label: string;
}

export interface PhotoView {
  /** 0-based position in the post. */
  index: number;
  /** "Photo 2 (sports-day.jpg)". */
  label: string;
  /** Where the composer shows the photo (its own preview), or null if it has none. */
  src: string | null;
  width: number;
  height: number;
  marks: PhotoMark[];
}

export interface FindingView {
  severity: Severity;
  message: string;
}

/** A run of the post's text; `severity` is set on words a finding is about (highlighted). */
export interface QuoteSegment {
  text: string;
  severity: Severity | null;
}

export type HeldKind = 'block' | 'warn' | 'cannot_check';

/** Everything the verdict panel shows; built here so the wording lives in one place and is tested. */
export type PanelView =
  | { kind: 'hidden' }
  | { kind: 'checking'; photos: number; startedAt: number; sendHeld: boolean }
  | { kind: 'passed'; photos: number }
  | {
      kind: HeldKind;
      headline: string;
      findings: FindingView[];
      /** Errors that stopped the check, each naming the photo and what to do. */
      problems: string[];
      photos: PhotoView[];
      /** The post's text with the words that matter highlighted; null when no finding is about the words. */
      quote: QuoteSegment[] | null;
      advice: string;
      /** A Post press is waiting on this verdict. */
      sendHeld: boolean;
      /** Changes each time the panel needs the person's attention (focus moves to it). */
      attention: number;
    }
  | { kind: 'hook_broken'; headline: string; advice: string; attention: number };

/** A photo as the composer holds it, in post order. */
export interface ComposerPhoto {
  name: string;
  src: string | null;
}

const HEADLINES: Record<HeldKind, string> = {
  block: 'This post cannot be published',
  warn: 'Check this post before you publish it',
  cannot_check: 'Checkpost could not check this post, so it is on hold',
};

const MARK_STATE: Record<Severity, string> = { block: 'must not be posted', warn: 'needs checking' };
const MARK_NOUN: Record<MarkKind, string> = { face: 'Face', text: 'Name' };

/** Face rules are all named face-…; every other box a rule gives is around writing on the photo. */
const markKindOf = (ruleId: string): MarkKind => (ruleId.startsWith('face-') ? 'face' : 'text');

/** What to do, for what the panel shows: marks on photos, highlighted words, or both. */
function adviceFor(kind: HeldKind, photos: readonly PhotoView[], quoted: boolean): string {
  if (kind === 'cannot_check') return 'Press Retry. If it keeps failing, remove the photo it names or try again later; the post stays on hold until it can be checked.';
  const marks = photos.flatMap((photo) => photo.marks);
  const faces = marks.some((mark) => mark.kind === 'face');
  const names = marks.some((mark) => mark.kind === 'text');
  if (kind === 'block') {
    const parts: string[] = [];
    if (faces || names)
      parts.push(
        `Remove the photo, crop out or cover ${faces && names ? 'the marked faces and names' : faces ? 'the marked faces' : 'the marked names'}, or choose another photo.`,
      );
    if (quoted) parts.push('Change or remove the highlighted words.');
    if (parts.length === 0) parts.push('Change the post as the message above says.');
    return `${parts.join(' ')} Checkpost checks again as soon as you change the post.`;
  }
  if (faces && !names && !quoted) return 'Look at the marked faces. If everyone shown may appear on social media, press "Post anyway"; otherwise change the post.';
  const look = [marks.length > 0 ? 'what is marked on the photo' : '', quoted ? 'the highlighted words' : ''].filter((part) => part !== '').join(' and ');
  return `Look again at ${look === '' ? 'what Checkpost found' : look}. If the post is right as it is, press "Post anyway"; otherwise change it.`;
}

/** The label staff see for a photo: its place in the post, and its file name when the site gave one. */
export const photoLabel = (index: number, name: string): string => {
  const place = `Photo ${index + 1}`;
  return name === '' || name === place ? place : `${place} (${name})`;
};

/** `sizes` places the findings' boxes on each photo; `text` is the post's words, for highlighting. */
export function verdictView(verdict: Verdict, sizes: readonly PhotoSize[], text: string, photos: readonly ComposerPhoto[], sendHeld: boolean, attention: number): PanelView {
  if (verdict.status === 'pass') return photos.length === 0 ? { kind: 'hidden' } : { kind: 'passed', photos: photos.length };
  const kind: HeldKind = verdict.status;
  const marked = markedPhotos(verdict, sizes, photos);
  const quote = quotedText(verdict, text);
  return {
    kind,
    headline: HEADLINES[kind],
    findings: verdict.findings.map(({ severity, message }) => ({ severity, message })),
    problems: verdict.errors.map((error) => error.message),
    photos: marked,
    quote,
    advice: adviceFor(kind, marked, quote !== null),
    sendHeld,
    attention,
  };
}

/** Photos with at least one finding's box on them; faces and names each numbered per photo, in finding order. */
function markedPhotos(verdict: Verdict, sizes: readonly PhotoSize[], photos: readonly ComposerPhoto[]): PhotoView[] {
  const views = new Map<number, PhotoView>();
  for (const finding of verdict.findings) {
    const kind = markKindOf(finding.ruleId);
    for (const evidence of finding.evidence) {
      const photo = photos[evidence.imageIndex];
      const analysed = sizes.find((image) => image.imageIndex === evidence.imageIndex);
      if (photo === undefined || analysed === undefined || evidence.box === undefined) continue;
      let view = views.get(evidence.imageIndex);
      if (view === undefined) {
        view = { index: evidence.imageIndex, label: photoLabel(evidence.imageIndex, photo.name), src: photo.src, width: analysed.width, height: analysed.height, marks: [] };
        views.set(evidence.imageIndex, view);
      }
      const number = view.marks.filter((mark) => mark.kind === kind).length + 1;
      view.marks.push({
        kind,
        box: evidence.box,
        severity: finding.severity,
        tag: kind === 'face' ? String(number) : `${MARK_NOUN[kind]} ${number}`,
        label: `${MARK_NOUN[kind]} ${number}: ${MARK_STATE[finding.severity]}`,
      });
    }
  }
  return [...views.values()].sort((a, b) => a.index - b.index);
}

const HOOK_PROBLEM: Record<ComposerProblem, string> = {
  no_send_button: "Checkpost cannot find this composer's Post button",
  no_editor: "Checkpost cannot find this composer's text box",
};

/** The banner for a composer the adapter recognises only partly: the site has changed its page. */
export const hookBrokenView = (problem: ComposerProblem, attention: number): PanelView => ({
  kind: 'hook_broken',
  headline: `${HOOK_PROBLEM[problem]}, so posting here is on hold`,
  advice: 'The site may have changed its page. Nothing can be posted from this box until Checkpost is updated; tell whoever looks after Checkpost at your school.',
  attention,
});

/** A failure before any verdict (timeout, engine down) as the verdict Checkpost stands by: held. */
export const cannotCheck = (error: CheckError): Verdict => ({ status: 'cannot_check', findings: [], errors: [error] });
