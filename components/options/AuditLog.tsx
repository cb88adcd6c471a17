import { useState } from 'react';
import type { AuditEntry, AuditKind, AuditVerification } from '../../lib/audit/audit-log';

export interface AuditLogProps {
  entries: readonly AuditEntry[];
  verification: AuditVerification;
  retentionMonths: number;
  busy: boolean;
  onRetention(months: number): void;
  onExport(): void;
  onRefresh(): void;
}

const KIND_LABELS: Record<AuditKind, string> = {
  checked: 'Checked: warned, blocked or could not check',
  post_anyway: '“Post anyway” on a warning',
  sent: 'Post sent after a check',
  override_granted: 'Override granted',
  override_refused: 'Override refused',
  unchecked: 'Post that may have gone unchecked',
  purged: 'Old entries deleted',
};

const VERDICT_LABELS: Record<string, string> = { pass: 'Passed', warn: 'Warned', block: 'Blocked', cannot_check: 'Could not check' };

const RETENTION_CHOICES = [6, 12, 24, 36];
/** Rows shown at once; the CSV export has every entry. */
const SHOWN = 200;

const summary = (entry: AuditEntry): string => {
  if (entry.kind === 'purged' && entry.purged) return `${entry.purged.count} entries from before ${new Date(entry.purged.before).toLocaleDateString('en-GB')}`;
  const counted = [...(entry.rules ?? []).map(({ ruleId, count }) => [ruleId, count] as const), ...(entry.errors ?? []).map(({ code, count }) => [code, count] as const)];
  return counted.map(([id, count]) => (count === 1 ? id : `${id} ×${count}`)).join(', ');
};

const entryCount = (count: number): string => (count === 1 ? '1 entry' : `${count} entries`);

/**
 * The audit log kept on this browser: every check that did not pass and what staff then did, newest first, with
 * whether the log is as recorded. It names no pupil and quotes no post: rule ids, counts and a hash of each post.
 */
export function AuditLog({ entries, verification, retentionMonths, busy, onRetention, onExport, onRefresh }: AuditLogProps) {
  const [kind, setKind] = useState<AuditKind | 'all'>('all');
  const [from, setFrom] = useState('');
  const chosen = entries.filter((entry) => (kind === 'all' || entry.kind === kind) && (from === '' || entry.at >= new Date(from).toISOString())).reverse();
  return (
    <section aria-labelledby="cp-audit-title">
      <h2 id="cp-audit-title">Audit log</h2>
      <p>
        What Checkpost decided on this browser, and what was done next: kept for {retentionMonths} months, then deleted (the deletion is itself recorded). It holds the name of
        whoever uses this browser, but no pupil’s name, no words of posts and no photos; each post appears as a code (a hash) that tells posts apart.
      </p>
      <p role="status" className={verification.ok ? 'cp-audit-ok' : 'cp-audit-broken'}>
        {verification.ok
          ? verification.entries === 0
            ? 'Nothing has been recorded on this browser yet.'
            : verification.entries === 1
              ? 'The one entry is as it was recorded: not changed, and nothing removed.'
              : `All ${verification.entries} entries are as they were recorded: none changed, removed or put in another order.`
          : `The audit log has been tampered with: ${verification.message} Tell your Headteacher and the school’s data protection officer.`}
      </p>
      <div className="cp-audit-tools">
        <label>
          Show entries
          <select value={kind} onChange={(event) => setKind(event.target.value as AuditKind | 'all')}>
            <option value="all">Everything</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Recorded on or after
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <button type="button" disabled={busy} onClick={onRefresh}>
          Refresh
        </button>
        <button type="button" disabled={busy || entries.length === 0} onClick={onExport}>
          Export all as CSV
        </button>
        <label>
          Keep entries for
          <select value={retentionMonths} disabled={busy} onChange={(event) => onRetention(Number(event.target.value))}>
            {[...new Set([...RETENTION_CHOICES, retentionMonths])]
              .sort((a, b) => a - b)
              .map((months) => (
                <option key={months} value={months}>
                  {months} months
                </option>
              ))}
          </select>
        </label>
      </div>
      {chosen.length === 0 ? (
        <p>{entries.length === 0 ? 'Nothing recorded yet.' : 'No entries match.'}</p>
      ) : (
        <table className="cp-audit-table">
          <caption>{chosen.length > SHOWN ? `The newest ${SHOWN} of ${chosen.length} entries (export for all)` : `${entryCount(chosen.length)}, newest first`}</caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">Verdict</th>
              <th scope="col">Found</th>
              <th scope="col">Post</th>
              <th scope="col">Reason and approver</th>
            </tr>
          </thead>
          <tbody>
            {chosen.slice(0, SHOWN).map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{new Date(entry.at).toLocaleString('en-GB')}</td>
                <td>
                  {KIND_LABELS[entry.kind]}
                  {entry.platform ? ` (${entry.platform === 'x' ? 'X' : 'Facebook'})` : ''}
                </td>
                <td>{entry.staff ?? ''}</td>
                <td>{entry.status ? VERDICT_LABELS[entry.status] : ''}</td>
                <td>{summary(entry)}</td>
                <td>
                  <code title={entry.postHash}>{entry.postHash?.slice(0, 12) ?? ''}</code>
                </td>
                <td>{[entry.reason, entry.approver && `approved by ${entry.approver}`].filter(Boolean).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
