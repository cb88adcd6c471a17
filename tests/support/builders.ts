import type { Analysis, FaceIdentity, FaceResult, ImageAnalysis } from '../../lib/pipeline/types';
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

export const aRoster = (...people: Person[]): Roster => ({ people, templates: [] });

export function aFace(identity: FaceIdentity, box = { x: 10, y: 20, width: 30, height: 40 }): FaceResult {
  return { box, score: 0.9, landmarks: [], identity };
}

export function anImage(faces: FaceResult[], overrides: Partial<ImageAnalysis> = {}): ImageAnalysis {
  return {
    imageIndex: 0,
    name: 'photo.jpg',
    width: 800,
    height: 600,
    faces,
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

/** The report of a clean import of roster.csv, overridden where a test cares. */
export const anImportReport = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  ...emptyImportReport('roster.csv'),
  imported: true,
  photosChecked: true,
  ...overrides,
});
