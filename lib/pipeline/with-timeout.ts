import { checkError, err, type CheckError, type Result } from '../errors';

/** Bounds a step that may hang (a refused wasm makes some loaders neither resolve nor reject). */
export async function withTimeout<T>(work: Promise<Result<T, CheckError>>, ms: number, what: string): Promise<Result<T, CheckError>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<T, CheckError>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(err(checkError('timeout', `${what} took longer than ${Math.round(ms / 1000)} s, so the post was held. Try again; if it keeps happening, restart the browser.`))),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
