// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../components/options/AuditLog';
import { StaffName } from '../../../components/options/FirstRun';
import { AUDIT_START, chainEntry, type AuditEntry } from '../../../lib/audit/audit-log';

afterEach(cleanup);

const START = Date.parse('2026-10-01T09:00:00Z');
const first = chainEntry(
  AUDIT_START,
  { kind: 'checked', platform: 'x', status: 'warn', rules: [{ ruleId: 'face-uncertain', count: 2 }], postHash: 'ab'.repeat(32), staff: 'Ms Rivera' },
  new Date(START),
);
const second = chainEntry(
  first,
  { kind: 'post_anyway', platform: 'x', status: 'warn', rules: [{ ruleId: 'face-uncertain', count: 2 }], postHash: 'ab'.repeat(32), staff: 'Ms Rivera' },
  new Date(START + 60_000),
);
const third = chainEntry(second, { kind: 'checked', platform: 'facebook', status: 'cannot_check', errors: [{ code: 'roster_locked', count: 1 }] }, new Date(START + 120_000));

const show = (entries: AuditEntry[], verification: Parameters<typeof AuditLog>[0]['verification']) =>
  render(<AuditLog entries={entries} verification={verification} retentionMonths={12} busy={false} onRetention={vi.fn()} onExport={vi.fn()} onRefresh={vi.fn()} />);

describe('audit log viewer', () => {
  it('lists entries newest first with who, what and what was found, and says the log verifies', () => {
    show([first, second, third], { ok: true, entries: 3 });
    expect(screen.getByRole('status').textContent).toBe('All 3 entries are as they were recorded: none changed, removed or put in another order.');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['3', '2', '1']);
    expect(rows[1]!.textContent).toContain('“Post anyway” on a warning (X)');
    expect(rows[1]!.textContent).toContain('Ms Rivera');
    expect(rows[1]!.textContent).toContain('face-uncertain ×2');
    expect(rows[0]!.textContent).toContain('roster_locked');
  });

  it('filters by event', () => {
    show([first, second, third], { ok: true, entries: 3 });
    fireEvent.change(screen.getByLabelText('Show entries'), { target: { value: 'post_anyway' } });
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('1 entry, newest first');
  });

  it('says plainly when the log has been tampered with, and whom to tell', () => {
    show([first, third], { ok: false, problem: 'removed', seq: 2, message: 'Entry 2 has been removed.' });
    expect(screen.getByRole('status').textContent).toBe(
      'The audit log has been tampered with: Entry 2 has been removed. Tell your Headteacher and the school’s data protection officer.',
    );
  });
});

describe('staff name', () => {
  it('saves the name the audit log records, trimmed, and then says it', () => {
    const onSave = vi.fn();
    render(<StaffName name={null} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Name for the audit log'), { target: { value: '  Ms Rivera ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(onSave).toHaveBeenCalledWith('Ms Rivera');
    cleanup();
    render(<StaffName name="Ms Rivera" busy={false} onSave={onSave} />);
    expect(screen.getByText('The audit log records posts from this browser as Ms Rivera.')).toBeTruthy();
  });
});
