import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../lib/cli/main';
import type { Verdict } from '../../lib/pipeline/types';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';

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
  it('blocks (exit 2) a pupil without social media consent and prints the verdict as JSON', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--json', corpusPath('faces', 'identities', 'oliver_nowak', '03.jpg'));
    expect(status).toBe(2);
    const verdict = JSON.parse(out) as Verdict;
    expect(verdict.findings.map((finding) => [finding.ruleId, finding.personId])).toContainEqual(['face-no-consent', 'M999240119115']);
  });

  it('warns (exit 1) on a negative post and says why in plain words', async () => {
    const { status, out } = await run('check', '--roster', corpusPath('roster', 'roster.csv'), '--text', 'Year 6 were terrible at tidying up today. Really disappointing.');
    expect(status).toBe(1);
    expect(out).toMatch(/^WARN/m);
    expect(out).toMatch(/negative/);
  });
});
