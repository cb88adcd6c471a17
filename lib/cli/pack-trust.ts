import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeThrown, err, ok, type Result } from '../errors';
import { packTrustSchema, type PackTrust } from '../roster/roster-pack';

/**
 * The CLI pins a roster pack's signer as a staff browser does: the first pack read on this computer (for this user)
 * names the school's key, and from then on a pack signed by another key, or older than the last one read, is
 * refused. Kept as a small JSON file, like ssh's known_hosts; `--signer` names a key explicitly instead.
 */
export function packTrustFile(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.CHECKPOST_CONFIG_DIR ??
    join(process.platform === 'win32' ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')) : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config')), 'checkpost');
  return join(base, 'roster-pack-trust.json');
}

/** The pinned signer, null before the first pack; a damaged file is an error, never "trust anyone". */
export async function readPackTrust(file = packTrustFile()): Promise<Result<PackTrust | null, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err(`The record of which roster pack signer this computer trusts (${file}) could not be read (${describeThrown(thrown)}).`);
  }
  try {
    const parsed = packTrustSchema.safeParse(JSON.parse(text));
    if (parsed.success) return ok(parsed.data);
  } catch {
    // Not JSON: damaged, as below.
  }
  return err(`The record of which roster pack signer this computer trusts (${file}) is damaged, so no pack is trusted. Delete it, then check again to trust the school's pack.`);
}

/** Records the signer and date of the pack just read; written whole, then moved into place, so it is never half-written. */
export async function writePackTrust(trust: PackTrust, file = packTrustFile()): Promise<Result<void, string>> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.new`, `${JSON.stringify(trust, null, 2)}\n`, { mode: 0o600 });
    await rename(`${file}.new`, file);
    return ok(undefined);
  } catch (thrown) {
    return err(`Checkpost could not record the roster pack's signer in ${file} (${describeThrown(thrown)}), so the next check will not know it.`);
  }
}
