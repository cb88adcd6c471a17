import { checkError, describeThrown, err, ok, type Result } from '../errors';
import type { FaceAnalysis, FaceEngine } from '../engines/face/types';
import type { DecodedImage, ImageDecoder } from '../engines/image/types';
import type { EnrolPhoto } from './types';

/**
 * Builds the enrolment step from a decoder and a face engine. A reference photo must show
 * exactly one face, large enough to describe: with two faces there is no telling whose face
 * the template would be, and a wrong template could let a non-consented pupil pass.
 */
export function createEnrolPhoto(decode: ImageDecoder, engine: FaceEngine): EnrolPhoto {
  return async (bytes, fileName) => {
    const image = await decode(bytes, fileName);
    if (!image.ok) return image;

    const analysis = await analyse(engine, image.value, fileName);
    if (!analysis.ok) return analysis;

    const faces = analysis.value.faces;
    const [face, ...others] = faces;
    if (face === undefined) {
      return err(checkError('enrol_no_face', `No face found in ${fileName}. Use a clear, front-facing photo of this person.`, fileName));
    }
    if (others.length > 0) {
      return err(checkError('enrol_many_faces', `${faces.length} faces found in ${fileName}. Use a photo of this person alone.`, fileName));
    }
    if (face.descriptor === null) {
      return err(
        checkError('enrol_face_too_small', `The face in ${fileName} is too small to recognise. Use a closer photo in which the face fills more of the picture.`, fileName),
      );
    }
    return ok(Array.from(face.descriptor));
  };
}

/** The engine may throw (e.g. a wasm failure); that is this photo's error, not the import's crash. */
async function analyse(engine: FaceEngine, image: DecodedImage, fileName: string): Promise<Result<FaceAnalysis>> {
  try {
    return ok(await engine.analyse(image));
  } catch (thrown) {
    return err(
      checkError(
        'engine_failed',
        `The face model could not analyse ${fileName} (${describeThrown(thrown)}). ` + 'Import the roster again; if it keeps failing, replace the photo.',
        fileName,
      ),
    );
  }
}
