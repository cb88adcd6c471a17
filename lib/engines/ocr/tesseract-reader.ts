import { createWorker, type Worker } from 'tesseract.js';
import { BUDGET_MS, untilAborted, within } from '../../deadlines';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../../errors';
import type { Box } from '../../geometry';
import type { GreyImage } from './grey-image';
import { encodePgm } from './pgm';
import type { OcrPaths, OcrWord } from './types';

/** Tesseract page segmentation modes used here: a sheet laid out in blocks, one block of text, one line of a name field. */
export type Layout = 'sheet' | 'block' | 'line';
const PAGE_SEG_MODE: Record<Layout, string> = { sheet: '3', block: '6', line: '7' };

/** A line as tesseract read it, in pixels of the image it was given. */
export interface ReadLine {
  words: OcrWord[];
  box: Box;
}

/**
 * One tesseract.js worker, created once and reused. Every call is bounded by its signal; a
 * recognise call cannot be interrupted, so one abandoned midway is left to finish, and ended
 * only if it hangs.
 */
export class TesseractReader {
  private worker: Promise<Result<Worker, CheckError>> | null = null;

  constructor(private readonly paths: OcrPaths) {}

  /** Starts the worker now rather than on the first read. */
  async start(): Promise<Result<void, CheckError>> {
    const worker = await this.ready();
    return worker.ok ? ok(undefined) : worker;
  }

  /** Ends the worker and starts a fresh one in the background, between photos; the next read waits for it. */
  renew(): void {
    void this.stop().then(() => this.start());
  }

  async read(image: GreyImage, layout: Layout, signal: AbortSignal): Promise<Result<ReadLine[], CheckError>> {
    const worker = await this.ready();
    if (!worker.ok) return worker;
    const job = worker.value
      .recognize(encodePgm(image) as unknown as Buffer, { tessedit_pageseg_mode: PAGE_SEG_MODE[layout] } as object, { blocks: true, text: false })
      .then((result) => ok(linesOf(result.data.blocks ?? [])))
      .catch((thrown: unknown) => err(checkError('engine_failed', `The text reader failed (${describeThrown(thrown)}), so the post was held. Try again.`)));
    const outcome = await untilAborted(job, signal, (running) => this.endIfHung(running));
    if (!outcome.ok && !signal.aborted) await this.stop();
    return outcome;
  }

  /**
   * An abandoned read is left to finish (a read takes well under a second, and restarting the
   * worker would cost the next photo half a second); one that never finishes has hung the worker,
   * which is then ended so the next read starts a fresh one.
   */
  private endIfHung(running: Promise<unknown>): void {
    const worker = this.worker;
    void within(BUDGET_MS.hungRead, 'A text read', () => running.then(() => ok(undefined))).then((settled) => {
      if (!settled.ok && this.worker === worker) void this.stop();
    });
  }

  /** Ends the worker; a later read starts a new one. */
  async stop(): Promise<void> {
    const pending = this.worker;
    this.worker = null;
    const worker = pending ? await pending : null;
    if (worker?.ok) await worker.value.terminate().catch(() => undefined);
  }

  private ready(): Promise<Result<Worker, CheckError>> {
    this.worker ??= this.create();
    return this.worker;
  }

  private async create(): Promise<Result<Worker, CheckError>> {
    const creating = createWorker('eng', 1, {
      workerPath: this.paths.workerPath,
      corePath: this.paths.corePath,
      langPath: this.paths.langPath,
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
      logger: () => undefined,
      errorHandler: () => undefined,
    }).then(async (worker) => {
      // Tesseract prints diagnostics ("Image too small to scale") to stderr unless sent elsewhere.
      await worker.setParameters({ debug_file: '/dev/null' });
      // A first tiny read loads the recogniser, so the first photo is not the slow one.
      await worker.recognize(encodePgm({ width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) }) as unknown as Buffer);
      return worker;
    });
    const outcome = await within(BUDGET_MS.engineLoad, 'Starting the text reader', () =>
      creating.then((worker) => ok(worker)).catch((thrown: unknown) => err(loadError(describeThrown(thrown)))),
    );
    if (!outcome.ok) {
      // A worker that turns up late is ended so it does not hold a thread.
      void creating.then((worker) => worker.terminate()).catch(() => undefined);
      this.worker = null;
      return outcome.error.code === 'timeout' ? err(loadError(`it did not start within ${Math.round(BUDGET_MS.engineLoad / 1000)} s`)) : outcome;
    }
    return outcome;
  }
}

interface RawWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface RawBlock {
  paragraphs: { lines: { words: RawWord[]; bbox: RawWord['bbox'] }[] }[];
}

function linesOf(blocks: unknown[]): ReadLine[] {
  return (blocks as RawBlock[]).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines
        .map((line) => ({
          box: boxOf(line.bbox),
          words: line.words.filter((word) => word.text.trim() !== '').map((word) => ({ text: word.text, confidence: word.confidence, box: boxOf(word.bbox) })),
        }))
        .filter((line) => line.words.length > 0),
    ),
  );
}

const boxOf = ({ x0, y0, x1, y1 }: RawWord['bbox']): Box => ({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });

const loadError = (detail: string): CheckError =>
  checkError('engine_load_failed', `The text reader could not start (${detail}), so photos cannot be checked for names. Reload the extension or reinstall Checkpost.`);
