import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VERDICTS_KEPT } from '../../../lib/storage/items-browser';
import { forgetTab, recordTabVerdict, tabVerdicts } from '../../../lib/storage/tab-verdicts-browser';
import type { VerdictRecord } from '../../../lib/storage/verdict-record';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'storage', name), 'utf8'));

const HASH = 'a'.repeat(64);
const verdict = (at: number, status: VerdictRecord['status'] = 'pass'): VerdictRecord => ({ at, platform: 'x', status, photos: 1, rules: [], errors: [], postHash: HASH });

const session = () => fakeBrowser.storage.session.get(null);

describe('verdicts per tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists a tab’s verdicts newest first, keeping the latest few, apart from other tabs', async () => {
    for (let at = 1; at <= VERDICTS_KEPT + 2; at += 1) await recordTabVerdict(7, verdict(at));
    await recordTabVerdict(8, verdict(100, 'block'));
    const seven = await tabVerdicts(7);
    if (!seven.ok) throw new Error(seven.error.message);
    expect(seven.value).toHaveLength(VERDICTS_KEPT);
    expect(seven.value[0]?.at).toBe(VERDICTS_KEPT + 2);
    expect(seven.value.at(-1)?.at).toBe(3);
    expect(await tabVerdicts(8)).toEqual({ ok: true, value: [verdict(100, 'block')] });
  });

  it('stores each tab’s list at version 2', async () => {
    await recordTabVerdict(7, verdict(1));
    expect(await session()).toEqual({ 'verdicts-tab-7': [verdict(1)], 'verdicts-tab-7$': { v: 2 } });
  });

  it('forgets a closed tab, version and all', async () => {
    await recordTabVerdict(7, verdict(1));
    await forgetTab(7);
    expect(await tabVerdicts(7)).toEqual({ ok: true, value: [] });
    expect(await session()).toEqual({});
  });

  it('reads a version 2 list as it was stored', async () => {
    await fakeBrowser.storage.session.set({ 'verdicts-tab-7': fixture('verdicts-v2.json'), 'verdicts-tab-7$': { v: 2 } });
    expect(await tabVerdicts(7)).toEqual({ ok: true, value: fixture('verdicts-v2.json') });
  });

  it('migrates a version 1 list to version 2, dropping the messages that could name a pupil', async () => {
    await fakeBrowser.storage.session.set({ 'verdicts-tab-7': fixture('verdicts-v1.json') });
    const read = await tabVerdicts(7);
    expect(read).toEqual({
      ok: true,
      value: [
        { at: 1738317600000, platform: 'x', status: 'block', photos: 1, rules: [], errors: [], postHash: null },
        { at: 1738317000000, platform: 'x', status: 'pass', photos: 2, rules: [], errors: [], postHash: null },
      ],
    });
    const stored = await session();
    expect(stored['verdicts-tab-7$']).toEqual({ v: 2 });
    expect(JSON.stringify(stored)).not.toMatch(/Amelia|Hughes|summary/);
  });

  it.each([
    ['not a list', { at: 1 }],
    ['a record whose rule id is free text', [{ ...verdict(1), rules: [{ ruleId: 'Amelia Hughes', count: 1 }] }]],
    ['a record with a malformed hash', [{ ...verdict(1), postHash: 'Amelia' }]],
    ['a record with an unknown status', [{ ...verdict(1), status: 'fine' }]],
  ])('refuses a stored list that is %s, with a message, and the next verdict replaces it', async (_what, value) => {
    await fakeBrowser.storage.session.set({ 'verdicts-tab-7': value, 'verdicts-tab-7$': { v: 2 } });
    expect(await tabVerdicts(7)).toEqual({ ok: false, error: { code: 'file_unreadable', message: expect.stringMatching(/list of checks on this tab could not be read/) } });
    await recordTabVerdict(7, verdict(3));
    expect(await tabVerdicts(7)).toEqual({ ok: true, value: [verdict(3)] });
  });
});
