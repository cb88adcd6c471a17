import { useEffect, useRef } from 'react';
import type { PanelView } from '../../lib/composer/panel-view';
import { CheckingStatus } from './CheckingStatus';
import { MarkedPhoto } from './MarkedPhoto';
import { QuotedText } from './QuotedText';

export interface VerdictPanelProps {
  view: PanelView;
  /** Only offered on a warning: the person has looked and publishes anyway. */
  onPostAnyway(): void;
  /** Only offered when the check could not run. */
  onRetry(): void;
}

/**
 * Checkpost's panel beside a composer: what the check found, on which photo or in which words, and what to do.
 * A block offers no way past it; a warning needs an explicit "Post anyway".
 */
export function VerdictPanel({ view, onPostAnyway, onRetry }: VerdictPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const attention = view.kind === 'block' || view.kind === 'warn' || view.kind === 'cannot_check' || view.kind === 'hook_broken' ? view.attention : 0;
  const wantsFocus = view.kind === 'hook_broken' || ((view.kind === 'block' || view.kind === 'warn' || view.kind === 'cannot_check') && view.sendHeld);
  useEffect(() => {
    // A held Post press moves focus here, so keyboard and screen-reader users learn why nothing was sent.
    if (wantsFocus && attention > 0) headingRef.current?.focus();
  }, [attention, wantsFocus]);

  switch (view.kind) {
    case 'hidden':
      return null;
    case 'checking':
      return (
        <section className="cp-panel cp-panel-checking" aria-label="Checkpost">
          <CheckingStatus photos={view.photos} startedAt={view.startedAt} sendHeld={view.sendHeld} />
        </section>
      );
    case 'passed':
      return (
        <section className="cp-panel cp-panel-passed" aria-label="Checkpost">
          <p role="status" className="cp-passed">
            <span aria-hidden="true">✓ </span>
            Checked: nothing in {view.photos === 1 ? 'the photo' : `the ${view.photos} photos`} or the words breaks the school's policy.
          </p>
        </section>
      );
    case 'hook_broken':
      return (
        <section className="cp-panel cp-panel-hook_broken" aria-labelledby="cp-heading">
          <div role="alert">
            <h2 id="cp-heading" ref={headingRef} tabIndex={-1}>
              {view.headline}
            </h2>
            <p className="cp-advice">{view.advice}</p>
          </div>
        </section>
      );
    default:
      return (
        <section className={`cp-panel cp-panel-${view.kind}`} aria-labelledby="cp-heading">
          <div role="alert">
            <h2 id="cp-heading" ref={headingRef} tabIndex={-1}>
              {view.headline}
            </h2>
            {view.sendHeld && <p className="cp-held">Your post has not been sent.</p>}
          </div>
          {view.findings.length > 0 && (
            <ul className="cp-findings" aria-label="What Checkpost found">
              {view.findings.map((finding, index) => (
                <li key={index} className={`cp-finding cp-finding-${finding.severity}`}>
                  {finding.message}
                </li>
              ))}
            </ul>
          )}
          {view.problems.length > 0 && (
            <ul className="cp-problems" aria-label="What could not be checked">
              {view.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
          {view.quote !== null && <QuotedText segments={view.quote} />}
          {view.photos.length > 0 && (
            <div className="cp-photos">
              {view.photos.map((photo) => (
                <MarkedPhoto key={photo.index} photo={photo} />
              ))}
            </div>
          )}
          <p className="cp-advice">
            <strong>What to do: </strong>
            {view.advice}
          </p>
          {view.kind === 'warn' && (
            <div className="cp-actions">
              <button type="button" className="cp-button cp-button-warn" onClick={onPostAnyway}>
                Post anyway
              </button>
            </div>
          )}
          {view.kind === 'cannot_check' && (
            <div className="cp-actions">
              <button type="button" className="cp-button" onClick={onRetry}>
                Retry
              </button>
            </div>
          )}
        </section>
      );
  }
}
