/**
 * Roster section of `npm run bench`: a secondary school's roster (1,500 pupils) parsed and validated, sealed and
 * signed as a roster pack with two templates per pupil, opened again, and `checkpost check --pack` of a one-photo
 * post from a new Node process, start to verdict (against `--roster`, which enrols every reference photo each run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeAnalysers } from '../../lib/engines/analysers-node';
import { NO_PHOTOS } from '../../lib/roster/photo-files';
import { importRoster } from '../../lib/roster/import-roster';
import { createSigningKey, makeRosterPack, openRosterPack } from '../../lib/roster/roster-pack';
import type { FaceTemplate } from '../../lib/roster/types';
import { upnCheckLetter } from '../../lib/roster/upn';
import { SCHOOL_BIOMETRICS } from '../support/builders';
import type { BenchSection } from './section';

const PUPILS = 1500;
const TEMPLATES_PER_PUPIL = 2;
const PASSPHRASE = 'bench passphrase for the pack';
const FORENAMES = ['Amelia', 'Oliver', 'Siobhán', 'Kacper', 'Grace', 'Arjun', 'Zoë', 'Mohammed', 'Aisha', 'Jack', 'Harry', 'Maryam', 'Will', 'Rose', 'Aleksandra'];
const SURNAMES = ['Hughes', "O'Connor", 'Nowak', 'Wiśniewski', 'Thompson', 'Patel', 'Lee', 'Al-Farsi', 'Rahman', 'Robinson', 'Bennett', 'Begum', 'Fletcher'];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

async function timed<T>(work: () => Promise<T>, runs = 3): Promise<{ value: T; ms: number }> {
  const times: number[] = [];
  let value!: T;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    value = await work();
    times.push(performance.now() - started);
  }
  return { value, ms: median(times) };
}

/** A synthetic UPN (LA 999 does not exist) with its real check letter, so every row validates as a real one would. */
export function upn(serial: number): string {
  const body = `999${String(240119000 + serial).padStart(9, '0')}`;
  return upnCheckLetter(body)! + body;
}

/** A secondary school's roster of `pupils`; with `allConsent` every pupil consents to everything (each is enrolled). */
export function schoolCsv(pupils = PUPILS, allConsent = false): string {
  const header =
    'UPN,Legal Forename,Legal Surname,Preferred Forename,Year,Reg Group,Role,Photo Consent Social Media,Photo Consent Website,Photo Consent Print,Name Consent,Biometric Consent,Photo File';
  const rows = Array.from({ length: pupils }, (_, i) => {
    const forename = FORENAMES[i % FORENAMES.length]!;
    const surname = `${SURNAMES[Math.floor(i / FORENAMES.length) % SURNAMES.length]!}${Math.floor(i / (FORENAMES.length * SURNAMES.length)) || ''}`;
    const year = 7 + (i % 5);
    const consents = allConsent ? 'Y,Y,Y,Y,Y' : `${i % 9 ? 'Y' : 'N'},Y,Y,${i % 4 ? 'N' : 'Y'},${i % 11 ? 'Y' : 'N'}`;
    return `${upn(i)},${forename},"${surname}",${forename},Year ${year},${year}${'ABCDEFG'[i % 7]},Pupil,${consents},`;
  });
  return `${header}\n${rows.join('\n')}\n`;
}

/** Unit vectors from a fixed seed: what a template holds does not change how long sealing, opening or searching takes. */
function templatesFor(personIds: string[], modelId: string): FaceTemplate[] {
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
  return personIds.flatMap((personId) =>
    Array.from({ length: TEMPLATES_PER_PUPIL }, () => {
      const raw = Array.from({ length: 128 }, random);
      const norm = Math.hypot(...raw);
      return { personId, modelId, descriptor: raw.map((value) => value / norm) };
    }),
  );
}

function cliMs(args: string[], expectedStatus: number): number {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'checkpost.mjs');
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    // A computer that has read no pack before: each run pins the signer afresh, in a folder of its own.
    const config = mkdtempSync(join(tmpdir(), 'checkpost-bench-config-'));
    const cli = spawnSync(process.execPath, [bin, 'check', ...args], { encoding: 'utf8', env: { ...process.env, CHECKPOST_PASSPHRASE: PASSPHRASE, CHECKPOST_CONFIG_DIR: config } });
    runs.push(performance.now() - started);
    if (cli.status !== expectedStatus) throw new Error(`checkpost check exited ${cli.status}: ${cli.stdout}${cli.stderr}`);
  }
  return median(runs);
}

export const rosterBench: BenchSection = {
  name: 'roster',
  async run(corpusDir) {
    const csv = new TextEncoder().encode(schoolCsv());
    const parsed = await timed(() => importRoster({ csv, csvName: 'school.csv', photos: NO_PHOTOS }));
    if (parsed.value.roster === null) throw new Error(`The synthetic roster did not import: ${JSON.stringify(parsed.value.report.errors.slice(0, 3))}`);

    const analysers = nodeAnalysers();
    const faces = await analysers.faces();
    if (!faces.ok) throw new Error(faces.error.message);
    const modelId = faces.value.modelId;
    await analysers.dispose();
    const people = parsed.value.roster.people;
    const roster = {
      people,
      templates: templatesFor(
        people.filter((person) => person.consents.biometric).map((person) => person.id),
        modelId,
      ),
      biometrics: SCHOOL_BIOMETRICS,
    };
    const signing = await createSigningKey(PASSPHRASE);
    if (!signing.ok) throw new Error(signing.error.message);
    const made = await timed(async () => {
      const pack = await makeRosterPack({ roster, modelId, csvName: 'school.csv' }, PASSPHRASE, signing.value.key, new Date());
      if (!pack.ok) throw new Error(pack.error.message);
      return pack.value;
    });
    const opened = await timed(() => openRosterPack(made.value, PASSPHRASE));
    if (!opened.value.ok) throw new Error(opened.value.error.message);

    const folder = mkdtempSync(join(tmpdir(), 'checkpost-bench-pack-'));
    try {
      const packFile = join(folder, 'school.pack');
      writeFileSync(packFile, made.value);
      // A stranger's photo: compared with every template, the whole search runs.
      const photo = join(corpusDir, 'faces', 'identities', 'amelia_hughes', '02.jpg');
      const packPhotoMs = cliMs(['--pack', packFile, '--text', 'Well done, Year 7!', photo], 2);
      const packTextMs = cliMs(['--pack', packFile, '--text', 'Sports day is on Friday: bring a water bottle!'], 0);
      const csvPhotoMs = cliMs(
        ['--roster', join(corpusDir, 'roster', 'roster.csv'), '--biometrics', join(import.meta.dirname, '..', 'fixtures', 'biometrics.json'), '--text', 'Well done!', photo],
        0,
      );
      const templates = roster.templates.length;
      return {
        rows: [
          { metric: `parse and validate a ${PUPILS}-pupil CSV, no photos (median of 3)`, value: Math.round(parsed.ms), unit: 'ms', target: '<= 1000', met: parsed.ms <= 1000 },
          { metric: `seal and sign a pack of ${PUPILS} pupils, ${templates} templates`, value: Math.round(made.ms), unit: 'ms' },
          { metric: 'pack file size', value: Number((made.value.length / 2 ** 20).toFixed(2)), unit: 'MB' },
          { metric: 'open a pack (PBKDF2 600k, verify, decrypt, validate)', value: Math.round(opened.ms), unit: 'ms' },
          {
            metric: `checkpost check --pack (${PUPILS} pupils), one-photo post, start to verdict`,
            value: Math.round(packPhotoMs),
            unit: 'ms',
            target: '<= 2000',
            met: packPhotoMs <= 2000,
          },
          { metric: `checkpost check --pack (${PUPILS} pupils), text-only post, start to verdict`, value: Math.round(packTextMs), unit: 'ms' },
          { metric: 'checkpost check --roster (corpus CSV, enrols 11 photos), one-photo post', value: Math.round(csvPhotoMs), unit: 'ms' },
        ],
        data: { pupils: PUPILS, templates, parseMs: parsed.ms, sealMs: made.ms, packBytes: made.value.length, openMs: opened.ms, packPhotoMs, packTextMs, csvPhotoMs },
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
