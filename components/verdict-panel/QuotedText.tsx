import { useId } from 'react';
import type { QuoteSegment } from '../../lib/composer/panel-view';
import type { Severity } from '../../lib/pipeline/types';

/** Said after each highlighted run, for screen readers that do not announce highlighting. */
const SPOKEN: Record<Severity, string> = { block: ' (must change)', warn: ' (check this)' };

/** The post's words as typed, with the words Checkpost found something in highlighted. */
export function QuotedText({ segments }: { segments: QuoteSegment[] }) {
  const captionId = useId();
  return (
    <figure className="cp-quote" aria-labelledby={captionId}>
      <figcaption id={captionId}>In the post's text:</figcaption>
      <blockquote>
        {segments.map((segment, index) =>
          segment.severity === null ? (
            <span key={index}>{segment.text}</span>
          ) : (
            <mark key={index} className={`cp-words cp-words-${segment.severity}`}>
              {segment.text}
              <span className="cp-sr-only">{SPOKEN[segment.severity]}</span>
            </mark>
          ),
        )}
      </blockquote>
    </figure>
  );
}
