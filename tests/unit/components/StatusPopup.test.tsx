// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusPopup } from '../../../components/popup/StatusPopup';
import { checkError } from '../../../lib/errors';
import { SCHOOL_BIOMETRICS } from '../../support/builders';

afterEach(cleanup);

describe('StatusPopup', () => {
  it('says the models are ready, who is enrolled and what happened on this tab', () => {
    render(
      <StatusPopup
        onUnlock={vi.fn()}
        unlocking={false}
        unlockError={null}
        status={{
          engine: { state: 'ready', modelId: 'm', loadMs: 1800 },
          roster: { csvName: 'roster.csv', importedAt: '2025-01-31T09:00:00Z', people: 45, pupils: 45, enrolled: 11, biometrics: SCHOOL_BIOMETRICS },
          locked: false,
        }}
        statusError={null}
        verdicts={[
          {
            at: Date.UTC(2025, 0, 31, 10),
            platform: 'x',
            status: 'block',
            photos: 2,
            rules: [
              { ruleId: 'face-unknown', count: 2 },
              { ruleId: 'name-in-image', count: 1 },
            ],
            errors: [{ code: 'image_corrupt', count: 1 }],
            postHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          },
          { at: Date.UTC(2025, 0, 31, 9), platform: 'x', status: 'warn', photos: 1, rules: [], errors: [], postHash: null },
        ]}
        verdictsError={null}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Face and text models: ready (loaded in 1.8 s).');
    expect(screen.getByText(/45 pupils on the roster; 11 with a face template/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Latest verdicts on this tab, newest first' });
    const [blocked, earlier] = [...list.children].map((item) => item.textContent);
    expect(blocked).toContain('Blocked');
    expect(blocked).toContain('2 photos · post 9f86d081');
    expect(blocked).toContain('Face not on the consent roster (2 times)');
    expect(blocked).toContain("Pupil's name visible in a photo");
    expect(blocked).toContain('A photo was damaged');
    expect(earlier).toContain('Checked by an earlier version of Checkpost, which kept no reasons.');
  });

  it('says when face matching is off, rather than counting templates there are none of', () => {
    const roster = { csvName: 'roster.csv', importedAt: '2025-01-31T09:00:00Z', people: 45, pupils: 45, enrolled: 0, biometrics: null };
    render(
      <StatusPopup
        onUnlock={vi.fn()}
        unlocking={false}
        unlockError={null}
        status={{ engine: { state: 'idle' }, roster, locked: false }}
        statusError={null}
        verdicts={[]}
        verdictsError={null}
      />,
    );
    expect(screen.getByText(/Face matching is off: staff check every face by hand/)).toBeTruthy();
  });

  it('says plainly when the models failed and when no roster is imported', () => {
    render(
      <StatusPopup
        onUnlock={vi.fn()}
        unlocking={false}
        unlockError={null}
        status={{ engine: { state: 'failed', error: checkError('engine_load_failed', 'The models could not be loaded.') }, roster: null, locked: false }}
        statusError={null}
        verdicts={[]}
        verdictsError={null}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Face and text models: not working. The models could not be loaded.');
    expect(screen.getByText(/Not set up yet: every post is held\. .*staff import the roster pack the ORM lead gives them/)).toBeTruthy();
    expect(screen.getByText('No posts checked on this tab yet.')).toBeTruthy();
  });

  it('says when this tab’s list could not be read, instead of an empty list', () => {
    render(<StatusPopup onUnlock={vi.fn()} unlocking={false} unlockError={null} status={null} statusError={null} verdicts={[]} verdictsError="The list could not be read." />);
    expect(screen.getByRole('alert').textContent).toBe('The list could not be read.');
    expect(screen.queryByText('No posts checked on this tab yet.')).toBeNull();
  });

  it('asks for the roster passphrase while the roster is locked, and hands it over on Unlock', () => {
    const onUnlock = vi.fn();
    render(
      <StatusPopup
        onUnlock={onUnlock}
        unlocking={false}
        unlockError="That passphrase does not open the roster."
        status={{ engine: { state: 'idle' }, roster: null, locked: true }}
        statusError={null}
        verdicts={[]}
        verdictsError={null}
      />,
    );
    expect(screen.queryByText(/No roster imported/)).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('That passphrase does not open the roster.');
    fireEvent.change(screen.getByLabelText('Roster passphrase'), { target: { value: 'kettle on in the staff room' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlock).toHaveBeenCalledWith('kettle on in the staff room');
    expect((screen.getByLabelText('Roster passphrase') as HTMLInputElement).value).toBe('');
  });
});
