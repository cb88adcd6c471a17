import PQueue from 'p-queue';
import { abortError, BUDGET_MS, within } from '../deadlines';
import { err, type CheckError, type Result } from '../errors';
import type { Analysers } from '../engines/analysers';
import { createEnrolPhoto } from '../roster/enrol-photo';
import type { EnrolPhoto } from '../roster/types';
import { analyseImage } from './analyse-image';
import type { ImageAnalysis, PostImage } from './types';

/**
 * The one queue in front of the models: photo checks and roster enrolment take turns (the models
 * are not re-entrant, and two cores gain nothing from interleaving). Each job has a budget counted
 * from when it was asked for, and stops when it runs out, so the next photo does not wait on it.
 */
export interface PhotoChecker {
  readonly analysers: Analysers;
  /** Analyses one photo; its faces are described only when `matchFaces` (the roster in use has the school's biometric record). */
  analyse(image: PostImage, imageIndex: number, options: { matchFaces: boolean; signal?: AbortSignal }): Promise<Result<ImageAnalysis, CheckError>>;
  enrol: EnrolPhoto;
}

export function createPhotoChecker(analysers: Analysers, budgetMs: number = BUDGET_MS.check): PhotoChecker {
  const queue = new PQueue({ concurrency: 1 });
  const enrolNow = createEnrolPhoto(analysers);

  /** A job still waiting when its signal aborts leaves the queue (p-queue rejects it); one running stops itself. */
  const inTurn = <T>(signal: AbortSignal, work: () => Promise<Result<T, CheckError>>): Promise<Result<T, CheckError>> =>
    queue.add(work, { signal, throwOnTimeout: true }).catch(() => err(abortError(signal)));

  return {
    analysers,
    analyse: (image, imageIndex, { matchFaces, signal: parent }) =>
      within(budgetMs, `Checking ${image.name}`, (signal) => inTurn(signal, () => analyseImage(image, imageIndex, analysers, { matchFaces, signal })), parent),
    enrol: (bytes, fileName) => within(BUDGET_MS.enrolPhoto, `Checking ${fileName}`, (signal) => inTurn(signal, () => enrolNow(bytes, fileName, signal))),
  };
}
