import { checkError, err, ok, type CheckError, type Result } from '../../lib/errors';
import { createPostCheckService, type EngineParts } from '../../lib/composer/post-check-service';
import type { EngineState, EngineStatus } from '../../lib/messaging/protocol';
import { answerMessages } from '../../lib/messaging/runtime-browser';
import { withTimeout } from '../../lib/pipeline/with-timeout';
import type { Roster } from '../../lib/roster/types';
import { loadRoster, type StoredRoster } from '../../lib/storage/roster-db-browser';
import { base64ToBytes } from '../../lib/messaging/base64';
import { createEnrolPhoto } from '../../lib/roster/enrol-photo';
import { loadCommonWordsBrowser } from '../../lib/text/common-words-browser';
import { loadEngine } from './load-engine';

/** A cold load takes about 2 s here; far longer means it will not finish (e.g. wasm refused). */
const ENGINE_LOAD_TIMEOUT_MS = 30_000;

const loadStarted = performance.now();
let engineState: EngineState = { state: 'loading' };
const engine: Promise<Result<EngineParts, CheckError>> = withTimeout(loadEngine(), ENGINE_LOAD_TIMEOUT_MS, "Loading Checkpost's face and text models").then((loaded) => {
  engineState = loaded.ok
    ? { state: 'ready', modelId: loaded.value.faces.modelId, loadMs: Math.round(performance.now() - loadStarted) }
    : { state: 'failed', error: loaded.error.code === 'timeout' ? { ...loaded.error, code: 'engine_load_failed' } : loaded.error };
  return loaded.ok ? loaded : err(engineState.state === 'failed' ? engineState.error : loaded.error);
});

const readStoredRoster = async (): Promise<Result<StoredRoster, CheckError>> => {
  try {
    const stored = await loadRoster();
    if (stored !== null) return ok(stored);
    return err(
      checkError(
        'roster_missing',
        "No pupil roster has been imported into Checkpost yet, so it cannot check posts. Import the roster on Checkpost's options page (right-click the Checkpost icon, then Options).",
      ),
    );
  } catch (thrown) {
    return err(checkError('roster_missing', `Checkpost could not read its saved roster (${String(thrown)}). Import the roster again on the options page.`));
  }
};

let stored = readStoredRoster();

/** The roster's templates are only comparable with the descriptor model that made them. */
async function roster(): Promise<Result<Roster, CheckError>> {
  const record = await stored;
  if (!record.ok) return record;
  const loaded = await engine;
  if (loaded.ok && loaded.value.faces.modelId !== record.value.modelId) {
    return err(
      checkError(
        'roster_invalid',
        "The roster was imported for a different version of Checkpost's face model. Import it again on the options page; until then posts with photos are held.",
      ),
    );
  }
  return ok(record.value.roster);
}

/** Read once; text-only posts need only these and the roster, never the engine. */
const commonWords = loadCommonWordsBrowser();

const service = createPostCheckService({ engine: () => engine, roster, commonWords: () => commonWords });

async function status(): Promise<EngineStatus> {
  const record = await stored;
  if (!record.ok) return { engine: engineState, roster: null };
  const { people, templates } = record.value.roster;
  return {
    engine: engineState,
    roster: {
      csvName: record.value.csvName,
      importedAt: record.value.importedAt,
      people: people.length,
      pupils: people.filter((person) => person.role === 'pupil').length,
      enrolled: new Set(templates.map((template) => template.personId)).size,
    },
  };
}

answerMessages('to_offscreen', {
  analyseImage: (upload) => service.analyseImage(upload),
  checkPost: (request) => service.checkPost(request),
  engineStatus: status,
  awaitEngine: async () => {
    const loaded = await engine;
    return loaded.ok ? ok({ modelId: loaded.value.faces.modelId }) : loaded;
  },
  enrolPhoto: async ({ fileName, base64 }) => {
    const loaded = await engine;
    if (!loaded.ok) return loaded;
    return createEnrolPhoto(loaded.value.decode, loaded.value.faces)(base64ToBytes(base64), fileName);
  },
  reloadRoster: async () => {
    stored = readStoredRoster();
    service.forget();
    return status();
  },
});
