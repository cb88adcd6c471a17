import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../lib/roster/sealing';
import { ErrorMessage } from '../common/ErrorMessage';

export interface RosterPackProps {
  /** A roster is in use and unlocked: the ORM lead may export it. */
  canExport: boolean;
  /** This browser only ever imports packs (staff, the Headteacher): the section says so, not "for staff browsers". */
  importOnly: boolean;
  busy: boolean;
  /** What the last export or pack import did, in words. */
  note: string | null;
  onExport(packPassphrase: string): void;
  onImportPack(pack: File, packPassphrase: string): void;
}

/**
 * Roster packs: the ORM lead exports the roster as one encrypted, signed file; staff import it on their own browser
 * with the pack passphrase. The passphrase and the file are given to staff separately.
 */
export function RosterPack({ canExport, importOnly, busy, note, onExport, onImportPack }: RosterPackProps) {
  const [exportPassphrase, setExportPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [pack, setPack] = useState<File | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');

  const exportSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(exportPassphrase !== repeated);
    if (exportPassphrase === repeated) onExport(exportPassphrase);
  };
  const importSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pack !== null) onImportPack(pack, importPassphrase);
    setImportPassphrase('');
  };

  return (
    <section aria-labelledby="cp-pack-title">
      <h2 id="cp-pack-title">{importOnly ? 'Import the school’s roster pack' : 'Roster packs for staff browsers'}</h2>
      {canExport && (
        <form onSubmit={exportSubmit} aria-describedby="cp-pack-export-help">
          <p id="cp-pack-export-help">
            Export the roster in use as one encrypted file, signed with this school&rsquo;s key. Staff import it on their own browser with the pack passphrase; give them the file
            and the passphrase separately. At least {MIN_PASSPHRASE_LENGTH} characters.
          </p>
          <label>
            New pack passphrase
            <input type="password" required autoComplete="new-password" value={exportPassphrase} disabled={busy} onChange={(event) => setExportPassphrase(event.target.value)} />
          </label>
          <label>
            Repeat the new pack passphrase
            <input type="password" required autoComplete="new-password" value={repeated} disabled={busy} onChange={(event) => setRepeated(event.target.value)} />
          </label>
          <ErrorMessage>{mismatch ? 'The two passphrases are not the same: type it again in both.' : null}</ErrorMessage>
          <button type="submit" disabled={busy}>
            Export roster pack
          </button>
        </form>
      )}
      <form onSubmit={importSubmit} aria-describedby="cp-pack-import-help">
        <p id="cp-pack-import-help">
          {importOnly ? 'Choose' : 'Staff: import'} the roster pack the ORM lead gave you{importOnly ? ' and type its pack passphrase' : ''}. The first pack pins the school&rsquo;s
          signing key; a pack altered since, signed by another key, or older than the one in use is refused and the roster in use is kept.
        </p>
        <label>
          Roster pack file
          <input type="file" accept=".pack,application/json" disabled={busy} onChange={(event) => setPack(event.target.files?.[0] ?? null)} />
        </label>
        <label>
          Pack passphrase
          <input type="password" required autoComplete="current-password" value={importPassphrase} disabled={busy} onChange={(event) => setImportPassphrase(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || pack === null}>
          Import roster pack
        </button>
      </form>
      {note !== null && <p role="status">{note}</p>}
    </section>
  );
}
