import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { VerdictRecord } from '../../../lib/messaging/protocol';
import { forgetTab, recordTabVerdict, tabVerdicts, VERDICTS_KEPT } from '../../../lib/storage/tab-verdicts-browser';

const verdict = (at: number, status: VerdictRecord['status'] = 'pass'): VerdictRecord => ({ at, platform: 'x', status, photos: 1, summary: `verdict ${at}` });

describe('verdicts per tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists a tab’s verdicts newest first, keeping the latest few, apart from other tabs', async () => {
    for (let at = 1; at <= VERDICTS_KEPT + 2; at += 1) await recordTabVerdict(7, verdict(at));
    await recordTabVerdict(8, verdict(100, 'block'));
    const seven = await tabVerdicts(7);
    expect(seven).toHaveLength(VERDICTS_KEPT);
    expect(seven[0]?.at).toBe(VERDICTS_KEPT + 2);
    expect(seven.at(-1)?.at).toBe(3);
    expect(await tabVerdicts(8)).toEqual([verdict(100, 'block')]);
  });

  it('forgets a closed tab', async () => {
    await recordTabVerdict(7, verdict(1));
    await forgetTab(7);
    expect(await tabVerdicts(7)).toEqual([]);
  });
});
