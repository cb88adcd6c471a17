// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverridePin, RoleChoice, RoleSteps } from '../../../components/options/FirstRun';

afterEach(cleanup);

describe('first run', () => {
  it('asks whose browser this is, and goes on only once a role is chosen', () => {
    const onChoose = vi.fn();
    render(<RoleChoice onChoose={onChoose} />);
    const form = screen.getByRole('form', { name: 'Set up Checkpost on this browser' });
    expect(form.textContent).toContain('holds every post');
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: /^Member of staff/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChoose).toHaveBeenCalledWith('staff');
  });

  it("lists the role's steps in order, naming who to ask, with a way back", () => {
    const onChangeRole = vi.fn();
    render(<RoleSteps role="staff" onChangeRole={onChangeRole} />);
    const steps = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(steps[0]).toMatch(/Ask the school’s ORM lead for the roster pack/);
    fireEvent.click(screen.getByRole('button', { name: /Choose another role/ }));
    expect(onChangeRole).toHaveBeenCalled();
  });

  it('refuses a guessable or mistyped PIN before saving, and saves a good one typed twice', () => {
    const onSave = vi.fn();
    render(<OverridePin isSet={false} busy={false} onSave={onSave} />);
    const type = (pin: string, repeated = pin) => {
      fireEvent.change(screen.getByLabelText('New override PIN'), { target: { value: pin } });
      fireEvent.change(screen.getByLabelText('Repeat the new override PIN'), { target: { value: repeated } });
      fireEvent.click(screen.getByRole('button', { name: 'Save PIN' }));
    };
    type('123456');
    expect(screen.getByRole('alert').textContent).toMatch(/first anyone would guess/);
    type('402917', '402971');
    expect(screen.getByRole('alert').textContent).toMatch(/not the same/);
    expect(onSave).not.toHaveBeenCalled();
    type('402917');
    expect(onSave).toHaveBeenCalledWith('402917', '');
  });
});
