import { z } from 'zod';
import { seal, sealedSchema, unseal } from '../roster/sealing';

/**
 * The Headteacher's override PIN, kept only as a slow salted check: a fixed text sealed with the PIN (PBKDF2-SHA256,
 * 600,000 iterations, then AES-GCM), so testing a guess costs what unlocking the roster does, and the PIN itself is
 * never stored.
 */
export const MIN_PIN_LENGTH = 6;

const CHECK_TEXT = new TextEncoder().encode('checkpost headteacher override pin');

export const pinRecordSchema = z.object({ check: sealedSchema, setAt: z.iso.datetime() });
export type PinRecord = z.infer<typeof pinRecordSchema>;

const isRun = (pin: string): boolean => {
  const steps = Array.from(pin.slice(1), (c, i) => c.charCodeAt(0) - pin.charCodeAt(i));
  return steps.every((step) => step === steps[0]) && Math.abs(steps[0] ?? 0) <= 1;
};

/** Why a PIN is too easy to guess, or null when it will do. */
export function pinProblem(pin: string): string | null {
  if (pin.length < MIN_PIN_LENGTH) return `Choose a PIN of at least ${MIN_PIN_LENGTH} digits or characters.`;
  // 000000, 123456, 987654, aaaaaa: the first guesses anyone makes.
  if (isRun(pin)) return 'That PIN is one of the first anyone would guess: choose one without a repeated or running pattern.';
  return null;
}

export async function makePinRecord(pin: string, now: Date): Promise<PinRecord> {
  return { check: await seal(CHECK_TEXT, pin), setAt: now.toISOString() };
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  return (await unseal(record.check, pin)).ok;
}
