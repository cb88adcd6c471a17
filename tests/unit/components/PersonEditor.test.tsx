// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonEditor } from '../../../components/options/PersonEditor';
import { aPerson, aRoster } from '../../support/builders';

afterEach(cleanup);

const siobhan = aPerson({ id: 'A123456789012', legalForename: 'Siobhán', preferredForename: 'Siobhán', surname: "O'Connor", year: 'Year 7', regGroup: '7C' });
const kacper = aPerson({ id: 'B123456789012', legalForename: 'Kacper', preferredForename: 'Kacper', surname: 'Nowak', consents: { biometric: false } });
const roster = { ...aRoster(siobhan, kacper), templates: [{ personId: siobhan.id, modelId: 'm', descriptor: [1, 0] }] };

function choose(name: string | RegExp) {
  fireEvent.change(screen.getByRole('searchbox', { name: /Find a pupil or member of staff/ }), { target: { value: 'siobhan' } });
  fireEvent.click(within(screen.getByRole('list', { name: 'People found' })).getByRole('button', { name }));
}

describe('PersonEditor', () => {
  it('finds a pupil by name and saves the consents as ticked, saying their templates go with face matching', () => {
    const onSave = vi.fn();
    render(<PersonEditor roster={roster} busy={false} saved={null} onSaveConsents={onSave} onDeleteTemplates={vi.fn()} />);
    choose(/Siobhán O'Connor, Year 7 7C \(A123456789012\)/);
    const form = screen.getByRole('form', { name: "Consents of Siobhán O'Connor" });
    expect(within(form).getByRole('button', { name: 'Save consents' })).toHaveProperty('disabled', true);
    expect(form.textContent).toContain('1 face template.');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Face matching (biometric consent)' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Photos on social media' }));
    expect(form.textContent).toContain('Saving deletes them.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save consents' }));
    expect(onSave).toHaveBeenCalledWith(siobhan.id, { ...siobhan.consents, socialMedia: false, biometric: false });
  });

  it("deletes a person's face templates on request, and says so when there are none", () => {
    const onDelete = vi.fn();
    const { rerender } = render(<PersonEditor roster={roster} busy={false} saved={null} onSaveConsents={vi.fn()} onDeleteTemplates={onDelete} />);
    choose(/Siobhán O'Connor/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete face templates' }));
    expect(onDelete).toHaveBeenCalledWith(siobhan.id);
    rerender(
      <PersonEditor
        roster={{ ...roster, templates: [] }}
        busy={false}
        saved={["Siobhán O'Connor (A123456789012): face template deleted"]}
        onSaveConsents={vi.fn()}
        onDeleteTemplates={onDelete}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Delete face templates' })).toBeNull();
    expect(screen.getByRole('form').textContent).toContain('No face template');
    expect(screen.getByRole('status').textContent).toContain('face template deleted');
  });

  it('says when no one matches', () => {
    render(<PersonEditor roster={roster} busy={false} saved={null} onSaveConsents={vi.fn()} onDeleteTemplates={vi.fn()} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'Zebedee' } });
    expect(screen.getByText('No one on the roster matches “Zebedee”.')).toBeTruthy();
  });
});
