// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusPopup } from '../../../components/popup/StatusPopup';
import { checkError } from '../../../lib/errors';

afterEach(cleanup);

describe('StatusPopup', () => {
  it('says the models are ready, who is enrolled and what happened on this tab', () => {
    render(
      <StatusPopup
        status={{
          engine: { state: 'ready', modelId: 'm', loadMs: 1800 },
          roster: { csvName: 'roster.csv', importedAt: '2025-01-31T09:00:00Z', people: 45, pupils: 45, enrolled: 11 },
        }}
        statusError={null}
        verdicts={[{ at: Date.UTC(2025, 0, 31, 10), platform: 'x', status: 'block', photos: 1, summary: 'A face is not on the roster.' }]}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Face and text models: ready (loaded in 1.8 s).');
    expect(screen.getByText(/45 pupils on the roster; 11 with a face template/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Latest verdicts on this tab, newest first' });
    expect(list.textContent).toContain('Blocked');
    expect(list.textContent).toContain('A face is not on the roster.');
  });

  it('says plainly when the models failed and when no roster is imported', () => {
    render(
      <StatusPopup
        status={{ engine: { state: 'failed', error: checkError('engine_load_failed', 'The models could not be loaded.') }, roster: null }}
        statusError={null}
        verdicts={[]}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Face and text models: not working. The models could not be loaded.');
    expect(screen.getByText(/No roster imported: every post is held/)).toBeTruthy();
    expect(screen.getByText('No posts checked on this tab yet.')).toBeTruthy();
  });
});
