/**
 * Errors are values: every failure a person can meet carries a message written for them
 * (what went wrong and what to do), plus a stable code for tests and logs.
 */
export interface CheckError {
  code: ErrorCode;
  /** Plain-language message for staff: what happened and what to do next. */
  message: string;
  /** The file (photo or CSV) the error is about, when there is one. */
  file?: string;
}

export type ErrorCode =
  | 'image_empty'
  | 'image_unsupported'
  | 'image_heic'
  | 'image_corrupt'
  | 'image_too_large'
  | 'engine_load_failed'
  | 'engine_failed'
  | 'timeout'
  | 'roster_invalid'
  | 'roster_missing'
  | 'roster_locked'
  | 'file_unreadable'
  /** Reference-photo enrolment: the photo must show exactly one describable face. */
  | 'enrol_no_face'
  | 'enrol_many_faces'
  | 'enrol_face_too_small';

export type Result<T, E = CheckError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = CheckError>(error: E): Result<never, E> => ({ ok: false, error });

export function checkError(code: ErrorCode, message: string, file?: string): CheckError {
  return file === undefined ? { code, message } : { code, message, file };
}

/** Turns anything thrown by a library into a value with a message, for the places that must catch. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}
