import { checkError, err, ok, type CheckError, type Result } from '../errors';
import type { Analysers } from '../engines/analysers';

/**
 * Builds the enrolment step from the analysers. A reference photo must show exactly one face,
 * large enough to describe: with two faces there is no telling whose face the template would
 * be, and a wrong template could let a non-consented pupil pass.
 */
export function createEnrolPhoto(analysers: Pick<Analysers, 'decode' | 'faces'>) {
  return async (bytes: Uint8Array, fileName: string, signal: AbortSignal): Promise<Result<number[], CheckError>> => {
    const image = await analysers.decode(bytes, fileName);
    if (!image.ok) return image;
    const engine = await analysers.faces();
    if (!engine.ok) return engine;
    const analysis = await engine.value.analyse(image.value, signal);
    if (!analysis.ok) return err({ ...analysis.error, message: `${fileName}: ${analysis.error.message}`, file: fileName });

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
