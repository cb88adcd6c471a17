import type { CheckError, Result } from '../errors';
import type { PhotoBytes } from './engine-client';

/** File names of recently picked files, kept until their previews appear. */
const PICKED_KEPT = 16;

export interface MediaCacheDeps {
  /** Reads a preview's bytes (`blob:`/`data:` URL) in the page's origin. */
  readMedia(src: string): Promise<Result<Uint8Array, CheckError>>;
  hash(bytes: Uint8Array): Promise<string>;
  /** Starts the engine on a photo as soon as its bytes are known, so the verdict is ready by the time Post is pressed. */
  analyse(photo: PhotoBytes): Promise<Result<unknown, CheckError>>;
}

/** One preview's bytes as read: `result` is null until the read has finished. */
export interface MediaEntry {
  done: Promise<void>;
  result: Result<{ hash: string }, CheckError> | null;
}

export interface MediaCache {
  /** The preview at `src`, read once; `onRead` hears when a read finishes. */
  entry(src: string): MediaEntry;
  /** Files seen being attached (file input, paste, drop), with their names. */
  picked(files: { name: string; bytes: Uint8Array }[]): void;
  bytesOf(hash: string): Uint8Array | undefined;
  nameOf(hash: string): string | undefined;
  /** Forgets the previews no composer shows now, and their bytes: a morning of posting must not grow the page. */
  keepOnly(srcs: ReadonlySet<string>): void;
  /** Forgets failed reads, so Retry reads them again. */
  dropFailures(): void;
}

/** The photos composers show, by preview URL, and their bytes by SHA-256. Photos are read and sent for analysis once. */
export function createMediaCache(deps: MediaCacheDeps, onRead: (src: string) => void): MediaCache {
  const entries = new Map<string, MediaEntry>();
  const bytesByHash = new Map<string, Uint8Array>();
  const namesByHash = new Map<string, string>();
  /** Photos already sent to the engine: a picked file and its preview are usually the same bytes. */
  const sent = new Set<string>();

  const startAnalysis = (hash: string, bytes: Uint8Array) => {
    if (sent.has(hash)) return;
    sent.add(hash);
    void deps.analyse({ hash, name: namesByHash.get(hash) ?? 'photo', bytes }).then((result) => {
      // A failed head start is not remembered: the check itself sends the photo again.
      if (!result.ok) sent.delete(hash);
    });
  };

  const read = async (src: string, entry: MediaEntry) => {
    const bytes = await deps.readMedia(src);
    if (!bytes.ok) {
      entry.result = bytes;
      return;
    }
    const hash = await deps.hash(bytes.value);
    bytesByHash.set(hash, bytes.value);
    entry.result = { ok: true, value: { hash } };
    startAnalysis(hash, bytes.value);
  };

  return {
    entry(src) {
      const existing = entries.get(src);
      if (existing !== undefined) return existing;
      const entry: MediaEntry = { done: Promise.resolve(), result: null };
      entry.done = read(src, entry);
      entries.set(src, entry);
      void entry.done.then(() => onRead(src));
      return entry;
    },

    picked(files) {
      for (const file of files) {
        void deps.hash(file.bytes).then((hash) => {
          bytesByHash.set(hash, file.bytes);
          namesByHash.set(hash, file.name);
          startAnalysis(hash, file.bytes);
        });
      }
    },

    bytesOf: (hash) => bytesByHash.get(hash),
    nameOf: (hash) => namesByHash.get(hash),

    keepOnly(srcs) {
      for (const [src, entry] of entries) if (!srcs.has(src) && entry.result !== null) entries.delete(src);
      const shown = new Set([...entries.values()].flatMap((entry) => (entry.result?.ok ? [entry.result.value.hash] : [])));
      const recent = new Set([...namesByHash.keys()].slice(-PICKED_KEPT));
      for (const hash of bytesByHash.keys()) if (!shown.has(hash) && !recent.has(hash)) bytesByHash.delete(hash);
      for (const hash of namesByHash.keys()) if (!recent.has(hash)) namesByHash.delete(hash);
      for (const hash of sent) if (!shown.has(hash) && !recent.has(hash)) sent.delete(hash);
    },

    dropFailures() {
      for (const [src, entry] of entries) if (entry.result !== null && !entry.result.ok) entries.delete(src);
    },
  };
}
