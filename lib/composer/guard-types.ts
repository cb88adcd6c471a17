import type { CheckError, Result } from '../errors';
import type { PageAuditEvent, VerdictRecord } from '../messaging/protocol';
import type { Composer, ComposerAdapter } from './adapter';
import type { EngineClient } from './engine-client';
import type { PanelStore } from './panel-store';
import type { SendAttempt, SendDecision } from './send-gate-browser';

/** Where panels live on the page; the guard only says which composer needs one. */
export interface PanelHost {
  attach(id: string, root: Element): void;
  detach(id: string): void;
}

export interface GuardDeps {
  document: Document;
  adapter: ComposerAdapter;
  engine: EngineClient;
  /** Reads a preview's bytes (`blob:`/`data:` URL) in the page's origin. */
  readMedia(src: string): Promise<Result<Uint8Array, CheckError>>;
  hash(bytes: Uint8Array): Promise<string>;
  panels: PanelStore;
  host: PanelHost;
  /** Presses the composer's Post button once (the send gate's release). */
  release(composer: Composer): boolean;
  record(record: VerdictRecord): void;
  /** For the audit log: a warning accepted with "Post anyway", a post let through to the site. */
  audit(event: PageAuditEvent): void;
  /** The extension was updated or removed under this page: nothing can be checked any more. */
  orphaned(): CheckError | null;
  now(): number;
  later(work: () => void, ms: number): void;
}

export interface ComposerGuard {
  decide(attempt: SendAttempt): SendDecision;
  /** Re-reads the page's composers; call after the page changed (throttled by the caller). */
  scan(): void;
  /** Files seen being attached (file input, paste, drop): analysed before the site shows them. */
  filesAdded(files: { name: string; bytes: Uint8Array }[]): void;
  postAnyway(id: string): void;
  retry(id: string): void;
  /** A new roster was imported: every verdict held was judged against the old one. */
  rosterChanged(): void;
}
