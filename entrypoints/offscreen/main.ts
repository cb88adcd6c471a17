import { browser } from 'wxt/browser';
import { MODELS_BUILD_DIR, type PackagedUrl } from '../../models/manifest';
import { checkError, err, ok, type CheckError, type Result } from '../../lib/errors';
import { createPostCheckService } from '../../lib/composer/post-check-service';
import { browserAnalysers } from '../../lib/engines/analysers-browser';
import { base64ToBytes } from '../../lib/base64';
import type { EngineState, EngineStatus } from '../../lib/messaging/protocol';
import { answerMessages, sendMessage } from '../../lib/messaging/runtime-browser';
import { BUDGET_MS } from '../../lib/deadlines';
import { createPhotoChecker } from '../../lib/pipeline/photo-checker';
import type { Roster } from '../../lib/roster/types';
import { loadRoster, type StoredRoster } from '../../lib/storage/roster-db-browser';
import { loadCommonWordsBrowser } from '../../lib/text/common-words-browser';

/** The extension's own copy of a packaged file (models/manifest.ts). */
const packaged: PackagedUrl = (path) => browser.runtime.getURL(`/${MODELS_BUILD_DIR}/${path}` as '/');

// The models load on the first photo (or the options page's import), never for a text-only post.
const analysers = browserAnalysers(packaged);
const photos = createPhotoChecker(analysers);
let engineState: EngineState = { state: 'idle' };

/** Both models, loading them if need be; the popup and options page read how that went. */
async function loadModels(): Promise<Result<{ modelId: string }, CheckError>> {
  const started = performance.now();
  if (engineState.state !== 'ready') engineState = { state: 'loading' };
  const failed = (error: CheckError) => {
    engineState = { state: 'failed', error };
    return err(error);
  };
  const [faces, ocr] = await Promise.all([analysers.faces(), analysers.ocr()]);
  if (!faces.ok) return failed(faces.error);
  if (!ocr.ok) return failed(ocr.error);
  if (engineState.state !== 'ready') engineState = { state: 'ready', modelId: faces.value.modelId, loadMs: Math.round(performance.now() - started) };
  return ok({ modelId: faces.value.modelId });
}

/** The roster, opened with the key the service worker holds in session storage (offscreen documents cannot read it). */
async function openRoster(): Promise<Result<StoredRoster, CheckError>> {
  const key = await sendMessage('rosterKey', null, { timeoutMs: BUDGET_MS.status, what: 'Reading the roster key' }, 'to_background');
  if (!key.ok) return key;
  return loadRoster(key.value === '' ? null : base64ToBytes(key.value));
}

let stored = openRoster();

/** The roster's templates are only comparable with the descriptor model that made them; the face engine's id says which that is. */
async function roster(): Promise<Result<Roster, CheckError>> {
  const record = await stored;
  if (!record.ok) return record;
  const faces = analysers.loaded().faces;
  // A roster without face matching has no templates to compare, whatever model is loaded.
  if (faces !== null && record.value.roster.templates.length > 0 && faces.modelId !== record.value.modelId) {
    return err(
      checkError('roster_invalid', "The roster was imported for a different version of Checkpost's face model. Import it again on the options page; until then posts are held."),
    );
  }
  return ok(record.value.roster);
}

/** Read once; text-only posts need only these and the roster, never the models. */
const commonWords = loadCommonWordsBrowser(packaged);

const service = createPostCheckService({ photos, roster, commonWords: () => commonWords });

async function status(): Promise<EngineStatus> {
  const record = await stored;
  if (!record.ok) return { engine: engineState, roster: null, locked: record.error.code === 'roster_locked' };
  const { people, templates } = record.value.roster;
  return {
    engine: engineState,
    roster: {
      csvName: record.value.csvName,
      importedAt: record.value.importedAt,
      people: people.length,
      pupils: people.filter((person) => person.role === 'pupil').length,
      enrolled: new Set(templates.map((template) => template.personId)).size,
      biometrics: record.value.roster.biometrics,
    },
    locked: false,
  };
}

answerMessages('to_offscreen', {
  async analyseImage(upload) {
    const loaded = await loadModels();
    return loaded.ok ? service.analyseImage(upload) : loaded;
  },
  checkPost: (request) => service.checkPost(request),
  engineStatus: status,
  awaitEngine: loadModels,
  enrolPhoto: async ({ fileName, base64 }) => photos.enrol(base64ToBytes(base64), fileName),
  reloadRoster: async () => {
    // Analyses are kept: they do not depend on the roster, so the next check re-judges them at once.
    stored = openRoster();
    return status();
  },
});
