// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RosterImport } from '../../../components/options/RosterImport';
import type { ImportReport } from '../../../lib/roster/types';
import { anImportReport } from '../../support/builders';

afterEach(cleanup);

const report: ImportReport = anImportReport({
  imported: false,
  photosChecked: false,
  rowsRead: 3,
  pupils: 3,
  errors: [{ row: 3, column: 'UPN', message: 'This UPN is also on row 2.' }],
});

describe('RosterImport', () => {
  it('imports only once a CSV is chosen, passing the chosen photos along', () => {
    const onImport = vi.fn();
    render(<RosterImport current={null} busy={false} progress={null} report={null} error={null} onImport={onImport} />);
    const submit = screen.getByRole('button', { name: 'Import roster' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    const csv = new File(['UPN\n'], 'roster.csv', { type: 'text/csv' });
    const photo = new File([new Uint8Array([1])], 'A.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('Roster CSV'), { target: { files: [csv] } });
    fireEvent.change(screen.getByLabelText('Photos folder'), { target: { files: [photo] } });
    fireEvent.click(submit);
    expect(onImport).toHaveBeenCalledWith(csv, [photo]);
    expect(screen.getByText(/No roster imported yet/)).toBeTruthy();
  });

  it('shows the import report, naming row and column of each problem', () => {
    render(<RosterImport current={null} busy={false} progress={null} report={report} error={null} onImport={vi.fn()} />);
    const section = screen.getByRole('region', { name: 'Import report' });
    expect(section.textContent).toContain('Roster not imported');
    expect(section.textContent).toContain('Row 3, column "UPN": This UPN is also on row 2.');
  });
});
