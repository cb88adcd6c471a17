import { beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey, makeRosterPack, openRosterPack, openSigningKey, type PackContents, type SigningKey } from '../../../lib/roster/roster-pack';
import { PBKDF2_ITERATIONS } from '../../../lib/roster/sealing';
import { aPerson, aRoster } from '../../support/builders';

const PASSPHRASE = 'hillcrest staff room kettle';
const ORM_PASSPHRASE = 'orm lead keeps this one';

const contents: PackContents = {
  roster: {
    ...aRoster(aPerson(), aPerson({ id: 'J999240119171', legalForename: 'Zoë', preferredForename: 'Zoë', surname: 'Lee' })),
    templates: [{ personId: 'A999240119000', modelId: 'm', descriptor: [0.5, -0.75, 0.25] }],
  },
  modelId: 'm',
  csvName: 'roster.csv',
};

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('roster packs', () => {
  let school: SigningKey;
  let keyFile: string;
  let other: SigningKey;
  let pack: string;

  beforeAll(async () => {
    ({ key: school, file: keyFile } = must(await createSigningKey(ORM_PASSPHRASE)));
    ({ key: other } = must(await createSigningKey(ORM_PASSPHRASE)));
    pack = must(await makeRosterPack(contents, PASSPHRASE, school, new Date('2026-09-07T08:00:00Z')));
  });

  it('opens with the pack passphrase to exactly the roster sealed, naming its signer', async () => {
    const opened = must(await openRosterPack(pack, PASSPHRASE));
    expect(opened).toMatchObject({ ...contents, createdAt: '2026-09-07T08:00:00.000Z' });
    expect(opened.signer).toMatch(/^([0-9A-F]{4}-){4}[0-9A-F]{4}$/);
    expect(must(await openRosterPack(pack, PASSPHRASE, { trustedSigner: opened.signer })).roster).toEqual(contents.roster);
  });

  it('keeps names and templates out of the file, with PBKDF2 at 600,000 iterations or more', () => {
    expect(pack).not.toMatch(/Hughes|A999240119000|descriptor|consents/);
    expect(JSON.parse(pack).sealed.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses a wrong passphrase', async () => {
    expect(await openRosterPack(pack, 'hillcrest staff room kettles')).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('refuses a pack altered anywhere: ciphertext, date or signer', async () => {
    const parsed = JSON.parse(pack);
    const flipped = parsed.sealed.ciphertext[10] === 'A' ? 'B' : 'A';
    const alterations = [
      { ...parsed, sealed: { ...parsed.sealed, ciphertext: parsed.sealed.ciphertext.slice(0, 10) + flipped + parsed.sealed.ciphertext.slice(11) } },
      { ...parsed, createdAt: '2027-09-07T08:00:00.000Z' },
      { ...parsed, signer: other.publicKey },
    ];
    for (const altered of alterations) {
      expect(await openRosterPack(JSON.stringify(altered), PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'altered' } });
    }
  });

  it('refuses a genuine pack signed by a key other than the one trusted', async () => {
    const trusted = must(await openRosterPack(pack, PASSPHRASE)).signer;
    const forged = must(await makeRosterPack(contents, PASSPHRASE, other, new Date('2026-10-01T08:00:00Z')));
    const refused = await openRosterPack(forged, PASSPHRASE, { trustedSigner: trusted });
    expect(refused).toMatchObject({ ok: false, error: { code: 'other_signer' } });
    if (!refused.ok) expect(refused.error.message).toContain(trusted);
  });

  it('refuses a pack older than the one in use, and takes the same or a newer one', async () => {
    expect(await openRosterPack(pack, PASSPHRASE, { inUseCreatedAt: '2026-10-01T08:00:00.000Z' })).toMatchObject({ ok: false, error: { code: 'older' } });
    expect((await openRosterPack(pack, PASSPHRASE, { inUseCreatedAt: '2026-09-07T08:00:00.000Z' })).ok).toBe(true);
    expect((await openRosterPack(pack, PASSPHRASE, { inUseCreatedAt: '2026-01-01T08:00:00.000Z' })).ok).toBe(true);
  });

  it('says a file that is not a pack is not one: garbage, cut short, or a key file', async () => {
    for (const text of ['', 'UPN,Legal Forename\n', pack.slice(0, pack.length / 2), keyFile]) {
      expect(await openRosterPack(text, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'not_a_pack' } });
    }
  });

  it('refuses a short passphrase for a pack or a signing key', async () => {
    expect(await makeRosterPack(contents, 'short', school, new Date())).toMatchObject({ ok: false, error: { code: 'weak_passphrase' } });
    expect(await createSigningKey('short')).toMatchObject({ ok: false, error: { code: 'weak_passphrase' } });
  });

  it('keeps the signing key sealed in its file: it opens only with the passphrase, and signs packs the same signer opens', async () => {
    expect(keyFile).not.toContain('"d"');
    expect(await openSigningKey(keyFile, 'not the orm passphrase')).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    const reopened = must(await openSigningKey(keyFile, ORM_PASSPHRASE));
    const trusted = must(await openRosterPack(pack, PASSPHRASE)).signer;
    const next = must(await makeRosterPack(contents, PASSPHRASE, reopened, new Date('2027-01-05T08:00:00Z')));
    expect(must(await openRosterPack(next, PASSPHRASE, { trustedSigner: trusted, inUseCreatedAt: '2026-09-07T08:00:00.000Z' })).createdAt).toBe('2027-01-05T08:00:00.000Z');
  });
});
