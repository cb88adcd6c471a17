import { z } from 'zod';

/**
 * Schemas of the values that cross between Checkpost's contexts or are read back from storage.
 * Anything received is parsed with them before it is acted on; tests/unit/messaging/schemas.test.ts
 * proves each describes exactly the engine's own type, so the two cannot drift apart.
 */

export const platformSchema = z.enum(['x', 'facebook']);

export const verdictStatusSchema = z.enum(['pass', 'warn', 'block', 'cannot_check']);

export const errorCodeSchema = z.enum([
  'image_empty',
  'image_unsupported',
  'image_heic',
  'image_corrupt',
  'image_too_large',
  'engine_load_failed',
  'engine_failed',
  'timeout',
  'roster_invalid',
  'roster_missing',
  'roster_locked',
  'file_unreadable',
  'enrol_no_face',
  'enrol_many_faces',
  'enrol_face_too_small',
]);

export const checkErrorSchema = z.object({ code: errorCodeSchema, message: z.string(), file: z.string().optional() });

export const boxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const textSpanSchema = z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() });

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  evidence: z.array(z.object({ imageIndex: z.int().nonnegative(), box: boxSchema.optional() })),
  textSpans: z.array(textSpanSchema).optional(),
  personId: z.string().optional(),
});

export const verdictSchema = z.object({ status: verdictStatusSchema, findings: z.array(findingSchema), errors: z.array(checkErrorSchema) });

/** A `Result<T, CheckError>` as it crosses: a value, or an error staff can read. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: checkErrorSchema })]);
