// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RosterImport, type RosterImportProps } from '../../../components/options/RosterImport';
import type { ImportReport } from '../../../lib/roster/types';
import { anImportReport, SCHOOL_BIOMETRICS } from '../../support/builders';

afterEach(cleanup);

const renderImport = (props: Partial<RosterImportProps> = {}) =>
  render(
    <RosterImport
      firstImport={false}
      current={null}
      busy={false}
      progress={null}
      preview={null}
      report={null}
      changes={null}
      error={null}
      onCheck={vi.fn()}
      onApply={vi.fn()}
      onCancel={vi.fn()}
      columns={null}
      onUseColumns={vi.fn()}
      reEnrolMonths={12}
      onReEnrolMonths={vi.fn()}
      onFaceMatchingOff={vi.fn()}
      onErase={vi.fn()}
      {...props}
    />,
  );

const report: ImportReport = anImportReport({
  imported: false,
  photosChecked: false,
  rowsRead: 3,
  pupils: 3,
  errors: [{ row: 3, column: 'UPN', message: 'This UPN is also on row 2.' }],
});

describe('RosterImport', () => {
  it('imports only once a CSV is chosen, passing the chosen photos along, without face matching unless asked', () => {
    const onCheck = vi.fn();
    renderImport({ onCheck });
    const submit = screen.getByRole('button', { name: 'Check roster' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    const csv = new File(['UPN\n'], 'roster.csv', { type: 'text/csv' });
    const photo = new File([new Uint8Array([1])], 'A.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('Roster CSV'), { target: { files: [csv] } });
    fireEvent.change(screen.getByLabelText('Photos folder'), { target: { files: [photo] } });
    fireEvent.change(screen.getByLabelText('Roster passphrase'), { target: { value: 'the roster passphrase' } });
    fireEvent.click(submit);
    expect(onCheck).toHaveBeenCalledWith(csv, [photo], null, 'the roster passphrase');
    expect(screen.getByText(/No roster imported yet/)).toBeTruthy();
  });

  it('sets the roster passphrase at the first import: long enough, and typed the same twice', () => {
    const onCheck = vi.fn();
    renderImport({ firstImport: true, onCheck });
    const csv = new File(['UPN\n'], 'roster.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Roster CSV'), { target: { files: [csv] } });
    const form = screen.getByRole('button', { name: 'Check roster' }).closest('form')!;
    fireEvent.change(screen.getByLabelText('Roster passphrase'), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('Repeat the passphrase'), { target: { value: 'short' } });
    fireEvent.submit(form);
    expect(screen.getByRole('alert').textContent).toMatch(/at least 12 characters/);
    fireEvent.change(screen.getByLabelText('Roster passphrase'), { target: { value: 'kettle on in the staff room' } });
    fireEvent.change(screen.getByLabelText('Repeat the passphrase'), { target: { value: 'kettle on in the staffroom' } });
    fireEvent.submit(form);
    expect(screen.getByRole('alert').textContent).toMatch(/not the same/);
    expect(onCheck).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Repeat the passphrase'), { target: { value: 'kettle on in the staff room' } });
    fireEvent.submit(form);
    expect(onCheck).toHaveBeenCalledWith(csv, [], null, 'kettle on in the staff room');
  });

  it('shows the import report, naming row and column of each problem', () => {
    renderImport({ report });
    const section = screen.getByRole('region', { name: 'Import report' });
    expect(section.textContent).toContain('Roster not imported');
    expect(section.textContent).toContain('Row 3, column "UPN": This UPN is also on row 2.');
  });

  it('matches faces only with the DPIA date, the DPO and the date parents were notified, none of them in the future', () => {
    const onCheck = vi.fn();
    renderImport({ onCheck });
    const csv = new File(['UPN\n'], 'roster.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Roster CSV'), { target: { files: [csv] } });
    fireEvent.click(screen.getByLabelText('Match faces to the reference photos'));
    fireEvent.change(screen.getByLabelText('DPIA completed on'), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText('Data protection officer'), { target: { value: 'Jo Bloggs' } });
    fireEvent.change(screen.getByLabelText('Parents notified on'), { target: { value: '2999-01-01' } });
    fireEvent.change(screen.getByLabelText('Roster passphrase'), { target: { value: 'the roster passphrase' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Check roster' }).closest('form')!);
    expect(onCheck).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/future/);
    fireEvent.change(screen.getByLabelText('Parents notified on'), { target: { value: '2026-09-02' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Check roster' }).closest('form')!);
    expect(onCheck).toHaveBeenCalledWith(
      csv,
      [],
      expect.objectContaining({ dpiaCompletedOn: '2026-09-01', dpoName: 'Jo Bloggs', parentsNotifiedOn: '2026-09-02' }),
      'the roster passphrase',
    );
  });

  it('offers to turn face matching off while it is on, saying under which DPIA it runs', () => {
    const onFaceMatchingOff = vi.fn();
    const current = { csvName: 'roster.csv', importedAt: '2026-09-03T09:00:00Z', people: 3, pupils: 3, enrolled: 2, biometrics: SCHOOL_BIOMETRICS };
    renderImport({ current, onFaceMatchingOff });
    expect(screen.getByText(/Face matching is on, under the DPIA completed on 2026-09-01/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn face matching off and delete every face template' }));
    expect(onFaceMatchingOff).toHaveBeenCalled();
  });

  it('erases all roster data only after a second, explicit confirmation, and can be backed out of', () => {
    const onErase = vi.fn();
    const current = { csvName: 'roster.csv', importedAt: '2026-09-03T09:00:00Z', people: 3, pupils: 3, enrolled: 0, biometrics: null };
    renderImport({ current, onErase });
    fireEvent.click(screen.getByRole('button', { name: 'Erase all roster data…' }));
    expect(screen.getByRole('alertdialog', { name: 'Erase all roster data?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the roster' }));
    expect(onErase).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Erase all roster data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything' }));
    expect(onErase).toHaveBeenCalledTimes(1);
  });

  it('reminds the ORM lead to import this year’s photos once the templates are over twelve months old', () => {
    const current = { csvName: 'roster.csv', importedAt: '2020-09-03T09:00:00Z', people: 3, pupils: 3, enrolled: 2, biometrics: SCHOOL_BIOMETRICS };
    renderImport({ current });
    expect(screen.getByText(/imported on 2020-09-03, more than 12 months ago/)).toBeTruthy();
  });

  it('lists what a re-import changed under its report, and says so when nothing did', () => {
    const imported = { ...report, imported: true, errors: [] };
    renderImport({ report: imported, changes: ['Left (everything about them deleted): Oliver Nowak (M999240119115).'] });
    expect(screen.getByRole('region', { name: 'Import report' }).textContent).toContain('Changes from the roster it replacedLeft (everything about them deleted): Oliver Nowak');
    cleanup();
    renderImport({ report: imported, changes: [] });
    expect(screen.getByText('No one joined or left, and no consent changed.')).toBeTruthy();
  });

  it('previews a checked roster, its changes and how many photos it will enrol, and applies it only when asked', () => {
    const onApply = vi.fn();
    const onCancel = vi.fn();
    const checked = { ...report, imported: true, errors: [] };
    renderImport({ preview: { report: checked, changes: ['New: Zoë Lee (J999240119171).'], photosToEnrol: 12 }, onApply, onCancel });
    const preview = screen.getByRole('region', { name: 'Ready to import' });
    expect(preview.textContent).toContain('Nothing has been saved yet. Importing enrols 12 reference photos, then replaces the roster in use.');
    expect(preview.textContent).toContain('Roster roster.csv checked: 3 pupils and 0 staff from 3 rows.');
    expect(preview.textContent).toContain('New: Zoë Lee (J999240119171).');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Import roster' }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('shows enrolment with a progress bar, count and time left, and a cancel that stays usable while busy', () => {
    const onCancel = vi.fn();
    renderImport({ busy: true, progress: { label: 'Enrolling reference photos', done: 12, total: 40, secondsLeft: 20 }, onCancel });
    const bar = screen.getByRole('progressbar', { name: 'Enrolling reference photos' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([12, 40]);
    expect(screen.getByText('Enrolling reference photos: 12 of 40, about 20 s left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('lets the ORM lead choose the re-enrolment age, from 1 to 36 months, and reminds by it', () => {
    const onReEnrolMonths = vi.fn();
    const current = { csvName: 'roster.csv', importedAt: '2026-03-01T09:00:00Z', people: 3, pupils: 3, enrolled: 2, biometrics: SCHOOL_BIOMETRICS };
    renderImport({ current, reEnrolMonths: 6, onReEnrolMonths });
    expect(screen.getByText(/more than 6 months ago/)).toBeTruthy();
    const months = screen.getByLabelText('Ask for new reference photos when face templates are this many months old');
    fireEvent.change(months, { target: { value: '48' } });
    // Submitted past the browser's own min/max check, as an older browser or assistive technology might.
    fireEvent.submit(screen.getByRole('form', { name: 'Re-enrolment' }));
    expect(screen.getByRole('alert').textContent).toBe('Give a whole number of months from 1 to 36.');
    fireEvent.change(months, { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onReEnrolMonths).toHaveBeenCalledWith(24);
  });
});
