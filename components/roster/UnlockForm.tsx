import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../common/ErrorMessage';

export interface UnlockFormProps {
  busy: boolean;
  /** Why the last attempt failed (a wrong passphrase), if it did. */
  error: string | null;
  onUnlock(passphrase: string): void;
}

/**
 * The roster passphrase, asked for once each time the browser starts: the roster is kept encrypted, and its key
 * lives only in memory once unlocked. The passphrase field is cleared after each attempt.
 */
export function UnlockForm({ busy, error, onUnlock }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return;
    onUnlock(passphrase);
    setPassphrase('');
  };
  return (
    <form onSubmit={submit} aria-labelledby="cp-unlock-title" aria-describedby="cp-unlock-help">
      <h2 id="cp-unlock-title">Unlock the roster</h2>
      <p id="cp-unlock-help">
        Checkpost keeps the pupil roster encrypted and locks it each time the browser starts. Until it is unlocked, every post is held. Ask the ORM lead if you do not know the
        passphrase.
      </p>
      <label>
        Roster passphrase
        <input type="password" autoComplete="current-password" value={passphrase} disabled={busy} onChange={(event) => setPassphrase(event.target.value)} />
      </label>
      <button type="submit" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      <ErrorMessage>{error}</ErrorMessage>
    </form>
  );
}
