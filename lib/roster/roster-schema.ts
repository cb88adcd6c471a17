import { z } from 'zod';
import { biometricRecordSchema } from './biometrics';

/** A roster as read back from storage or a roster pack: checked whole before the engine trusts any of it. */

export const roleSchema = z.enum(['pupil', 'staff']);

const personSchema = z.object({
  id: z.string(),
  legalForename: z.string(),
  surname: z.string(),
  preferredForename: z.string(),
  year: z.string(),
  regGroup: z.string(),
  role: roleSchema,
  consents: z.object({ socialMedia: z.boolean(), website: z.boolean(), print: z.boolean(), name: z.boolean(), biometric: z.boolean() }),
  photoFile: z.string().optional(),
});

export const rosterSchema = z.object({
  people: z.array(personSchema),
  templates: z.array(z.object({ personId: z.string(), modelId: z.string(), descriptor: z.array(z.number()) })),
  // Rosters saved before the biometric gate have none: loadRoster then deletes their templates.
  biometrics: biometricRecordSchema.nullable().default(null),
});
