import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { err, ok, type Result } from '../errors';
import { rosterSchema } from './roster-schema';
import { canonicalJson } from '../canonical-json';
import { passphraseProblem, seal, sealedSchema, unseal } from './sealing';
import type { Roster } from './types';

/**
 * A roster pack: the ORM lead's roster (names, consents, face templates) as one file for staff browsers and the CLI,
 * encrypted with the school's pack passphrase and signed with the school's signing key (ECDSA P-256). Staff pin the
 * signer's fingerprint on first import, so an altered pack, or one signed by anyone else, is refused; a pack older than
 * the one in use is refused too, so an old copy cannot bring back a withdrawn consent.
 */

const PACK_FORMAT = 'checkpost-roster-pack';
const KEY_FORMAT = 'checkpost-signing-key';
const SIGNING = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

const publicKeySchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });
type PublicKey = z.infer<typeof publicKeySchema>;

const headerSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  /** When the ORM lead made it (ISO 8601): a newer pack replaces an older one, never the other way round. */
  createdAt: z.iso.datetime(),
  signer: publicKeySchema,
});

const packSchema = headerSchema.extend({ sealed: sealedSchema, signature: z.string() });

/**
 * Inside the seal: people and the biometric record as in storage, templates compact (Float32 little-endian in base64,
 * all of the pack's one descriptor model), so 3,000 templates make a pack of a few megabytes that opens in well under a second.
 */
const payloadSchema = z.object({
  people: rosterSchema.shape.people,
  biometrics: rosterSchema.shape.biometrics,
  modelId: z.string(),
  csvName: z.string(),
  templates: z.array(z.object({ personId: z.string(), descriptor: z.string() })),
});

type Payload = z.infer<typeof payloadSchema>;

function descriptorToBase64(descriptor: readonly number[]): string {
  const bytes = new Uint8Array(descriptor.length * 4);
  const view = new DataView(bytes.buffer);
  descriptor.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytesToBase64(bytes);
}

function descriptorFromBase64(text: string): number[] {
  const bytes = base64ToBytes(text);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A plain loop: a pack of 1,500 pupils holds some 350,000 of these, and Array.from with a callback took a tenth of a second.
  const descriptor = new Array<number>(Math.floor(bytes.length / 4));
  for (let index = 0; index < descriptor.length; index += 1) descriptor[index] = view.getFloat32(index * 4, true);
  return descriptor;
}

const toPayload = ({ roster, modelId, csvName }: PackContents): Payload => ({
  people: roster.people,
  biometrics: roster.biometrics,
  modelId,
  csvName,
  templates: roster.templates.map(({ personId, descriptor }) => ({ personId, descriptor: descriptorToBase64(descriptor) })),
});

const fromPayload = ({ people, biometrics, modelId, csvName, templates }: Payload): PackContents => ({
  roster: { people, biometrics, templates: templates.map(({ personId, descriptor }) => ({ personId, modelId, descriptor: descriptorFromBase64(descriptor) })) },
  modelId,
  csvName,
});

/** What a pack carries: the roster as imported, the descriptor model its templates come from and the CSV it came from. */
export interface PackContents {
  roster: Roster;
  modelId: string;
  csvName: string;
}

export interface OpenedPack extends PackContents {
  createdAt: string;
  /** Fingerprint of the key that signed it, for staff browsers to pin. */
  signer: string;
}

export type PackErrorCode = 'not_a_pack' | 'altered' | 'other_signer' | 'wrong_passphrase' | 'older' | 'weak_passphrase';

export interface PackError {
  code: PackErrorCode;
  /** What went wrong and what to do, for whoever imports the pack. */
  message: string;
}

const packError = (code: PackErrorCode, message: string): PackError => ({ code, message });

const encoder = new TextEncoder();

/** A signing key file: the public key in the clear, the private key sealed with the ORM lead's passphrase. */
const keyFileSchema = z.object({ format: z.literal(KEY_FORMAT), version: z.literal(1), publicKey: publicKeySchema, privateKey: sealedSchema });

export interface SigningKey {
  publicKey: PublicKey;
  privateKey: CryptoKey;
}

const publicPart = ({ kty, crv, x, y }: JsonWebKey): PublicKey => publicKeySchema.parse({ kty, crv, x, y });

/** A short, readable fingerprint of a signing key (the first 80 bits of SHA-256 over its public key), e.g. for the ORM lead to read out. */
export async function fingerprint(publicKey: PublicKey): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(publicPart(publicKey)))));
  const hex = [...digest.subarray(0, 10)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)!.join('-');
}

/** Makes the school's signing key at first set-up; the file it returns keeps the private half sealed with `passphrase`. */
export async function createSigningKey(passphrase: string): Promise<Result<{ key: SigningKey; file: string }, PackError>> {
  const weak = passphraseProblem(passphrase);
  if (weak !== null) return err(packError('weak_passphrase', weak));
  const pair = await crypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const publicKey = publicPart(await crypto.subtle.exportKey('jwk', pair.publicKey));
  const privateJwk = encoder.encode(JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey)));
  const file = { format: KEY_FORMAT, version: 1, publicKey, privateKey: await seal(privateJwk, passphrase, encoder.encode(canonicalJson(publicKey))) };
  const privateKey = await crypto.subtle.importKey('jwk', JSON.parse(new TextDecoder().decode(privateJwk)) as JsonWebKey, SIGNING, false, ['sign']);
  return ok({ key: { publicKey, privateKey }, file: `${JSON.stringify(file, null, 2)}\n` });
}

/** The signing key from its file, or why not (not a key file, wrong passphrase). */
export async function openSigningKey(text: string, passphrase: string): Promise<Result<SigningKey, PackError>> {
  const parsed = keyFileSchema.safeParse(parseJson(text));
  if (!parsed.success) return err(packError('not_a_pack', 'This file is not a Checkpost signing key.'));
  const { publicKey, privateKey } = parsed.data;
  const opened = await unseal(privateKey, passphrase, encoder.encode(canonicalJson(publicKey)));
  if (!opened.ok) return err(packError('wrong_passphrase', 'The passphrase does not open this signing key. Check it and try again.'));
  const jwk = JSON.parse(new TextDecoder().decode(opened.value)) as JsonWebKey;
  return ok({ publicKey, privateKey: await crypto.subtle.importKey('jwk', jwk, SIGNING, false, ['sign']) });
}

const signedBytes = (pack: Omit<z.infer<typeof packSchema>, 'signature'>): Uint8Array<ArrayBuffer> => encoder.encode(canonicalJson(pack));

/** Seals and signs a roster as a pack file (JSON text). */
export async function makeRosterPack(contents: PackContents, passphrase: string, key: SigningKey, createdAt: Date): Promise<Result<string, PackError>> {
  const weak = passphraseProblem(passphrase);
  if (weak !== null) return err(packError('weak_passphrase', weak));
  const header = { format: PACK_FORMAT, version: 1, createdAt: createdAt.toISOString(), signer: key.publicKey } as const;
  if (contents.roster.templates.some((template) => template.modelId !== contents.modelId)) throw new Error("Every template in a pack comes from the pack's descriptor model.");
  const sealed = await seal(encoder.encode(JSON.stringify(toPayload(contents))), passphrase, encoder.encode(canonicalJson(header)));
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNATURE, key.privateKey, signedBytes({ ...header, sealed })));
  return ok(`${JSON.stringify({ ...header, sealed, signature: bytesToBase64(signature) })}\n`);
}

/** Which signer a browser or computer trusts for roster packs (pinned from the first pack read), and the date of the pack in use. */
export const packTrustSchema = z.object({ fingerprint: z.string(), createdAt: z.iso.datetime() });
export type PackTrust = z.infer<typeof packTrustSchema>;

export interface OpenPackOptions {
  /** The fingerprint this browser (or the CLI's --signer) trusts; absent on first import, when the pack's signer is pinned. */
  trustedSigner?: string;
  /** When the pack in use was made: an older pack is refused. */
  inUseCreatedAt?: string;
}

/**
 * Opens a pack: signature first (an altered file is refused before any decryption), then the signer against the one
 * trusted, then the passphrase, then the contents' schema, then the date against the pack in use. Never partly.
 */
export async function openRosterPack(text: string, passphrase: string, options: OpenPackOptions = {}): Promise<Result<OpenedPack, PackError>> {
  const parsed = packSchema.safeParse(parseJson(text));
  if (!parsed.success) return err(packError('not_a_pack', 'This file is not a Checkpost roster pack (or it was cut short). Ask the ORM lead for the pack file again.'));
  const { signature, ...signed } = parsed.data;
  const header = { format: signed.format, version: signed.version, createdAt: signed.createdAt, signer: signed.signer };
  const verifier = await crypto.subtle.importKey('jwk', signed.signer, SIGNING, false, ['verify']).catch(() => null);
  const genuine = verifier !== null && (await crypto.subtle.verify(SIGNATURE, verifier, new Uint8Array(base64ToBytes(signature)), signedBytes(signed)).catch(() => false));
  if (!genuine)
    return err(packError('altered', 'This roster pack has been changed since the ORM lead made it (its signature does not match), so it was refused. Ask for a fresh copy.'));
  const signer = await fingerprint(signed.signer);
  if (options.trustedSigner !== undefined && options.trustedSigner !== signer) {
    return err(
      packError(
        'other_signer',
        `This roster pack was signed by a key (${signer}) other than your school's (${options.trustedSigner}), so it was refused and the roster in use is unchanged. Ask the ORM lead.`,
      ),
    );
  }
  const opened = await unseal(signed.sealed, passphrase, encoder.encode(canonicalJson(header)));
  if (!opened.ok) return err(packError('wrong_passphrase', 'The passphrase does not open this roster pack. Check it with the ORM lead; the roster in use is unchanged.'));
  const contents = payloadSchema.safeParse(parseJson(new TextDecoder().decode(opened.value)));
  if (!contents.success) return err(packError('not_a_pack', 'This roster pack was made by a version of Checkpost this one cannot read. Update Checkpost, or ask the ORM lead.'));
  if (options.inUseCreatedAt !== undefined && signed.createdAt < options.inUseCreatedAt) {
    return err(
      packError(
        'older',
        `This roster pack was made on ${signed.createdAt.slice(0, 10)}, before the one in use (${options.inUseCreatedAt.slice(0, 10)}), so it was refused: an old pack could bring back a consent since withdrawn.`,
      ),
    );
  }
  return ok({ ...fromPayload(contents.data), createdAt: signed.createdAt, signer });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
