import { matchesFaces } from '../roster/biometrics';
import { trustMatch } from './face-pose';
import { identifyFace } from './identify-face';
import type { Roster } from '../roster/types';
import { imageNameIssues, textNameIssues, unreadableNameFields } from './name-facts';
import { possibleFaces } from './possible-faces';
import type { AnalysedFace, Analysis, FaceIdentity, Facts, ImageAnalysis, ImageFacts } from './types';

/** The roster in use and the word list: all that judging needs besides the analysis. */
export interface JudgeContext {
  roster: Roster;
  commonWords?: ReadonlySet<string>;
}

function identify(face: AnalysedFace, image: ImageAnalysis, roster: Roster): FaceIdentity {
  // Faces analysed while matching was off carry no descriptor: they are checked by hand, as in non-biometric mode.
  if (!matchesFaces(roster) || image.descriptorModel === null) return { kind: 'not_matched' };
  if (face.descriptor === null) return { kind: 'uncertain', reason: 'too_small' };
  return trustMatch(identifyFace(face.descriptor, roster.templates, image.descriptorModel), face.landmarks);
}

function imageFacts(image: ImageAnalysis, context: JudgeContext): ImageFacts {
  const names = { people: context.roster.people, commonWords: context.commonWords };
  return {
    ...image,
    // Descriptors stay in the analysis: facts carry who a face is, never what it looks like.
    faces: image.faces.map((face) => ({ box: face.box, score: face.score, landmarks: face.landmarks, identity: identify(face, image, context.roster) })),
    names: imageNameIssues(image.ocr, names),
    unreadableNameFields: unreadableNameFields(image.ocr, names),
    possibleFaces: possibleFaces(image),
  };
}

/**
 * Judge time: identifies every face against the roster in use and matches pupils' names in the
 * photos and the words. Cheap (no model runs), so a new roster re-judges cached analyses at once.
 */
export function establishFacts(analysis: Analysis, context: JudgeContext): Facts {
  return {
    ...analysis,
    images: analysis.images.map((image) => imageFacts(image, context)),
    textNames: textNameIssues(analysis.post.text, { people: context.roster.people, commonWords: context.commonWords }),
  };
}
