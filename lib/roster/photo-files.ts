import { checkError, err, ok, type Result } from '../errors';
import type { PersonRow } from './person-row';
import { clip, listSome } from './quote';
import { listRows } from './row-list';
import type { PhotoReader, RosterIssue } from './types';

/**
 * The reference photos offered with a roster: a folder, files picked one by one, or a zip. Listed paths let photos
 * be found by UPN (or staff code) without a Photo File column; nothing listed, only Photo File paths can be read.
 */
export interface PhotoFiles {
  /** Every file offered, by path inside the folder or zip, '/'-separated. */
  listed: readonly string[];
  /** Reads a listed path; with nothing listed, a Photo File path relative to the CSV. */
  read: PhotoReader;
  /** Where the photos came from, as a message names it: "the photos you chose", "photos.zip". */
  where: string;
}

/** No photos offered: a roster without any is still a roster (every face then counts as unknown). */
export const NO_PHOTOS: PhotoFiles = {
  listed: [],
  where: 'the photos offered',
  read: async (path) => err(checkError('file_unreadable', `The photo ${path} was not offered with the roster. Choose the photos folder or zip as well.`, path)),
};

/** Paths compared as Windows (where MIS exports come from) does: either slash, any case. */
const normalise = (path: string): string => path.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();

/** Files taken for photos by their name; anything else in a folder of photos is listed and left alone. */
export const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|gif|bmp|tiff?|heic|heif|avif)$/i;

/** Folders and files an operating system adds by itself: never a reference photo, never worth a warning. */
export const SYSTEM_FILE = /(^|\/)(__MACOSX\/|\.[^/]*$|thumbs\.db$|desktop\.ini$)/i;

/** One Photo File cell may name several photos of one person, separated as spreadsheets allow. */
export const photoPaths = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((path) => path.trim())
    .filter((path) => path !== '');

/**
 * The id a photo's file name (or its folder's name) gives: `A123456789012.jpg`, `A123456789012_2.jpg`,
 * `A123456789012 (3).jpeg`, `A123456789012/front.jpg` all belong to A123456789012.
 */
function idsOf(path: string): string[] {
  const parts = path.split('/');
  const stem = (parts.at(-1) ?? '').replace(/\.[^.]*$/, '');
  const ids = [stem, stem.replace(/(\s*\(\d{1,2}\)|[\s_-]\d{1,2})$/, '')];
  if (parts.length > 1) ids.push(parts.at(-2) ?? '');
  return [...new Set(ids.map((id) => id.trim().toUpperCase()).filter((id) => id !== ''))];
}

/** Finds a Photo File value among the listed files: by the end of its path, or by file name alone when that is unique. */
function locate(listed: readonly string[], wanted: string, where: string): Result<string, string> {
  const target = normalise(wanted);
  const byPath = listed.filter((path) => normalise(path) === target || normalise(path).endsWith(`/${target}`));
  const fileName = target.slice(target.lastIndexOf('/') + 1);
  const candidates = byPath.length > 0 ? byPath : listed.filter((path) => normalise(path).split('/').at(-1) === fileName);
  if (candidates.length === 1) return ok(candidates[0]!);
  if (candidates.length === 0) return err(`The photo ${wanted} is not in ${where}. Choose the folder or zip that holds it, or correct the Photo File column.`);
  return err(`Several files in ${where} match ${wanted} (${listSome(candidates)}). Give the path from the roster's folder so it is exact.`);
}

export interface PhotoAssignment {
  /** Each person's photos by spreadsheet row, as paths `PhotoFiles.read` takes, in the order found. */
  byRow: Map<number, string[]>;
  /** Photo File values that match no file, or several. */
  errors: RosterIssue[];
  /** Listed images that belong to no row: a photo of someone not on the roster, or a file named with a mistyped UPN. */
  unclaimed: string[];
}

/**
 * Decides which photos are whose, from paths alone (no photo is read here): the Photo File column first, then any
 * listed image named after a person's UPN or staff code. Several photos of one person are all kept.
 */
export function assignPhotos(personRows: readonly PersonRow[], files: PhotoFiles, photoColumn: string | undefined): PhotoAssignment {
  const assignment: PhotoAssignment = { byRow: new Map(), errors: [], unclaimed: [] };
  /** Rows claiming each photo, by normalised path: one photo given for two people would enrol one face as both. */
  const owners = new Map<string, number[]>();
  const add = (row: number, path: string) => {
    const paths = assignment.byRow.get(row) ?? [];
    if (!paths.includes(path)) paths.push(path);
    assignment.byRow.set(row, paths);
    const rows = owners.get(normalise(path)) ?? [];
    if (!rows.includes(row)) rows.push(row);
    owners.set(normalise(path), rows);
  };
  for (const { row, person } of personRows) {
    for (const wanted of photoPaths(person.photoFile ?? '')) {
      if (files.listed.length === 0) {
        add(row, wanted);
        continue;
      }
      const found = locate(files.listed, wanted, files.where);
      if (found.ok) add(row, found.value);
      else assignment.errors.push({ row, column: photoColumn, message: found.error, code: 'file_unreadable' });
    }
  }
  for (const [path, rows] of owners) {
    if (rows.length > 1) {
      assignment.errors.push({ row: rows[0], column: photoColumn, message: `The photo ${clip(path)} is given for ${listRows(rows)}. Each person needs their own photo.` });
    }
  }
  const rowById = new Map(personRows.map(({ row, person }) => [person.id.toUpperCase(), row]));
  for (const path of files.listed) {
    if (owners.has(normalise(path)) || SYSTEM_FILE.test(path) || !IMAGE_EXTENSIONS.test(path)) continue;
    const row = idsOf(path)
      .map((id) => rowById.get(id))
      .find((found) => found !== undefined);
    if (row === undefined) assignment.unclaimed.push(path);
    else add(row, path);
  }
  return assignment;
}
