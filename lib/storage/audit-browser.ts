import type { CheckError, Result } from '../errors';
import { purgeAudit } from './audit-log-browser';
import { AUDIT_RETENTION_MONTHS, auditRetentionItem, auditRetentionSchema, checkStored } from './items-browser';

/** The retention period the school set, or the default when none (or a damaged one) is stored. */
export async function auditRetentionMonths(): Promise<number> {
  const stored = checkStored(await auditRetentionItem.getValue(), auditRetentionSchema, 'audit retention period');
  return stored.ok ? stored.value : AUDIT_RETENTION_MONTHS;
}

/** Deletes the entries older than the retention period (the purge itself is logged); run when the service worker starts. */
export async function purgeExpiredAudit(now = new Date()): Promise<Result<number, CheckError>> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (await auditRetentionMonths()));
  return purgeAudit(cutoff, now);
}
