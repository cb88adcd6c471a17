import type { CheckError } from '../errors';
import type { Analysis, Box, Severity, Verdict } from '../pipeline/types';
import type { ComposerProblem } from './adapter';

/** A face to outline on a photo's thumbnail, in the photo's own pixels. */
export interface MarkedFace {
  box: Box;
  severity: Severity;
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
  faces: MarkedFace[];
}

export interface FindingView {
  severity: Severity;
  message: string;
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

const ADVICE: Record<HeldKind, string> = {
  block: 'Remove the photo, crop out the marked faces, or choose another photo. Checkpost checks again as soon as you change the post.',
  warn: 'Look at the marked faces. If everyone shown may appear on social media, press "Post anyway"; otherwise change the post.',
  cannot_check: 'Press Retry. If it keeps failing, remove the photo it names or try again later; the post stays on hold until it can be checked.',
};

const FACE_LABEL: Record<Severity, string> = { block: 'must not be posted', warn: 'needs checking' };

/** The label staff see for a photo: its place in the post, and its file name when the site gave one. */
export const photoLabel = (index: number, name: string): string => {
  const place = `Photo ${index + 1}`;
  return name === '' || name === place ? place : `${place} (${name})`;
};

export function verdictView(
  verdict: Verdict,
  analysis: Analysis | null,
  photos: readonly ComposerPhoto[],
  sendHeld: boolean,
  attention: number,
): PanelView {
  if (verdict.status === 'pass') return photos.length === 0 ? { kind: 'hidden' } : { kind: 'passed', photos: photos.length };
  const kind: HeldKind = verdict.status;
  return {
    kind,
    headline: HEADLINES[kind],
    findings: verdict.findings.map(({ severity, message }) => ({ severity, message })),
    problems: verdict.errors.map((error) => error.message),
    photos: markedPhotos(verdict, analysis, photos),
    advice: ADVICE[kind],
    sendHeld,
    attention,
  };
}

/** Photos with at least one finding's box on them, each face numbered in reading order. */
function markedPhotos(verdict: Verdict, analysis: Analysis | null, photos: readonly ComposerPhoto[]): PhotoView[] {
  const views = new Map<number, PhotoView>();
  for (const finding of verdict.findings) {
    for (const evidence of finding.evidence) {
      const photo = photos[evidence.imageIndex];
      const analysed = analysis?.images.find((image) => image.imageIndex === evidence.imageIndex);
      if (photo === undefined || analysed === undefined || evidence.box === undefined) continue;
      let view = views.get(evidence.imageIndex);
      if (view === undefined) {
        view = { index: evidence.imageIndex, label: photoLabel(evidence.imageIndex, photo.name), src: photo.src, width: analysed.width, height: analysed.height, faces: [] };
        views.set(evidence.imageIndex, view);
      }
      view.faces.push({ box: evidence.box, severity: finding.severity, label: `Face ${view.faces.length + 1}: ${FACE_LABEL[finding.severity]}` });
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
