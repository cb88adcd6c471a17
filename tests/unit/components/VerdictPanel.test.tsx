// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerdictPanel } from '../../../components/verdict-panel/VerdictPanel';
import { hookBrokenView, type PanelView } from '../../../lib/composer/panel-view';

afterEach(cleanup);

const blockView: PanelView = {
  kind: 'block',
  headline: 'This post cannot be published',
  findings: [{ severity: 'block', message: 'Photo 1 shows a face that is not on the roster.' }],
  problems: [],
  photos: [
    {
      index: 0,
      label: 'Photo 1 (class.jpg)',
      src: 'blob:https://x.com/1',
      width: 1000,
      height: 500,
      marks: [{ kind: 'face', box: { x: 100, y: 50, width: 200, height: 100 }, severity: 'block', tag: '1', label: 'Face 1: must not be posted' }],
    },
  ],
  quote: null,
  advice: 'Remove the photo, crop out or cover the marked faces, or choose another photo.',
  sendHeld: true,
  attention: 1,
};

const renderPanel = (view: PanelView) => {
  const actions = { onPostAnyway: vi.fn(), onRetry: vi.fn() };
  const result = render(<VerdictPanel view={view} {...actions} />);
  return { ...actions, ...result };
};

describe('VerdictPanel', () => {
  it('explains a block plainly, boxes the face on its photo and offers no way past it', () => {
    renderPanel(blockView);
    expect(screen.getByRole('alert')).toHaveProperty('textContent', expect.stringContaining('This post cannot be published'));
    expect(screen.getByRole('heading', { name: 'This post cannot be published' })).toBe(document.activeElement);
    expect(screen.getByRole('list', { name: 'What Checkpost found' }).textContent).toContain('not on the roster');
    const photo = screen.getByRole('img', { name: 'Photo 1 (class.jpg): Face 1: must not be posted' });
    expect(photo.getAttribute('src')).toBe('blob:https://x.com/1');
    const box = document.querySelector('.cp-mark-face') as HTMLElement;
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['10.00%', '10.00%', '20.00%', '20.00%']);
    expect(screen.getByText(/What to do:/)).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('boxes a name read on a certificate as writing, labelled for screen readers', () => {
    const certificate = {
      ...blockView.photos[0]!,
      marks: [{ kind: 'text' as const, box: { x: 250, y: 200, width: 500, height: 50 }, severity: 'block' as const, tag: 'Name 1', label: 'Name 1: must not be posted' }],
    };
    renderPanel({ ...blockView, photos: [certificate] });
    expect(screen.getByRole('img', { name: 'Photo 1 (class.jpg): Name 1: must not be posted' })).toBeTruthy();
    const box = document.querySelector('.cp-mark-text.cp-mark-block') as HTMLElement;
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['25.00%', '40.00%', '50.00%', '10.00%']);
    expect(box.textContent).toBe('Name 1');
    expect(box.getAttribute('aria-hidden')).toBe('true');
  });

  it("quotes the post's words with the offending ones highlighted and said to need changing", () => {
    renderPanel({
      ...blockView,
      photos: [],
      quote: [
        { text: 'Congratulations to ', severity: null },
        { text: 'Amelia Hughes', severity: 'block' },
        { text: ' for winning!', severity: null },
      ],
    });
    const quote = screen.getByRole('figure', { name: "In the post's text:" });
    expect(quote.querySelector('blockquote')?.textContent).toBe('Congratulations to Amelia Hughes (must change) for winning!');
    const marked = quote.querySelectorAll('mark');
    expect([...marked].map((mark) => [mark.className, mark.firstChild?.textContent])).toEqual([['cp-words cp-words-block', 'Amelia Hughes']]);
  });

  it('asks for an explicit "Post anyway" on a warning', () => {
    const { onPostAnyway } = renderPanel({ ...blockView, kind: 'warn', headline: 'Check this post before you publish it' });
    fireEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('offers Retry when the check could not run', () => {
    const { onRetry } = renderPanel({
      ...blockView,
      kind: 'cannot_check',
      headline: 'Checkpost could not check this post, so it is on hold',
      findings: [],
      photos: [],
      problems: ['Checking the post took longer than 20 s.'],
    });
    expect(screen.getByRole('list', { name: 'What could not be checked' }).textContent).toContain('20 s');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('leaves focus alone when no Post press is waiting', () => {
    renderPanel({ ...blockView, sendHeld: false });
    expect(document.activeElement).toBe(document.body);
  });

  it('shows the progress bar only once a check has taken half a second', () => {
    vi.useFakeTimers();
    try {
      renderPanel({ kind: 'checking', photos: 2, startedAt: Date.now(), sendHeld: true });
      expect(screen.queryByRole('progressbar')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(499);
      });
      expect(screen.queryByRole('progressbar')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(2);
      });
      expect(screen.getByRole('progressbar', { name: 'Checking the 2 photos' })).toBeTruthy();
      expect(screen.getByRole('status').textContent).toContain('will be sent as soon as the check passes');
    } finally {
      vi.useRealTimers();
    }
  });

  it('warns with a banner when the composer cannot be guarded', () => {
    renderPanel(hookBrokenView('no_send_button', 1));
    expect(screen.getByRole('alert').textContent).toContain("cannot find this composer's Post button");
  });

  it('renders nothing when hidden', () => {
    const { container } = renderPanel({ kind: 'hidden' });
    expect(container.innerHTML).toBe('');
  });
});
