import { describe, expect, it } from 'vitest';
import { hookBrokenView, photoLabel, verdictView } from '../../../lib/composer/panel-view';
import { checkError } from '../../../lib/errors';
import type { PhotoSize } from '../../../lib/messaging/protocol';
import type { Verdict } from '../../../lib/pipeline/types';

const analysis = (sizes: [number, number][]): PhotoSize[] => sizes.map(([width, height], imageIndex) => ({ imageIndex, width, height }));

const photos = [
  { name: 'class.jpg', src: 'blob:one' },
  { name: 'Photo 2', src: 'blob:two' },
];

describe('verdict panel view', () => {
  it('hides a pass on a text-only post and confirms a pass on photos', () => {
    const pass: Verdict = { status: 'pass', findings: [], errors: [] };
    expect(verdictView(pass, [], '', [], false, 0)).toEqual({ kind: 'hidden' });
    expect(verdictView(pass, analysis([[10, 10]]), '', photos.slice(0, 1), false, 0)).toEqual({ kind: 'passed', photos: 1 });
  });

  it('puts each finding box on the photo it was found on, numbering faces per photo', () => {
    const verdict: Verdict = {
      status: 'block',
      findings: [
        {
          ruleId: 'face-unknown',
          severity: 'block',
          message: 'Unknown face.',
          evidence: [
            { imageIndex: 1, box: { x: 1, y: 2, width: 3, height: 4 } },
            { imageIndex: 1, box: { x: 5, y: 6, width: 7, height: 8 } },
          ],
        },
        { ruleId: 'face-uncertain', severity: 'warn', message: 'Too small to tell.', evidence: [{ imageIndex: 0, box: { x: 9, y: 9, width: 2, height: 2 } }, { imageIndex: 0 }] },
      ],
      errors: [],
    };
    const view = verdictView(
      verdict,
      analysis([
        [800, 600],
        [1600, 1200],
      ]),
      '',
      photos,
      true,
      3,
    );
    expect(view).toMatchObject({ kind: 'block', headline: 'This post cannot be published', sendHeld: true, attention: 3 });
    if (view.kind !== 'block') throw new Error('expected a block');
    expect(view.findings).toEqual([
      { severity: 'block', message: 'Unknown face.' },
      { severity: 'warn', message: 'Too small to tell.' },
    ]);
    expect(view.photos.map((photo) => [photo.label, photo.width, photo.marks.map((mark) => [mark.kind, mark.tag, mark.label])])).toEqual([
      ['Photo 1 (class.jpg)', 800, [['face', '1', 'Face 1: needs checking']]],
      [
        'Photo 2',
        1600,
        [
          ['face', '1', 'Face 1: must not be posted'],
          ['face', '2', 'Face 2: must not be posted'],
        ],
      ],
    ]);
    expect(view.quote).toBeNull();
    expect(view.advice).toBe('Remove the photo, crop out or cover the marked faces, or choose another photo. Checkpost checks again as soon as you change the post.');
  });

  it('outlines a name read on a photo as writing, not as a face, and numbers names apart from faces', () => {
    const verdict: Verdict = {
      status: 'block',
      findings: [
        { ruleId: 'face-unknown', severity: 'block', message: 'Unknown face.', evidence: [{ imageIndex: 0, box: { x: 1, y: 1, width: 5, height: 5 } }] },
        { ruleId: 'name-in-image', severity: 'block', message: 'The photo shows "Amelia Hughes".', evidence: [{ imageIndex: 0, box: { x: 100, y: 200, width: 300, height: 40 } }] },
        {
          ruleId: 'name-unreadable',
          severity: 'warn',
          message: 'Could not read the name on this sheet.',
          evidence: [{ imageIndex: 0, box: { x: 100, y: 300, width: 300, height: 40 } }],
        },
      ],
      errors: [],
    };
    const view = verdictView(verdict, analysis([[1000, 700]]), '', photos.slice(0, 1), false, 0);
    if (view.kind !== 'block') throw new Error('expected a block');
    expect(view.photos[0]?.marks.map((mark) => [mark.kind, mark.severity, mark.tag, mark.label])).toEqual([
      ['face', 'block', '1', 'Face 1: must not be posted'],
      ['text', 'block', 'Name 1', 'Name 1: must not be posted'],
      ['text', 'warn', 'Name 2', 'Name 2: needs checking'],
    ]);
    expect(view.photos[0]?.marks[1]?.box).toEqual({ x: 100, y: 200, width: 300, height: 40 });
    expect(view.advice).toMatch(/^Remove the photo, crop out or cover the marked faces and names, or choose another photo\./);
  });

  it("quotes the post's text with the words each finding is about highlighted, the most serious finding winning", () => {
    const text = 'Well done Amelia Hughes! Disgraceful parking again.';
    const verdict: Verdict = {
      status: 'block',
      findings: [
        {
          ruleId: 'name-in-text',
          severity: 'block',
          message: 'Names a pupil.',
          evidence: [],
          textSpans: [
            { start: 10, end: 16 },
            { start: 17, end: 23 },
          ],
        },
        {
          ruleId: 'negative-tone',
          severity: 'warn',
          message: 'Negative.',
          evidence: [],
          textSpans: [
            { start: 25, end: 51 },
            { start: 17, end: 23 },
          ],
        },
      ],
      errors: [],
    };
    const view = verdictView(verdict, [], text, [], true, 1);
    if (view.kind !== 'block') throw new Error('expected a block');
    expect(view.quote).toEqual([
      { text: 'Well done ', severity: null },
      { text: 'Amelia Hughes', severity: 'block' },
      { text: '! ', severity: null },
      { text: 'Disgraceful parking again.', severity: 'warn' },
    ]);
    expect(view.quote?.map((segment) => segment.text).join('')).toBe(text);
    expect(view.photos).toEqual([]);
    expect(view.advice).toBe('Change or remove the highlighted words. Checkpost checks again as soon as you change the post.');
  });

  it('asks to look again at highlighted words before "Post anyway" on a warning about the text', () => {
    const text = 'Disgraceful behaviour at pick-up today.';
    const verdict: Verdict = {
      status: 'warn',
      findings: [{ ruleId: 'negative-tone', severity: 'warn', message: 'Negative.', evidence: [], textSpans: [{ start: 0, end: text.length }] }],
      errors: [],
    };
    const view = verdictView(verdict, [], text, [], true, 1);
    expect(view).toMatchObject({ kind: 'warn', quote: [{ text, severity: 'warn' }] });
    if (view.kind !== 'warn') throw new Error('expected a warning');
    expect(view.advice).toBe('Look again at the highlighted words. If the post is right as it is, press "Post anyway"; otherwise change it.');
  });

  it('lists what could not be checked and tells staff to retry', () => {
    const verdict: Verdict = { status: 'cannot_check', findings: [], errors: [checkError('timeout', 'Checking the post took longer than 20 s.')] };
    const view = verdictView(verdict, [], '', photos, true, 1);
    expect(view).toMatchObject({ kind: 'cannot_check', problems: ['Checking the post took longer than 20 s.'], photos: [] });
    if (view.kind !== 'cannot_check') throw new Error('expected cannot_check');
    expect(view.advice).toMatch(/^Press Retry/);
  });

  it('names the missing part of a composer it cannot guard', () => {
    expect(hookBrokenView('no_editor', 2)).toMatchObject({
      kind: 'hook_broken',
      headline: "Checkpost cannot find this composer's text box, so posting here is on hold",
      attention: 2,
    });
  });

  it('labels photos by place, adding the file name only when there is one', () => {
    expect(photoLabel(0, 'Photo 1')).toBe('Photo 1');
    expect(photoLabel(2, 'trip.png')).toBe('Photo 3 (trip.png)');
    expect(photoLabel(1, '')).toBe('Photo 2');
  });
});
