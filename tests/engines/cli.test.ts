import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main';
import type { Verdict } from '../../lib/pipeline/types';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

/** A school's DPIA and notice to parents, as the ORM lead would hand it to the CLI. */
const BIOMETRICS_FILE = join(import.meta.dirname, '..', 'fixtures', 'biometrics.json');

/** Runs the CLI in-process and returns its exit status and what it printed. */
async function run(...argv: string[]): Promise<{ status: number; out: string }> {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const status = await main(argv);
  return { status, out: printed.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('checkpost check', () => {
  it('exits 64 on a command it cannot understand, keeping it apart from the verdict codes', async () => {
    expect((await run('check', 'photo.jpg')).status).toBe(64);
    expect((await run('frobnicate')).status).toBe(64);
  });

  it('holds the post (exit 3) when a photo cannot be read, naming it', async () => {
    const { status, out } = await run('check', '--roster', 'roster.csv', '--json', 'no-such-photo.jpg');
    expect(status).toBe(3);
    const verdict = JSON.parse(out) as Verdict;
    expect(verdict.status).toBe('cannot_check');
    expect(verdict.errors[0]!.message).toMatch(/no-such-photo\.jpg could not be read/);
  });

  it('holds the post (exit 3) when the roster cannot be read', async () => {
    const { status, out } = await run('check', '--roster', 'no-such-roster.csv', '--text', 'Sports day!');
    expect(status).toBe(3);
    expect(out).toMatch(/no-such-roster\.csv could not be read/);
  });
});

describe.skipIf(!corpusAvailable)(`checkpost check on the corpus roster ${corpusNote}`, () => {
  const photo = corpusPath('faces', 'identities', 'oliver_nowak', '03.jpg');

  it('blocks (exit 2) a pupil without social media consent when the school has recorded its DPIA, and prints the verdict as JSON', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--biometrics', BIOMETRICS_FILE, '--json', photo);
    expect(status).toBe(2);
    const verdict = JSON.parse(out) as Verdict;
    expect(verdict.findings.map((finding) => [finding.ruleId, finding.personId])).toContainEqual(['face-no-consent', 'M999240119115']);
  });

  it('checks against the consent for the purpose given: the same pupil passes for the school website, which his parents agreed to', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--biometrics', BIOMETRICS_FILE, '--purpose', 'website', '--json', photo);
    expect(status).toBe(0);
    expect((JSON.parse(out) as Verdict).status).toBe('pass');
  });

  it('checks every photo of a folder on its own for a newsletter (print), lists what is not a photo, and exits with the worst verdict', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'checkpost-newsletter-'));
    // Oliver: print yes, social media no. Thomas ("Tom"): social media yes, print no.
    writeFileSync(join(folder, '1-oliver.jpg'), readFileSync(photo));
    writeFileSync(join(folder, '2-thomas.jpg'), readFileSync(corpusPath('faces', 'identities', 'thomas_whitfield', '03.jpg')));
    writeFileSync(join(folder, 'notes.txt'), 'Newsletter, autumn term');
    writeFileSync(join(folder, '3-damaged.jpg'), readFileSync(photo).subarray(0, 200));
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--biometrics', BIOMETRICS_FILE, '--purpose', 'print', '--folder', folder, '--json');
    expect(out).toMatch(/Not photos, so not checked: notes\.txt/);
    const verdicts = JSON.parse(out.slice(out.indexOf('['))) as { file: string; verdict: Verdict }[];
    expect(verdicts.map(({ file, verdict }) => [file, verdict.status])).toEqual([
      ['1-oliver.jpg', 'pass'],
      ['2-thomas.jpg', 'block'],
      ['3-damaged.jpg', 'cannot_check'],
    ]);
    expect(status).toBe(3);
    const text = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--biometrics', BIOMETRICS_FILE, '--purpose', 'print', '--folder', folder);
    expect(text.out).toMatch(/Tom Whitfield \(6B\) is in this photo, but has no consent for photos in print/);
    expect(text.out).toMatch(/3 photos: 1 pass, 0 warn, 1 blocked, 1 could not be checked\./);
  });

  it('refuses --folder with --text or with photos named one by one (exit 64)', async () => {
    expect((await run('check', '--roster', 'roster.csv', '--folder', '.', '--text', 'Hello')).status).toBe(64);
    expect((await run('check', '--roster', 'roster.csv', '--folder', '.', photo)).status).toBe(64);
  });

  it('without a biometrics record matches no face: it warns (exit 1), asking staff to check the faces by hand', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--json', photo);
    expect(status).toBe(1);
    const verdict = JSON.parse(out) as Verdict;
    expect(verdict.findings.map((finding) => finding.ruleId)).toEqual(['face-not-matched']);
    expect(verdict.findings[0]!.evidence[0]!.box).toBeDefined();
  });

  it('refuses (exit 3) a biometrics record with a DPIA dated in the future, saying why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'checkpost-bio-'));
    const file = join(folder, 'biometrics.json');
    writeFileSync(file, JSON.stringify({ dpiaCompletedOn: '2999-01-01', dpoName: 'Jo Bloggs', parentsNotifiedOn: '2026-09-02' }));
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--biometrics', file, photo);
    expect(status).toBe(3);
    expect(out).toMatch(/cannot turn face matching on: .*future/);
  });

  it('finds reference photos in a --photos zip by the UPN in their names when the CSV has no Photo File column', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'checkpost-zip-'));
    const rows = readFileSync(corpusPath('roster', 'roster.csv'), 'utf8').trimEnd().split('\n');
    // Drop the last column (Photo File), as an MIS export without photo paths would be.
    writeFileSync(join(folder, 'roster.csv'), `${rows.map((row) => row.slice(0, row.lastIndexOf(','))).join('\n')}\n`);
    const photos = Object.fromEntries(readdirSync(corpusPath('roster', 'photos')).map((name) => [`class-6/${name}`, readFileSync(corpusPath('roster', 'photos', name))]));
    writeFileSync(join(folder, 'photos.zip'), zipSync(photos, { level: 0 }));
    const { status, out } = await run('check', '--roster', join(folder, 'roster.csv'), '--photos', join(folder, 'photos.zip'), '--biometrics', BIOMETRICS_FILE, '--json', photo);
    expect(status).toBe(2);
    const verdict = JSON.parse(out.slice(out.indexOf('{'))) as Verdict;
    expect(verdict.findings.map((finding) => [finding.ruleId, finding.personId])).toContainEqual(['face-no-consent', 'M999240119115']);
  });

  it('warns (exit 1) on a negative post and says why in plain words', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--text', 'Year 6 were terrible at tidying up today. Really disappointing.');
    expect(status).toBe(1);
    expect(out).toMatch(/^WARN/m);
    expect(out).toMatch(/negative/);
  });
});

describe.skipIf(!corpusAvailable)(`checkpost roster pack, then check --pack ${corpusNote}`, () => {
  const folder = mkdtempSync(join(tmpdir(), 'checkpost-pack-'));
  const pack = join(folder, 'school.pack');
  const key = join(folder, 'school.key');
  const passphraseFile = join(folder, 'passphrase.txt');
  const oliver = corpusPath('faces', 'identities', 'oliver_nowak', '03.jpg');
  writeFileSync(passphraseFile, 'hillcrest staff room kettle\n');

  beforeEach(() => {
    vi.stubEnv('CHECKPOST_SIGNING_PASSPHRASE', 'orm lead keeps this one');
    // Each test is a computer that has read no pack yet: the signer it pins stays in its own folder.
    vi.stubEnv('CHECKPOST_CONFIG_DIR', mkdtempSync(join(tmpdir(), 'checkpost-config-')));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('enrols once into a pack, then checks from the pack alone: same verdict as from the CSV, and a pinned signer', async () => {
    const made = await run(
      'roster',
      'pack',
      '--roster',
      corpusPath('roster', 'roster.csv'),
      '--biometrics',
      BIOMETRICS_FILE,
      '--signing-key',
      key,
      '--out',
      pack,
      '--passphrase-file',
      passphraseFile,
    );
    expect(made.status).toBe(0);
    const signer = /signed by key ([0-9A-F-]{24})/.exec(made.out)?.[1];
    expect(made.out).toMatch(/45 people, 11 face templates/);
    expect(readFileSync(pack, 'utf8')).not.toMatch(/Nowak|M999240119115/);

    const checked = await run('check', '--pack', pack, '--passphrase-file', passphraseFile, '--signer', signer!, '--json', oliver);
    expect(checked.status).toBe(2);
    expect((JSON.parse(checked.out) as Verdict).findings.map((finding) => [finding.ruleId, finding.personId])).toContainEqual(['face-no-consent', 'M999240119115']);
  });

  it('holds every post (exit 3) for a wrong passphrase, an altered pack or another signer, saying which', async () => {
    vi.stubEnv('CHECKPOST_PASSPHRASE', 'not the staff passphrase');
    // With a photo, so the models are loading when the pack is refused: the check must still end, not hang.
    expect(await run('check', '--pack', pack, '--text', 'Sports day!', oliver)).toMatchObject({ status: 3, out: expect.stringMatching(/passphrase does not open/) });
    vi.stubEnv('CHECKPOST_PASSPHRASE', 'hillcrest staff room kettle');
    const altered = join(folder, 'altered.pack');
    writeFileSync(altered, readFileSync(pack, 'utf8').replace(/"createdAt":"\d{4}/, '"createdAt":"2999'));
    expect(await run('check', '--pack', altered, '--text', 'Sports day!')).toMatchObject({ status: 3, out: expect.stringMatching(/changed since the ORM lead made it/) });
    expect(await run('check', '--pack', pack, '--signer', '0000-0000-0000-0000-0000', '--text', 'Sports day!')).toMatchObject({
      status: 3,
      out: expect.stringMatching(/signed by a key .* other than your school's/),
    });
  });

  it('asks for a roster (exit 64) when given neither --roster nor --pack, and refuses --biometrics beside a pack', async () => {
    expect((await run('check', '--text', 'Sports day!')).status).toBe(64);
    vi.stubEnv('CHECKPOST_PASSPHRASE', 'hillcrest staff room kettle');
    expect(await run('check', '--pack', pack, '--biometrics', BIOMETRICS_FILE, '--text', 'Sports day!')).toMatchObject({
      status: 3,
      out: expect.stringMatching(/carries the school's biometrics record/),
    });
  });

  it("pins the first pack's signer: a pack signed by another key, or older than the newest read, is then refused", async () => {
    const packOf = async (name: string, signingKey: string) => {
      const file = join(folder, name);
      expect(
        (await run('roster', 'pack', '--roster', corpusPath('roster', 'roster.csv'), '--signing-key', signingKey, '--out', file, '--passphrase-file', passphraseFile)).status,
      ).toBe(0);
      return file;
    };
    const autumn = await packOf('autumn.pack', key);
    const foreign = await packOf('foreign.pack', join(folder, 'another-school.key'));
    const check = (file: string) => run('check', '--pack', file, '--passphrase-file', passphraseFile, '--text', 'Sports day!');
    expect(await check(autumn)).toMatchObject({ status: 0, out: expect.stringMatching(/now trusts roster packs signed by key/) });
    expect(await check(foreign)).toMatchObject({ status: 3, out: expect.stringMatching(/signed by a key .* other than your school's/) });
    const spring = await packOf('spring.pack', key);
    expect(await check(spring)).toMatchObject({ status: 0, out: expect.not.stringMatching(/now trusts/) });
    expect(await check(autumn)).toMatchObject({ status: 3, out: expect.stringMatching(/before the one in use/) });
  });

  it('makes a pack without face templates when no biometrics record is given: faces are then checked by hand', async () => {
    const plain = join(folder, 'no-faces.pack');
    const made = await run('roster', 'pack', '--roster', corpusPath('roster', 'roster.csv'), '--signing-key', key, '--out', plain, '--passphrase-file', passphraseFile);
    expect(made).toMatchObject({ status: 0, out: expect.stringMatching(/face matching off/) });
    const { status, out } = await run('check', '--pack', plain, '--passphrase-file', passphraseFile, '--json', oliver);
    expect(status).toBe(1);
    expect(out).toMatch(/^Checkpost now trusts roster packs signed by key [0-9A-F-]{24}, the first read on this computer/m);
    // The verdict is on stdout, after the note about the signer just pinned on stderr.
    expect((JSON.parse(out.slice(out.indexOf('{'))) as Verdict).findings.map((finding) => finding.ruleId)).toEqual(['face-not-matched']);
  });
});
