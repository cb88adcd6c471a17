import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { initWasmBackend } from './backend';

/** The wasm binaries shipped by the installed @tensorflow/tfjs-backend-wasm (its dist folder). */
export function nodeWasmDir(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return `${dirname(entry)}/`;
}

type Listener = (...args: unknown[]) => void;
const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
const listenersOf = (event: (typeof EVENTS)[number]): Listener[] => process.listeners(event as 'uncaughtException') as Listener[];

/**
 * Initialises tfjs on the wasm backend in Node (no tfjs-node); safe to call any number of times.
 * The wasm glue (emscripten) installs process handlers that rethrow any uncaught error from inside its own
 * one-line minified source, so Node prints a megabyte of it; Node's default handling is the same without that.
 */
export async function initTfNode(): Promise<void> {
  const before = new Map(EVENTS.map((event) => [event, listenersOf(event)]));
  try {
    await initWasmBackend(nodeWasmDir());
  } finally {
    for (const event of EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
      }
    }
  }
}
