import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { checkError, err, ok, type CheckError, type Result } from '../errors';
import { FIELDS } from '../roster/columns';
import { RE_ENROL_AFTER_MONTHS } from '../roster/re-enrolment';
import { packTrustSchema } from '../roster/roster-pack';
import { verdictRecordSchema, verdictsToV2 } from './verdict-record';

/**
 * Every item Checkpost keeps in extension storage, with its version and the migrations to it.
 * WXT runs an item's migrations when it is defined and records the version beside the value
 * (`<key>$`). The roster itself is in IndexedDB (roster-db-browser.ts).
 */

/**
 * When the roster in use was imported (ISO 8601), in local storage so content scripts hear of a
 * new import: verdicts they hold were judged against the old roster and must be judged again.
 * Only its changes are listened to; its value is never acted on, so it has no read schema.
 */
export const rosterVersion = storage.defineItem<string>('local:rosterVersion', { fallback: '', version: 1 });

/**
 * The roster key (base64) once the roster passphrase has unlocked it: session storage is kept in memory, never on
 * disk, and only the extension's own pages and service worker may read it (never content scripts). Gone when the
 * browser closes, so the roster is locked again at each start.
 */
export const rosterKeyItem = storage.defineItem<string>('session:rosterKey', { fallback: '', version: 1 });

/**
 * The signer this browser trusts for roster packs, pinned at the first pack imported (a fingerprint, not a secret),
 * and when the pack in use was made, so an older one is refused. Null until a pack is imported; cleared on erase.
 */
export const packSignerSchema = packTrustSchema.nullable();

export const packSignerItem = storage.defineItem<unknown>('local:packSigner', { fallback: null, version: 1 });

/**
 * Columns the ORM lead matched by hand, by header signature (lib/roster/column-preview.ts): column names only, never a
 * cell. Offered again for the next export with the same headers; cleared with the roster.
 */
export const columnChoicesSchema = z.record(z.string(), z.partialRecord(z.enum(FIELDS), z.string()));

export const columnChoicesItem = storage.defineItem<unknown>('local:columnChoices', { fallback: {}, version: 1 });

/** After how many months the options page asks for new reference photos (reEnrolMonthsSchema); the ORM lead sets it. */
export const reEnrolMonthsItem = storage.defineItem<unknown>('local:reEnrolMonths', { fallback: RE_ENROL_AFTER_MONTHS, version: 1 });

/**
 * Which role this browser plays, chosen at first run, so the options page walks that person through their own steps:
 * the ORM lead sets up the roster, staff import the school's pack, the Headteacher also sets an override PIN.
 */
export const browserRoleSchema = z.enum(['orm_lead', 'staff', 'headteacher']).nullable();

export const browserRoleItem = storage.defineItem<unknown>('local:browserRole', { fallback: null, version: 1 });

/** The name of the member of staff who uses this browser, as the audit log records it; null until they give it. */
export const staffNameSchema = z.string().trim().min(2).max(120).nullable();
export const staffNameItem = storage.defineItem<unknown>('local:staffName', { fallback: null, version: 1 });

/** How many months audit entries are kept (`auditRetentionSchema`); older ones are purged, and the purge is logged. */
export const auditRetentionSchema = z.int().min(1).max(120);
export const AUDIT_RETENTION_MONTHS = 12;
export const auditRetentionItem = storage.defineItem<unknown>('local:auditRetentionMonths', { fallback: AUDIT_RETENTION_MONTHS, version: 1 });

/** The Headteacher's override PIN as a slow salted check (lib/override/pin.ts `pinRecordSchema`); null until set. */
export const headteacherPinItem = storage.defineItem<unknown>('local:headteacherPin', { fallback: null, version: 1 });

/** The popup lists this many, newest first. */
export const VERDICTS_KEPT = 10;

export const tabVerdictsSchema = verdictRecordSchema.array().max(VERDICTS_KEPT);

/**
 * The last verdicts of one tab, for the popup. Session storage: gone when the browser closes,
 * never synced, and it survives the service worker being stopped. One key per tab, so two tabs
 * recording at once never overwrite each other; its value is checked with `tabVerdictsSchema`.
 */
export const tabVerdictsItem = (tabId: number) =>
  storage.defineItem<unknown>(`session:verdicts-tab-${tabId}`, {
    fallback: [],
    version: 2,
    migrations: { 2: verdictsToV2 },
  });

/**
 * A stored value as its schema describes it, or an error saying it was unreadable: a damaged or
 * foreign value is never acted on, and the caller treats it as absent.
 */
export function checkStored<T>(value: unknown, schema: z.ZodType<T>, what: string): Result<T, CheckError> {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(checkError('file_unreadable', `Checkpost's saved ${what} could not be read (it is damaged or from another version), so it was set aside.`));
}
