import { checkError, err, type CheckError, type Result } from './errors';

/**
 * Every time budget Checkpost sets, in one place. A budget that runs out holds the post with a
 * message (fail closed); the work it bounded is told through its AbortSignal and stops.
 */
export const BUDGET_MS = {
  /** One post's check, and each photo in it: staff wait no longer than this for a verdict. */
  check: 20_000,
  /** Loading the face models or starting the OCR worker (about 1-2 s here; a refused wasm never finishes). */
  engineLoad: 30_000,
  /** Starting TensorFlow.js's wasm backend in the browser. */
  tfBackend: 15_000,
  /** The service worker's relay to the offscreen document: generous, the sender's own budget decides. */
  relay: 60_000,
  /** One reference photo of a roster import. */
  enrolPhoto: 30_000,
  /** The options page waiting for the models before an import. */
  engineWait: 60_000,
  /** The popup asking for the engine's status. */
  status: 15_000,
  /** Saving a verdict record for the popup: a courtesy that never holds anything up. */
  record: 5_000,
  /** A text read left to finish after its check gave up: still running after this, its worker has hung and is ended. */
  hungRead: 10_000,
} as const;

/** Why a check stopped: its budget ran out, or whoever asked for it gave up. Carried as the signal's reason. */
export const timeoutError = (what: string, ms: number): CheckError =>
  checkError('timeout', `${what} took longer than ${Math.round(ms / 1000)} s, so the post was held. Try again; if it keeps happening, restart the browser.`);

const cancelledError = (): CheckError => checkError('timeout', 'The check was stopped before it finished, so the post was held. Try again.');

/** The error to report for work stopped by `signal` (its reason when Checkpost aborted it). */
export function abortError(signal: AbortSignal): CheckError {
  const reason: unknown = signal.reason;
  // A DOMException has a numeric code; Checkpost's own reasons are CheckErrors with a string code.
  if (typeof reason === 'object' && reason !== null && 'code' in reason && typeof reason.code === 'string' && 'message' in reason) return reason as CheckError;
  return cancelledError();
}

/** Resolves with the abort error once `signal` aborts: for racing work that cannot itself be interrupted. */
function whenAborted(signal: AbortSignal): Promise<Result<never, CheckError>> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(err(abortError(signal)));
    else signal.addEventListener('abort', () => resolve(err(abortError(signal))), { once: true });
  });
}

/**
 * Runs `work` with a signal that aborts after `ms` (or when `parent` aborts) and answers by then
 * at the latest, even if the work ignores the signal (a refused wasm makes some loaders neither
 * resolve nor reject). Work that honours the signal stops and frees what it holds.
 */
export async function within<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<Result<T, CheckError>>, parent?: AbortSignal): Promise<Result<T, CheckError>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutError(what, ms)), ms);
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  try {
    return await Promise.race([work(controller.signal), whenAborted(controller.signal)]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}

/**
 * A new task on the event loop, so timers and messages queued meanwhile run first. A message on a
 * channel, not setTimeout(0): Chromium clamps nested timers to 4 ms and throttles them in hidden
 * documents such as the offscreen one.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Steps at least this far apart hand the thread back, so the budget's timer can fire during wasm work. */
const YIELD_EVERY_MS = 40;

/**
 * For long synchronous work (tfjs on wasm runs each model on the calling thread and resolves in
 * microtasks, so a timer never fires until it finishes): the returned step is awaited between
 * units of work. It gives the event loop a turn every few tens of milliseconds and throws the
 * signal's reason once it has aborted.
 */
export function checkpoints(signal: AbortSignal): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= YIELD_EVERY_MS) {
      await nextTask();
      last = performance.now();
    }
    signal.throwIfAborted();
  };
}

/**
 * Work that cannot be interrupted midway (a tesseract recognise call), raced against the signal.
 * When the signal wins, `abandoned` is given the work still running, to let it finish or end it.
 */
export async function untilAborted<T>(work: Promise<Result<T, CheckError>>, signal: AbortSignal, abandoned: (running: Promise<unknown>) => void): Promise<Result<T, CheckError>> {
  const outcome = await Promise.race([work, whenAborted(signal)]);
  if (!outcome.ok && signal.aborted) abandoned(work);
  return outcome;
}
