import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { err, ok, type Result } from '../errors';

/**
 * Passphrase encryption for roster data (names, consents, face templates): AES-GCM-256 under a key derived with
 * PBKDF2-SHA256, 600,000 iterations as OWASP advises for it (about 0.2 s on a school laptop, once per unlock). The
 * key exists only in memory; what is stored is the salt, the nonce and the ciphertext. WebCrypto, in the browser and
 * in Node alike.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Short passphrases fall to guessing whatever the iteration count; 12 characters is the least the ORM lead may choose. */
export const MIN_PASSPHRASE_LENGTH = 12;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const sealedSchema = z.object({
  kdf: z.object({ name: z.literal('PBKDF2-SHA256'), iterations: z.int().min(PBKDF2_ITERATIONS).max(10_000_000), salt: base64 }),
  iv: base64,
  ciphertext: base64,
});

export type Sealed = z.infer<typeof sealedSchema>;

const encoder = new TextEncoder();

const randomBytes = (length: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(length));

const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Why a passphrase cannot protect roster data, or null when it can. */
export function passphraseProblem(passphrase: string): string | null {
  return passphrase.length >= MIN_PASSPHRASE_LENGTH
    ? null
    : `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few ordinary words strung together is easy to remember.`;
}

/**
 * Encrypts `plain` under the passphrase. `context` is authenticated but not encrypted (the pack's header), so it
 * cannot be changed without the ciphertext failing to open.
 */
export async function seal(plain: Uint8Array, passphrase: string, context: Uint8Array = new Uint8Array()): Promise<Sealed> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: buffer(context) }, key, buffer(plain));
  return {
    kdf: { name: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, salt: bytesToBase64(salt) },
    iv: bytesToBase64(iv),
    ciphertext: bytesToBase64(new Uint8Array(ciphertext)),
  };
}

/** The plain bytes, or 'wrong_passphrase' when the passphrase (or anything sealed with it) is not the one used. */
export async function unseal(sealed: Sealed, passphrase: string, context: Uint8Array = new Uint8Array()): Promise<Result<Uint8Array, 'wrong_passphrase'>> {
  const key = await passphraseKey(passphrase, base64ToBytes(sealed.kdf.salt), sealed.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buffer(base64ToBytes(sealed.iv)), additionalData: buffer(context) },
      key,
      buffer(base64ToBytes(sealed.ciphertext)),
    );
    return ok(new Uint8Array(plain));
  } catch {
    // AES-GCM tells a wrong key and altered bytes apart no better than this; a signature check comes first where it matters.
    return err('wrong_passphrase');
  }
}

/**
 * A stored roster is encrypted under its own random key (so it can be re-saved without the passphrase while the
 * browser is unlocked); that key is kept only sealed with the passphrase, and in memory once unlocked.
 */
export const newRosterKey = (): Uint8Array => randomBytes(32);

export const boxSchema = z.object({ iv: base64, ciphertext: base64 });

export type Box = z.infer<typeof boxSchema>;

const aesKey = (raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> => crypto.subtle.importKey('raw', buffer(raw), 'AES-GCM', false, [usage]);

export async function sealWithKey(plain: Uint8Array, key: Uint8Array): Promise<Box> {
  const iv = randomBytes(12);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(key, 'encrypt'), buffer(plain));
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

/** The plain bytes, or 'wrong_key' when the key is not the one sealed with (or the bytes were altered). */
export async function unsealWithKey(box: Box, key: Uint8Array): Promise<Result<Uint8Array, 'wrong_key'>> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buffer(base64ToBytes(box.iv)) }, await aesKey(key, 'decrypt'), buffer(base64ToBytes(box.ciphertext)));
    return ok(new Uint8Array(plain));
  } catch {
    return err('wrong_key');
  }
}
