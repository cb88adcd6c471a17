/**
 * The audit log's hash chain at a busy school's size: appending an entry (what one record costs on top of the storage
 * write) and verifying a 10,000-entry log, as the options page does each time it shows the log.
 */
import { AUDIT_START, chainEntry, verifyAuditLog, type AuditEntry } from '../../lib/audit/audit-log';
import type { BenchSection } from './section';

const ENTRIES = 10_000;

export const auditBench: BenchSection = {
  name: 'audit',
  async run() {
    const entries: AuditEntry[] = [];
    let last = AUDIT_START;
    const appendStarted = performance.now();
    for (let i = 0; i < ENTRIES; i++) {
      const entry = chainEntry(
        last,
        {
          kind: i % 3 === 0 ? 'sent' : 'checked',
          platform: 'x',
          status: 'warn',
          rules: [{ ruleId: 'face-uncertain', count: 1 + (i % 3) }],
          postHash: (i % 256).toString(16).padStart(2, '0').repeat(32),
        },
        new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      );
      entries.push(entry);
      last = { seq: entry.seq, hash: entry.hash };
    }
    const appendMs = (performance.now() - appendStarted) / ENTRIES;
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const verified = verifyAuditLog(entries, AUDIT_START, last);
      runs.push(performance.now() - started);
      if (!verified.ok) throw new Error(verified.message);
    }
    const verifyMs = runs.sort((a, b) => a - b)[1]!;
    return {
      rows: [
        { metric: 'chain one audit entry (hash, validate), mean of 10,000', value: Number(appendMs.toFixed(3)), unit: 'ms', target: '<= 5', met: appendMs <= 5 },
        { metric: `verify a ${ENTRIES}-entry audit log (median of 3)`, value: Math.round(verifyMs), unit: 'ms', target: '<= 1000', met: verifyMs <= 1000 },
      ],
      data: { entries: ENTRIES, appendMs, verifyMs: runs },
    };
  },
};
