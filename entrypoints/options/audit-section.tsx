import { useCallback, useEffect, useState } from 'react';
import { AuditLog } from '../../components/options/AuditLog';
import { ErrorMessage } from '../../components/common/ErrorMessage';
import { auditCsv } from '../../lib/audit/audit-log';
import { auditRetentionMonths } from '../../lib/storage/audit-browser';
import { readAudit, type AuditLog as StoredLog } from '../../lib/storage/audit-log-browser';
import { auditRetentionItem } from '../../lib/storage/items-browser';

/** The audit log section of the options page: reads the log from IndexedDB, verifies it, and exports it. */
export function AuditSection() {
  const [log, setLog] = useState<StoredLog | null>(null);
  const [retention, setRetention] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setBusy(true);
    const [read, months] = await Promise.all([readAudit(), auditRetentionMonths()]);
    setBusy(false);
    setRetention(months);
    if (!read.ok) return setError(read.error.message);
    setError(null);
    setLog(read.value);
  }, []);

  useEffect(() => void refresh(), [refresh]);

  const exportCsv = () => {
    if (log === null) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([auditCsv(log.entries)], { type: 'text/csv' }));
    link.download = `checkpost-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  if (log === null || retention === null) return <ErrorMessage>{error}</ErrorMessage>;
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      <AuditLog
        entries={log.entries}
        verification={log.verification}
        retentionMonths={retention}
        busy={busy}
        onRetention={(months) => void auditRetentionItem.setValue(months).then(() => setRetention(months))}
        onExport={exportCsv}
        onRefresh={() => void refresh()}
      />
    </>
  );
}
