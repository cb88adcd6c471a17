import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkError, err, ok } from '../../../lib/errors';
import { importRoster, type ImportRosterInput } from '../../../lib/roster/import-roster';
import type { PhotoFiles } from '../../../lib/roster/photo-files';
import { photosFromPathNode, photosNextToCsv } from '../../../lib/roster/read-photo-node';
import type { EnrolPhoto, PhotoReader } from '../../../lib/roster/types';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';
import { aRow, aUpn, HEADER, toCsv, utf8 } from './roster-csv';
import { SCHOOL_BIOMETRICS } from '../../support/builders';

/** Photos on an imaginary disk: path -> bytes (the enrolment double below reads them as text). `listed`: offered as a folder. */
function photoDisk(files: Record<string, string>, listed = false): PhotoFiles & { read: ReturnType<typeof vi.fn<PhotoReader>> } {
  return {
    listed: listed ? Object.keys(files) : [],
    where: 'the folder chosen',
    read: vi.fn<PhotoReader>(async (path: string) =>
      files[path] === undefined ? err(checkError('file_unreadable', `The photo ${path} was not found.`, path)) : ok(utf8(files[path] ?? '')),
    ),
  };
}

/**
 * Stands in for the face engine's enrolment so these tests exercise the import, not a model:
 * "face:<n>" enrols as descriptor [n], "none" and "two" fail as the real step does.
 */
const enrolByContent: EnrolPhoto = async (bytes, fileName) => {
  const content = new TextDecoder().decode(bytes);
  if (content === 'none') return err(checkError('enrol_no_face', `No face found in ${fileName}.`, fileName));
  if (content === 'two') return err(checkError('enrol_many_faces', `2 faces found in ${fileName}.`, fileName));
  return ok([Number(content.replace('face:', ''))]);
};

function input(rows: string[][], photos: PhotoFiles, enrolPhoto: EnrolPhoto = vi.fn(enrolByContent)): ImportRosterInput {
  return { csv: utf8(toCsv([HEADER, ...rows])), csvName: 'roster.csv', photos, enrolment: { enrolPhoto, modelId: 'test-model', biometrics: SCHOOL_BIOMETRICS } };
}

describe('importRoster', () => {
  it('imports every person and enrols consented photos into templates stamped with the model id', async () => {
    const readPhoto = photoDisk({ 'photos/1.jpg': 'face:1', 'photos/2.jpg': 'face:2' });
    const { report, roster } = await importRoster(input([aRow(1, { 'Photo File': 'photos/1.jpg' }), aRow(2, { 'Photo File': 'photos/2.jpg' }), aRow(3)], readPhoto));
    expect(roster?.people.map((person) => person.id)).toEqual([aUpn(1), aUpn(2), aUpn(3)]);
    expect(roster?.templates).toEqual([
      { personId: aUpn(1), modelId: 'test-model', descriptor: [1] },
      { personId: aUpn(2), modelId: 'test-model', descriptor: [2] },
    ]);
    expect(report).toMatchObject({
      imported: true,
      encoding: 'utf-8',
      delimiter: ',',
      rowsRead: 3,
      pupils: 3,
      staff: 0,
      peopleImported: 3,
      templatesBuilt: 2,
      errors: [],
      photosChecked: true,
      withoutPhotos: [{ row: 4, id: aUpn(3), name: 'Pupil3 Example', role: 'pupil' }],
    });
  });

  it('never reads the photo of someone without biometric consent, and says the photo was not used', async () => {
    const readPhoto = photoDisk({ 'photos/1.jpg': 'face:1', 'photos/2.jpg': 'face:2' });
    const enrolPhoto = vi.fn(enrolByContent);
    const { report, roster } = await importRoster(
      input([aRow(1, { 'Photo File': 'photos/1.jpg' }), aRow(2, { 'Photo File': 'photos/2.jpg', 'Biometric Consent': 'N' })], readPhoto, enrolPhoto),
    );
    expect(readPhoto.read).toHaveBeenCalledTimes(1);
    expect(readPhoto.read).toHaveBeenCalledWith('photos/1.jpg');
    expect(enrolPhoto).toHaveBeenCalledTimes(1);
    expect(roster?.templates.map((template) => template.personId)).toEqual([aUpn(1)]);
    expect(roster?.people[1]?.consents.biometric).toBe(false);
    expect(report.photosNotUsed).toEqual([{ row: 3, id: aUpn(2), name: 'Pupil2 Example', role: 'pupil', photoFile: 'photos/2.jpg' }]);
  });

  it('treats a missing photo, no face and several faces as errors on their rows, and imports nothing', async () => {
    const readPhoto = photoDisk({ 'photos/1.jpg': 'face:1', 'photos/3.jpg': 'none', 'photos/4.jpg': 'two' });
    const { report, roster } = await importRoster(
      input(
        [
          aRow(1, { 'Photo File': 'photos/1.jpg' }),
          aRow(2, { 'Photo File': 'photos/missing.jpg' }),
          aRow(3, { 'Photo File': 'photos/3.jpg' }),
          aRow(4, { 'Photo File': 'photos/4.jpg' }),
        ],
        readPhoto,
      ),
    );
    expect(roster).toBeNull();
    expect(report.imported).toBe(false);
    expect(report.peopleImported).toBe(0);
    expect(report.templatesBuilt).toBe(0);
    expect(report.errors).toEqual([
      { row: 3, column: 'Photo File', code: 'file_unreadable', message: 'The photo photos/missing.jpg was not found.' },
      { row: 4, column: 'Photo File', code: 'enrol_no_face', message: 'No face found in photos/3.jpg.' },
      { row: 5, column: 'Photo File', code: 'enrol_many_faces', message: '2 faces found in photos/4.jpg.' },
    ]);
  });

  it('finds photos in a chosen folder by UPN, makes a template from each of several, and lists photos that belong to no row', async () => {
    const photos = photoDisk({ [`${aUpn(1)}.jpg`]: 'face:1', [`${aUpn(1)}_2.jpg`]: 'face:11', [`${aUpn(2)}.jpg`]: 'face:2', [`${aUpn(7)}.jpg`]: 'face:7' }, true);
    const { report, roster } = await importRoster(input([aRow(1), aRow(2, { 'Biometric Consent': 'N' }), aRow(3)], photos));
    expect(roster?.templates.map((template) => [template.personId, template.descriptor[0]])).toEqual([
      [aUpn(1), 1],
      [aUpn(1), 11],
    ]);
    // No biometric consent: the photo found by UPN is never read.
    expect(photos.read).not.toHaveBeenCalledWith(`${aUpn(2)}.jpg`);
    expect(report.photosNotUsed).toEqual([expect.objectContaining({ id: aUpn(2), photoFile: `${aUpn(2)}.jpg` })]);
    expect(report.photosWithoutRows).toEqual([`${aUpn(7)}.jpg`]);
    expect(report.withoutPhotos.map((person) => person.id)).toEqual([aUpn(3)]);
    expect(report).toMatchObject({ imported: true, templatesBuilt: 2 });
  });

  it('rejects the roster when one of a person’s several photos has no face, naming that photo', async () => {
    const photos = photoDisk({ [`${aUpn(1)}.jpg`]: 'face:1', [`${aUpn(1)}_2.jpg`]: 'none' }, true);
    const { report, roster } = await importRoster(input([aRow(1)], photos));
    expect(roster).toBeNull();
    expect(report.errors).toEqual([{ row: 2, column: 'Photo File', code: 'enrol_no_face', message: `No face found in ${aUpn(1)}_2.jpg.` }]);
  });

  it('turns a reader or engine that throws into an error on the row', async () => {
    const readPhoto: PhotoFiles = {
      listed: [],
      where: 'the folder chosen',
      read: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const { report, roster } = await importRoster(input([aRow(1, { 'Photo File': 'photos/1.jpg' })], readPhoto));
    expect(roster).toBeNull();
    expect(report.errors).toEqual([
      {
        row: 2,
        column: 'Photo File',
        code: 'file_unreadable',
        message: 'photos/1.jpg could not be used: EACCES: permission denied. Check the file and import again.',
      },
    ]);
  });

  it('rejects the whole roster for one bad row and reads no photo at all', async () => {
    const readPhoto = photoDisk({ 'photos/1.jpg': 'face:1' });
    const { report, roster } = await importRoster(input([aRow(1, { 'Photo File': 'photos/1.jpg' }), aRow(2, { 'Photo Consent Website': 'perhaps' })], readPhoto));
    expect(roster).toBeNull();
    expect(readPhoto.read).not.toHaveBeenCalled();
    expect(report).toMatchObject({ imported: false, photosChecked: false, rowsRead: 2, peopleImported: 0, templatesBuilt: 0 });
    expect(report.errors).toEqual([{ row: 3, column: 'Photo Consent Website', message: expect.stringMatching(/"perhaps"/) }]);
  });

  it('reads staff rows alongside pupils', async () => {
    const header = [...HEADER, 'Staff Code'];
    const csv = toCsv([header, [...aRow(1), ''], [...aRow(2, { UPN: '', Role: 'Staff', 'Legal Forename': 'Ann' }), 'ANN']]);
    const { report, roster } = await importRoster({ ...input([], photoDisk({})), csv: utf8(csv) });
    expect(report).toMatchObject({ imported: true, pupils: 1, staff: 1, peopleImported: 2 });
    expect(roster?.people.map((person) => [person.id, person.role])).toEqual([
      [aUpn(1), 'pupil'],
      ['ANN', 'staff'],
    ]);
  });

  it('reports a file it cannot decode without reading any row', async () => {
    const { report, roster } = await importRoster({ ...input([], photoDisk({})), csv: new Uint8Array() });
    expect(roster).toBeNull();
    expect(report).toMatchObject({ imported: false, rowsRead: 0, errors: [{ message: expect.stringMatching(/roster\.csv is empty/) }] });
  });
});

describe.skipIf(!corpusAvailable)(`importRoster on the corpus roster ${corpusNote}`, () => {
  it('reads the 11 consented reference photos beside the CSV and never Harry Bennett’s', async () => {
    const csvPath = corpusPath('roster', 'roster.csv');
    const photos = photosNextToCsv(csvPath);
    const readPhoto = { ...photos, read: vi.fn(photos.read) };
    const jpegSizes: EnrolPhoto = async (bytes) => (bytes[0] === 0xff && bytes[1] === 0xd8 ? ok([bytes.length]) : ok([]));
    const { report, roster } = await importRoster({
      csv: readFileSync(csvPath),
      csvName: 'roster.csv',
      photos: readPhoto,
      enrolment: { enrolPhoto: jpegSizes, modelId: 'test-model', biometrics: SCHOOL_BIOMETRICS },
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ imported: true, rowsRead: 45, pupils: 45, staff: 0, peopleImported: 45, templatesBuilt: 11 });
    expect(readPhoto.read).toHaveBeenCalledTimes(11);
    expect(readPhoto.read).not.toHaveBeenCalledWith('photos/U999240119150.jpg');
    expect(report.photosNotUsed.map((person) => person.name)).toEqual(['Harry Bennett']);
    expect(report.withoutPhotos).toHaveLength(33);
    // Every template came from a real JPEG on disk.
    expect(roster?.templates.every((template) => (template.descriptor[0] ?? 0) > 1000)).toBe(true);
  });
});

describe.skipIf(!corpusAvailable)(`importRoster of the corpus roster with its photos folder chosen ${corpusNote}`, () => {
  it('finds the same 11 consented photos by Photo File among the listed files', async () => {
    const photos = await photosFromPathNode(corpusPath('roster', 'photos'));
    if (!photos.ok) throw new Error(photos.error);
    const jpegSizes: EnrolPhoto = async (bytes) => ok([bytes.length]);
    const { report } = await importRoster({
      csv: readFileSync(corpusPath('roster', 'roster.csv')),
      csvName: 'roster.csv',
      photos: photos.value,
      enrolment: { enrolPhoto: jpegSizes, modelId: 'test-model', biometrics: SCHOOL_BIOMETRICS },
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ imported: true, templatesBuilt: 11, photosWithoutRows: [] });
  });
});
