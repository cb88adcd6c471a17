import type { PhotoView } from '../../lib/composer/panel-view';

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(2)}%`;

/** A photo's thumbnail with each face that matters outlined and numbered. */
export function MarkedPhoto({ photo }: { photo: PhotoView }) {
  const facesList = photo.faces.map((face) => face.label).join('; ');
  return (
    <figure className="cp-photo">
      <div className="cp-photo-frame" style={{ aspectRatio: `${photo.width} / ${photo.height}` }}>
        {photo.src === null ? (
          <div className="cp-photo-missing" role="img" aria-label={`${photo.label}: ${facesList}`} />
        ) : (
          <img className="cp-photo-image" src={photo.src} alt={`${photo.label}: ${facesList}`} />
        )}
        {photo.faces.map((face, index) => (
          <span
            key={index}
            className={`cp-face cp-face-${face.severity}`}
            aria-hidden="true"
            style={{
              left: percent(face.box.x, photo.width),
              top: percent(face.box.y, photo.height),
              width: percent(face.box.width, photo.width),
              height: percent(face.box.height, photo.height),
            }}
          >
            <span className="cp-face-number">{index + 1}</span>
          </span>
        ))}
      </div>
      <figcaption>{photo.label}</figcaption>
    </figure>
  );
}
