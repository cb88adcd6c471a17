import type { BiometricRecord } from '../../lib/roster/biometrics';
import type { Analysis, FaceIdentity, FaceResult, Facts, ImageAnalysis, ImageFacts } from '../../lib/pipeline/types';
import { emptyImportReport } from '../../lib/roster/import-report';
import type { ImportReport, Person, Roster } from '../../lib/roster/types';

/** Test builders: a valid default, overridden only where a test cares. */
export function aPerson(overrides: Omit<Partial<Person>, 'consents'> & { consents?: Partial<Person['consents']> } = {}): Person {
  const { consents, ...rest } = overrides;
  return {
    id: 'A999240119000',
    legalForename: 'Amelia',
    surname: 'Hughes',
    preferredForename: 'Amelia',
    year: 'Year 6',
    regGroup: '6B',
    role: 'pupil',
    ...rest,
    consents: { socialMedia: true, website: true, print: true, name: true, biometric: true, ...consents },
  };
}

/** A school's record of its DPIA and notice to parents, so tests may make and match templates. */
export const SCHOOL_BIOMETRICS: BiometricRecord = { dpiaCompletedOn: '2026-09-01', dpoName: 'Test DPO', parentsNotifiedOn: '2026-09-02', recordedAt: '2026-09-03T09:00:00.000Z' };

export const aRoster = (...people: Person[]): Roster => ({ people, templates: [], biometrics: SCHOOL_BIOMETRICS });

export function aFace(identity: FaceIdentity, box = { x: 10, y: 20, width: 30, height: 40 }): FaceResult {
  return { box, score: 0.9, landmarks: [], identity };
}

/** A photo's analysis as the engine returns it: no faces or text unless a test adds them. */
export function anImageAnalysis(overrides: Partial<ImageAnalysis> = {}): ImageAnalysis {
  return {
    imageIndex: 0,
    name: 'photo.jpg',
    width: 800,
    height: 600,
    faces: [],
    possibleFaces: [],
    descriptorModel: 'test-model',
    ocr: { width: 800, height: 600, regions: [], lines: [], nameFields: [], ms: 1 },
    exif: { location: null, make: null, model: null },
    timings: { decodeMs: 1, detectMs: 1, describeMs: 1 },
    ...overrides,
  };
}

export function anAnalysis(images: ImageAnalysis[], overrides: Partial<Analysis> = {}): Analysis {
  return {
    post: { platform: 'x', text: '' },
    purpose: 'social_media',
    images,
    text: { personalData: [], tone: { sentences: [], negative: [] }, offensive: [] },
    errors: [],
    ...overrides,
  };
}

/** A photo's finished facts, for rule tests that set identities directly. */
export function anImage(faces: FaceResult[], overrides: Partial<ImageFacts> = {}): ImageFacts {
  return { ...anImageAnalysis(), faces, names: [], unreadableNameFields: [], ...overrides };
}

export function someFacts(images: ImageFacts[], overrides: Partial<Facts> = {}): Facts {
  return { ...anAnalysis([]), images, textNames: [], ...overrides };
}

/** The report of a clean import of roster.csv, overridden where a test cares. */
export const anImportReport = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  ...emptyImportReport('roster.csv'),
  imported: true,
  photosChecked: true,
  ...overrides,
});
