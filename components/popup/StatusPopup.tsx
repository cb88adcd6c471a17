import type { EngineStatus, VerdictRecord } from '../../lib/messaging/protocol';
import type { VerdictStatus } from '../../lib/pipeline/types';

export interface StatusPopupProps {
  /** Null while the engine is being asked. */
  status: EngineStatus | null;
  /** Why the status could not be read. */
  statusError: string | null;
  /** This tab's verdicts, newest first. */
  verdicts: VerdictRecord[];
}

const STATUS_WORDS: Record<VerdictStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  block: 'Blocked',
  cannot_check: 'Held: could not check',
};

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
export function StatusPopup({ status, statusError, verdicts }: StatusPopupProps) {
  return (
    <main className="cp-popup">
      <h1>Checkpost</h1>
      <p role="status">{engineLine(status, statusError)}</p>
      {status !== null && (
        <p>
          {status.roster === null
            ? 'No roster imported: every post is held. Import one in the options.'
            : `${status.roster.pupils} pupils on the roster; ${status.roster.enrolled} with a face template (${status.roster.csvName}).`}
        </p>
      )}
      <h2>On this tab</h2>
      {verdicts.length === 0 ? (
        <p>No posts checked on this tab yet.</p>
      ) : (
        <ol className="cp-verdicts" aria-label="Latest verdicts on this tab, newest first">
          {verdicts.map((verdict, index) => (
            <li key={`${verdict.at}-${index}`} className={`cp-verdict cp-verdict-${verdict.status}`}>
              <strong>{STATUS_WORDS[verdict.status]}</strong> <time dateTime={new Date(verdict.at).toISOString()}>{new Date(verdict.at).toLocaleTimeString()}</time>
              {verdict.photos > 0 && ` · ${verdict.photos === 1 ? '1 photo' : `${verdict.photos} photos`}`}
              <div>{verdict.summary}</div>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
