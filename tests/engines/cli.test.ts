import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main';
import type { Verdict } from '../../lib/pipeline/types';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('warns (exit 1) on a negative post and says why in plain words', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--text', 'Year 6 were terrible at tidying up today. Really disappointing.');
    expect(status).toBe(1);
    expect(out).toMatch(/^WARN/m);
    expect(out).toMatch(/negative/);
  });
});
