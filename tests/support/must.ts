import type { CheckError, Result } from '../../lib/errors';

/** The value of a result a test expects to succeed; fails the test with the error's message otherwise. */
export function must<T>(result: Result<T, CheckError>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A signal that never aborts, for engine calls a test does not time. */
export const noDeadline = (): AbortSignal => new AbortController().signal;
