// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColumnMapping } from '../../../components/options/ColumnMapping';
import { previewColumns } from '../../../lib/roster/column-preview';

afterEach(cleanup);

const csv = new TextEncoder().encode('Pupil UPN,First,Surname,Known As,Socials,Website Consent,Print Consent,Name Consent,Face ID\nA999000000017,Ann,Example,,Y,Y,Y,N,Y\n');

describe('ColumnMapping', () => {
  it('shows the first rows under their headers, keeps the columns recognised, and checks again with the ones chosen by hand', () => {
    const preview = previewColumns(csv, 'export.csv');
    if (!preview.ok) throw new Error(preview.error);
    const onUse = vi.fn();
    render(<ColumnMapping csvName="export.csv" preview={preview.value} busy={false} onUse={onUse} onCancel={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Match the columns of export.csv' }).textContent).toMatch(
      /missing required columns: Legal Forename, Photo Consent Social Media, Biometric Consent/,
    );
    expect(screen.getByRole('table', { name: 'The first rows of export.csv' }).textContent).toContain('A999000000017');
    expect((screen.getByLabelText('UPN (if there is one)') as HTMLSelectElement).value).toBe('Pupil UPN');
    fireEvent.change(screen.getByLabelText('Legal Forename'), { target: { value: 'First' } });
    fireEvent.change(screen.getByLabelText('Photo Consent Social Media'), { target: { value: 'Socials' } });
    fireEvent.change(screen.getByLabelText('Biometric Consent'), { target: { value: 'Face ID' } });
    fireEvent.change(screen.getByLabelText('Preferred Forename (if there is one)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check again with these columns' }));
    expect(onUse).toHaveBeenCalledWith(expect.objectContaining({ upn: 'Pupil UPN', legalForename: 'First', socialMedia: 'Socials', biometric: 'Face ID' }));
    expect(onUse.mock.calls[0]![0]).not.toHaveProperty('preferredForename');
  });
});
