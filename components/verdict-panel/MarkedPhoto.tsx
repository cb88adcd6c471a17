import type { PhotoView } from '../../lib/composer/panel-view';

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(2)}%`;

/** A photo's thumbnail with each face and each name that matters outlined and labelled. */
export function MarkedPhoto({ photo }: { photo: PhotoView }) {
  const marksList = photo.marks.map((mark) => mark.label).join('; ');
  return (
    <figure className="cp-photo">
      <div className="cp-photo-frame" style={{ aspectRatio: `${photo.width} / ${photo.height}` }}>
        {photo.src === null ? (
          <div className="cp-photo-missing" role="img" aria-label={`${photo.label}: ${marksList}`} />
        ) : (
          <img className="cp-photo-image" src={photo.src} alt={`${photo.label}: ${marksList}`} />
        )}
        {photo.marks.map((mark, index) => (
          <span
            key={index}
            className={`cp-mark cp-mark-${mark.kind} cp-mark-${mark.severity}`}
            aria-hidden="true"
            style={{
              left: percent(mark.box.x, photo.width),
              top: percent(mark.box.y, photo.height),
              width: percent(mark.box.width, photo.width),
              height: percent(mark.box.height, photo.height),
            }}
          >
            <span className="cp-mark-tag">{mark.tag}</span>
          </span>
        ))}
      </div>
      <figcaption>{photo.label}</figcaption>
    </figure>
  );
}
