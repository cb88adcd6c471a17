import { describe, expect, it } from 'vitest';
import { ok } from '../../../lib/errors';
import type { PersonRow } from '../../../lib/roster/person-row';
import { assignPhotos, photoPaths, type PhotoFiles } from '../../../lib/roster/photo-files';
import { aPerson } from '../../support/builders';
import { aUpn } from './roster-csv';

const rowOf = (serial: number, photoFile?: string): PersonRow => ({
  row: serial + 1,
  person: aPerson({ id: aUpn(serial), ...(photoFile === undefined ? {} : { photoFile }) }),
});

const folder = (...listed: string[]): PhotoFiles => ({ listed, where: 'the folder chosen', read: async () => ok(new Uint8Array()) });

describe('assignPhotos', () => {
  it('finds photos named after a UPN, in any case, numbered or in a folder of their own, when there is no Photo File column', () => {
    const files = folder(`${aUpn(1)}.jpg`, `${aUpn(2).toLowerCase()}_2.JPEG`, `${aUpn(2)} (3).png`, `${aUpn(3)}/front.jpg`, `${aUpn(3)}/side.jpg`);
    const { byRow, errors, unclaimed } = assignPhotos([rowOf(1), rowOf(2), rowOf(3)], files, undefined);
    expect(errors).toEqual([]);
    expect(unclaimed).toEqual([]);
    expect(Object.fromEntries(byRow)).toEqual({
      2: [`${aUpn(1)}.jpg`],
      3: [`${aUpn(2).toLowerCase()}_2.JPEG`, `${aUpn(2)} (3).png`],
      4: [`${aUpn(3)}/front.jpg`, `${aUpn(3)}/side.jpg`],
    });
  });

  it('takes the Photo File column first, by the end of its path or a unique file name, and several paths in one cell', () => {
    const files = folder('export/photos/a.jpg', 'b.jpg', 'c.jpg', `${aUpn(2)}_2.jpg`);
    const { byRow, errors } = assignPhotos([rowOf(1, 'photos/a.jpg'), rowOf(2, 'photos\\B.jpg; c.jpg')], files, 'Photo File');
    expect(errors).toEqual([]);
    expect(Object.fromEntries(byRow)).toEqual({ 2: ['export/photos/a.jpg'], 3: ['b.jpg', 'c.jpg', `${aUpn(2)}_2.jpg`] });
  });

  it('names the row of a Photo File that is missing, or matches several files', () => {
    const files = folder('2023/a.jpg', '2024/a.jpg');
    const { errors } = assignPhotos([rowOf(1, 'a.jpg'), rowOf(2, 'z.jpg')], files, 'Photo File');
    expect(errors).toEqual([
      {
        row: 2,
        column: 'Photo File',
        code: 'file_unreadable',
        message: "Several files in the folder chosen match a.jpg (2023/a.jpg, 2024/a.jpg). Give the path from the roster's folder so it is exact.",
      },
      {
        row: 3,
        column: 'Photo File',
        code: 'file_unreadable',
        message: 'The photo z.jpg is not in the folder chosen. Choose the folder or zip that holds it, or correct the Photo File column.',
      },
    ]);
  });

  it('refuses one photo given for two people, however its path is written', () => {
    const { errors } = assignPhotos([rowOf(1, 'photos/a.jpg'), rowOf(2, 'Photos\\A.jpg')], folder(), 'Photo File');
    expect(errors).toEqual([{ row: 2, column: 'Photo File', message: 'The photo photos/a.jpg is given for rows 2 and 3. Each person needs their own photo.' }]);
  });

  it('lists images that belong to no row, and passes over files the operating system adds and files that are not images', () => {
    const files = folder(`${aUpn(9)}.jpg`, 'IMG_0042.HEIC', '__MACOSX/._x.jpg', '.DS_Store', 'Thumbs.db', 'roster.csv', 'notes.txt');
    expect(assignPhotos([rowOf(1)], files, undefined).unclaimed).toEqual([`${aUpn(9)}.jpg`, 'IMG_0042.HEIC']);
  });

  it('with nothing listed, passes Photo File paths through for the reader to resolve beside the CSV', () => {
    const { byRow, errors } = assignPhotos([rowOf(1, 'photos/a.jpg')], folder(), 'Photo File');
    expect(errors).toEqual([]);
    expect(byRow.get(2)).toEqual(['photos/a.jpg']);
  });
});

describe('photoPaths', () => {
  it('splits a cell on ; or | and drops blanks', () => {
    expect(photoPaths(' a.jpg ;b.jpg|| c.jpg ')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(photoPaths('')).toEqual([]);
  });
});
