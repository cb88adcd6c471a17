import { z } from 'zod';
import { errorCodeSchema } from '../messaging/schemas';
import { roleSchema, rosterSchema } from '../roster/roster-schema';

/** The saved roster as read back from IndexedDB: checked whole before the engine trusts any of it. */

const rosterIssueSchema = z.object({ row: z.int().optional(), column: z.string().optional(), message: z.string(), code: errorCodeSchema.optional() });

const personRefSchema = z.object({ row: z.int(), id: z.string(), name: z.string(), role: roleSchema });

const importReportSchema = z.object({
  csvName: z.string(),
  imported: z.boolean(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  delimiter: z.enum([',', ';', '\t']).optional(),
  rowsRead: z.int().nonnegative(),
  pupils: z.int().nonnegative(),
  staff: z.int().nonnegative(),
  peopleImported: z.int().nonnegative(),
  templatesBuilt: z.int().nonnegative(),
  errors: z.array(rosterIssueSchema),
  warnings: z.array(rosterIssueSchema),
  withoutPhotos: z.array(personRefSchema),
  photosNotUsed: z.array(personRefSchema.extend({ photoFile: z.string() })),
  // Added after the first rosters were saved: a report without it listed no such photos.
  photosWithoutRows: z.array(z.string()).default([]),
  duplicates: z.array(z.object({ kind: z.enum(['same_id', 'same_name']), value: z.string(), rows: z.array(z.int()) })),
  ignoredColumns: z.array(z.string()),
  photosChecked: z.boolean(),
});

/**
 * The imported roster, replaced whole by each import, so a failed import can never leave half a
 * roster behind.
 */
export const storedRosterSchema = z.object({
  roster: rosterSchema,
  /** Descriptor model the templates were made with. */
  modelId: z.string(),
  csvName: z.string(),
  /** ISO 8601. */
  importedAt: z.string(),
  report: importReportSchema,
});

export type StoredRoster = z.infer<typeof storedRosterSchema>;
