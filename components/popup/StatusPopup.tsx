import type { ErrorCode } from '../../lib/errors';
import type { EngineStatus, VerdictRecord } from '../../lib/messaging/protocol';
import type { VerdictStatus } from '../../lib/pipeline/types';
import { rules } from '../../lib/rules';
import { ErrorMessage } from '../common/ErrorMessage';
import { UnlockForm } from '../roster/UnlockForm';

export interface StatusPopupProps {
  /** Null while the engine is being asked. */
  status: EngineStatus | null;
  /** Why the status could not be read. */
  statusError: string | null;
  /** This tab's verdicts, newest first. */
  verdicts: VerdictRecord[];
  /** Why this tab's verdicts could not be read (the list is then empty). */
  verdictsError: string | null;
  /** The roster passphrase typed while the roster is locked. */
  onUnlock(passphrase: string): void;
  unlocking: boolean;
  unlockError: string | null;
}

const STATUS_WORDS: Record<VerdictStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  block: 'Blocked',
  cannot_check: 'Held: could not check',
};

/** What stopped a check, in the words of the popup's short list (the panel on the page said it in full). */
const ERROR_WORDS: Record<ErrorCode, string> = {
  image_empty: 'A photo was empty',
  image_unsupported: 'A photo was in a format Checkpost cannot read',
  image_heic: 'A photo was in HEIC format',
  image_corrupt: 'A photo was damaged',
  image_too_large: 'A photo was too large to check',
  engine_load_failed: 'The face and text models did not load',
  engine_failed: 'The checking engine failed',
  timeout: 'The check took too long',
  roster_invalid: 'The roster could not be used',
  roster_missing: 'No roster was imported',
  roster_locked: 'The roster was locked',
  file_unreadable: 'A file could not be read',
  enrol_no_face: 'A reference photo showed no face',
  enrol_many_faces: 'A reference photo showed several faces',
  enrol_face_too_small: 'A reference photo’s face was too small',
};

const TITLES = new Map(rules.map((rule) => [rule.id, rule.title]));

const times = (count: number) => (count === 1 ? '' : ` (${count} times)`);

/** One line per rule broken and per thing that stopped the check: never the post's words or anyone's name. */
function reasons(verdict: VerdictRecord): string[] {
  if (verdict.postHash === null) return ['Checked by an earlier version of Checkpost, which kept no reasons.'];
  const found = [
    ...verdict.rules.map(({ ruleId, count }) => `${TITLES.get(ruleId) ?? `A check this version does not know (${ruleId})`}${times(count)}`),
    ...verdict.errors.map(({ code, count }) => `${ERROR_WORDS[code]}${times(count)}`),
  ];
  return found.length > 0 ? found : ['Nothing in this post breaks the policy.'];
}

function engineLine(status: EngineStatus | null, statusError: string | null): string {
  if (statusError !== null) return statusError;
  if (status === null) return 'Asking the checking engine…';
  switch (status.engine.state) {
    case 'idle':
      return 'Face and text models: they load when the first photo is checked.';
    case 'loading':
      return 'Face and text models: loading…';
    case 'ready':
      return `Face and text models: ready (loaded in ${(status.engine.loadMs / 1000).toFixed(1)} s).`;
    case 'failed':
      return `Face and text models: not working. ${status.engine.error.message}`;
  }
}

/** The toolbar popup: are the models ready, who is enrolled, what happened on this tab. */
export function StatusPopup({ status, statusError, verdicts, verdictsError, onUnlock, unlocking, unlockError }: StatusPopupProps) {
  return (
    <main className="cp-popup">
      <h1>Checkpost</h1>
      <p role="status">{engineLine(status, statusError)}</p>
      {status?.locked === true && <UnlockForm busy={unlocking} error={unlockError} onUnlock={onUnlock} />}
      {status !== null && !status.locked && (
        <p>
          {status.roster === null
            ? 'Not set up yet: every post is held. Open the options (right-click the Checkpost icon) and follow the steps; staff import the roster pack the ORM lead gives them.'
            : status.roster.biometrics === null
              ? `${status.roster.pupils} pupils on the roster (${status.roster.csvName}). Face matching is off: staff check every face by hand.`
              : `${status.roster.pupils} pupils on the roster; ${status.roster.enrolled} with a face template (${status.roster.csvName}).`}
        </p>
      )}
      <h2>On this tab</h2>
      <ErrorMessage>{verdictsError}</ErrorMessage>
      {verdicts.length === 0 ? (
        verdictsError === null && <p>No posts checked on this tab yet.</p>
      ) : (
        <ol className="cp-verdicts" aria-label="Latest verdicts on this tab, newest first">
          {verdicts.map((verdict, index) => (
            <li key={`${verdict.at}-${index}`} className={`cp-verdict cp-verdict-${verdict.status}`}>
              <strong>{STATUS_WORDS[verdict.status]}</strong> <time dateTime={new Date(verdict.at).toISOString()}>{new Date(verdict.at).toLocaleTimeString('en-GB')}</time>
              {verdict.photos > 0 && ` · ${verdict.photos === 1 ? '1 photo' : `${verdict.photos} photos`}`}
              {verdict.postHash !== null && ` · post ${verdict.postHash.slice(0, 8)}`}
              <ul>
                {reasons(verdict).map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
