import { describe, expect, it } from 'vitest';
import { createEngineClient, type Send } from '../../../lib/composer/engine-client';
import { checkError, err, ok } from '../../../lib/errors';
import { base64ToBytes } from '../../../lib/base64';
import type { MessageType, PostCheckRequest, RequestOf } from '../../../lib/messaging/protocol';
import type { Verdict } from '../../../lib/pipeline/types';

const pass: Verdict = { status: 'pass', findings: [], errors: [] };
const request: PostCheckRequest = { platform: 'x', text: 'Hi', images: [{ hash: 'h1', name: 'a.jpg' }], errors: [] };

/** A transport that plays the engine's part: it forgets photos until they are uploaded. */
function engineTransport(options: { failUpload?: boolean } = {}) {
  const held = new Set<string>();
  const calls: { type: MessageType; request: unknown }[] = [];
  const send: Send = async <K extends MessageType>(type: K, message: RequestOf<K>) => {
    calls.push({ type, request: message });
    if (type === 'analyseImage') {
      const upload = message as RequestOf<'analyseImage'>;
      if (options.failUpload) return ok(err(checkError('engine_load_failed', 'The models did not load.'))) as never;
      held.add(upload.hash);
      return ok(ok({ faces: base64ToBytes(upload.base64).length, ms: 1 })) as never;
    }
    const post = message as PostCheckRequest;
    const missing = post.images.map((image) => image.hash).filter((hash) => !held.has(hash));
    return ok(missing.length > 0 ? { kind: 'missing', hashes: missing } : { kind: 'checked', verdict: pass, photos: [] }) as never;
  };
  return { send, calls };
}

describe('engine client', () => {
  it('re-sends the photos a restarted engine no longer holds, then returns its verdict', async () => {
    const transport = engineTransport();
    const client = createEngineClient(transport.send);
    const outcome = await client.check(request, () => new Uint8Array([7, 8, 9]));
    expect(outcome.verdict).toEqual(pass);
    expect(transport.calls.map((call) => call.type)).toEqual(['checkPost', 'analyseImage', 'checkPost']);
    expect(transport.calls[1]?.request).toMatchObject({ hash: 'h1', name: 'a.jpg', base64: 'BwgJ' });
  });

  it('holds the post when a photo is no longer available to re-send', async () => {
    const outcome = await createEngineClient(engineTransport().send).check(request, () => undefined);
    expect(outcome.verdict.status).toBe('cannot_check');
    expect(outcome.verdict.errors[0]?.code).toBe('file_unreadable');
  });

  it('holds the post with the engine’s own reason when the re-sent photo cannot be analysed', async () => {
    const outcome = await createEngineClient(engineTransport({ failUpload: true }).send).check(request, () => new Uint8Array([1]));
    expect(outcome.verdict).toEqual({ status: 'cannot_check', findings: [], errors: [checkError('engine_load_failed', 'The models did not load.')] });
  });

  it('turns a failed exchange (timeout, engine gone) into a held verdict', async () => {
    const send: Send = async () => err(checkError('timeout', 'Checking the post took longer than 20 s.'));
    const outcome = await createEngineClient(send).check(request, () => new Uint8Array([1]));
    expect(outcome).toEqual({ photos: [], verdict: { status: 'cannot_check', findings: [], errors: [checkError('timeout', 'Checking the post took longer than 20 s.')] } });
  });
});
