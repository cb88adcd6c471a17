import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRosterFile } from '../../lib/cli/check-posts';
import { nodeAnalysers } from '../../lib/engines/analysers-node';
import { createPhotoChecker, type PhotoChecker } from '../../lib/pipeline/photo-checker';
import { SCHOOL_BIOMETRICS } from '../support/builders';

const HEADER =
  'UPN,Legal Forename,Legal Surname,Preferred Forename,Year,Reg Group,Role,Photo Consent Social Media,Photo Consent Website,Photo Consent Print,Name Consent,Biometric Consent,Photo File';
const groupPhoto = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');

// Enrolment with the real engine: a reference photo must show exactly one face.
describe('roster enrolment with the real face engine', () => {
  let photos: PhotoChecker;
  beforeAll(() => {
    photos = createPhotoChecker(nodeAnalysers());
  });
  afterAll(() => photos?.analysers.dispose());

  async function importWith(files: Record<string, (path: string) => Promise<void> | void>, rows: string[]) {
    const folder = mkdtempSync(join(tmpdir(), 'checkpost-roster-'));
    for (const [name, write] of Object.entries(files)) await write(join(folder, name));
    writeFileSync(join(folder, 'roster.csv'), [HEADER, ...rows].join('\r\n'));
    const loaded = await loadRosterFile({ csv: join(folder, 'roster.csv'), biometrics: SCHOOL_BIOMETRICS }, photos, true);
    return loaded.ok ? { roster: loaded.value, reportText: '' } : { roster: null, reportText: loaded.error };
  }

  it('enrols a single face and rejects, by row, a photo with several faces and one with none', async () => {
    const result = await importWith(
      {
        'one.jpg': (path) =>
          sharp(groupPhoto)
            .extract({ left: 480, top: 160, width: 448, height: 544 })
            .jpeg()
            .toFile(path)
            .then(() => undefined),
        'group.jpg': (path) => copyFileSync(groupPhoto, path),
        'wall.jpg': (path) =>
          sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8b89a' } })
            .jpeg()
            .toFile(path)
            .then(() => undefined),
      },
      [
        'K999880000101,Maya,Collins,Maya,Year 6,6A,Pupil,Y,Y,Y,Y,Y,one.jpg',
        'Z999880000102,Ella,Hart,Ella,Year 6,6A,Pupil,Y,Y,Y,N,Y,group.jpg',
        'N999880000103,Sophie,Reid,Sophie,Year 6,6A,Pupil,N,Y,Y,N,Y,wall.jpg',
      ],
    );
    expect(result.roster).toBeNull();
    expect(result.reportText).toMatch(/row 3[^\n]*3 faces found in group\.jpg/i);
    expect(result.reportText).toMatch(/row 4[^\n]*No face found in wall\.jpg/i);
    expect(result.reportText).not.toMatch(/row 2\b/i);
  });

  it('imports whole when every consented photo shows one face', async () => {
    const result = await importWith(
      {
        'one.jpg': (path) =>
          sharp(groupPhoto)
            .extract({ left: 960, top: 64, width: 416, height: 544 })
            .jpeg()
            .toFile(path)
            .then(() => undefined),
      },
      ['K999880000101,Maya,Collins,Maya,Year 6,6A,Pupil,Y,Y,Y,Y,Y,one.jpg', 'Z999880000102,Ella,Hart,Ella,Year 6,6A,Pupil,Y,Y,Y,N,N,missing.jpg'],
    );
    expect(result.reportText).not.toMatch(/nothing was imported/i);
    expect(result.roster?.templates.map((template) => template.personId)).toEqual(['K999880000101']);
    expect(result.roster?.templates[0]!.descriptor.length).toBeGreaterThan(64);
  });

  it('rejects, by row, a face too small to recognise and a file that is not a photo', async () => {
    const result = await importWith(
      {
        // Maya's face shrunk to about 35 px on a plain wall: found, but too small to describe.
        'small.jpg': async (path) => {
          const face = await sharp(groupPhoto).extract({ left: 480, top: 160, width: 448, height: 544 }).resize(70, 85).toBuffer();
          await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8b89a' } })
            .composite([{ input: face, left: 160, top: 100 }])
            .jpeg()
            .toFile(path);
        },
        'notes.jpg': (path) => writeFileSync(path, 'these are notes, not a photo'),
      },
      ['K999880000101,Maya,Collins,Maya,Year 6,6A,Pupil,Y,Y,Y,Y,Y,small.jpg', 'Z999880000102,Ella,Hart,Ella,Year 6,6A,Pupil,Y,Y,Y,N,Y,notes.jpg'],
    );
    expect(result.roster).toBeNull();
    expect(result.reportText).toMatch(/row 2[^\n]*(too small to recognise|No face found)/i);
    expect(result.reportText).toMatch(/row 3[^\n]*notes\.jpg/i);
  });
});
