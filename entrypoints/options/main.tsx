import '../../components/extension-pages.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RosterImport } from '../../components/options/RosterImport';
import { BUDGET_MS } from '../../lib/deadlines';
import { describeThrown, type CheckError, type Result } from '../../lib/errors';
import { bytesToBase64 } from '../../lib/base64';
import type { RosterSummary } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/runtime-browser';
import { importRoster } from '../../lib/roster/import-roster';
import type { BiometricRecord } from '../../lib/roster/biometrics';
import type { EnrolPhoto, ImportReport } from '../../lib/roster/types';
import { eraseRoster, loadRoster, saveRoster, type StoredRoster } from '../../lib/storage/roster-db-browser';
import { rosterVersion } from '../../lib/storage/items-browser';
import { pickedPhotoReader } from './picked-photos';

const flatten = <T,>(reply: Result<Result<T, CheckError>, CheckError>): Result<T, CheckError> => (reply.ok ? reply.value : reply);

function OptionsPage() {
  const [current, setCurrent] = useState<RosterSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('engineStatus', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Reading the roster in use' }).then((status) => {
      if (status.ok) setCurrent(status.value.roster);
    });
  }, []);

  /** Has the engine read the stored roster again (or find none), and open composers judge their posts again. */
  const announceRosterChange = async (): Promise<void> => {
    const status = await sendMessage('reloadRoster', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Switching to the roster as it now is' });
    // Open composers drop verdicts judged against the old roster once the engine has the new one.
    await rosterVersion.setValue(new Date().toISOString());
    if (status.ok) setCurrent(status.value.roster);
    else setError(`The change was saved, but Checkpost could not take it up yet (${status.error.message}). Restart the browser to use it.`);
  };

  /** Saves a roster record, then has the engine and open composers switch to it. */
  const switchTo = async (record: StoredRoster): Promise<boolean> => {
    const saved = await saveRoster(record);
    if (!saved.ok) {
      setError(saved.error.message);
      return false;
    }
    await announceRosterChange();
    return true;
  };

  const whileBusy = async (work: () => Promise<void>, failure: string) => {
    setBusy(true);
    setReport(null);
    setError(null);
    try {
      await work();
    } catch (thrown) {
      setError(`${failure} (${describeThrown(thrown)}). Nothing was changed; try again.`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onImport = (csv: File, photos: File[], biometrics: BiometricRecord | null) =>
    whileBusy(async () => {
      let enrolment;
      // No face template, and no face model loaded, unless the school has recorded its DPIA and notice to parents.
      if (biometrics !== null) {
        setProgress('Loading the face models…');
        const engine = flatten(await sendMessage('awaitEngine', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Loading the face models' }));
        if (!engine.ok) return setError(engine.error.message);
        let enrolled = 0;
        // Enrolment runs in the offscreen document, where the models already are; only one photo crosses at a time.
        const enrolPhoto: EnrolPhoto = async (bytes, fileName) => {
          enrolled += 1;
          setProgress(`Checking reference photo ${enrolled}: ${fileName}`);
          return flatten(await sendMessage('enrolPhoto', { fileName, base64: bytesToBase64(bytes) }, { timeoutMs: BUDGET_MS.enrolPhoto, what: `Checking ${fileName}` }));
        };
        enrolment = { enrolPhoto, modelId: engine.value.modelId, biometrics };
      }
      setProgress('Reading the roster…');
      const result = await importRoster({
        csv: new Uint8Array(await csv.arrayBuffer()),
        csvName: csv.name,
        readPhoto: pickedPhotoReader(photos),
        ...(enrolment ? { enrolment } : {}),
      });
      if (result.roster === null) return setReport(result.report);
      setProgress('Saving the roster…');
      const modelId = enrolment?.modelId ?? '';
      // "Roster imported" only once it is saved: closing the page earlier would otherwise lose it.
      if (await switchTo({ roster: result.roster, modelId, csvName: csv.name, importedAt: new Date().toISOString(), report: result.report })) setReport(result.report);
    }, 'The import stopped');

  const onFaceMatchingOff = () =>
    whileBusy(async () => {
      const stored = await loadRoster();
      if (!stored.ok) return setError(stored.error.message);
      setProgress('Deleting every face template…');
      await switchTo({ ...stored.value, roster: { ...stored.value.roster, templates: [], biometrics: null } });
    }, 'Face matching could not be turned off');

  const onErase = () =>
    whileBusy(async () => {
      setProgress('Erasing the roster…');
      const erased = await eraseRoster();
      if (!erased.ok) return setError(erased.error.message);
      await announceRosterChange();
      // Gone from this computer whether or not the engine has heard yet.
      setCurrent(null);
    }, 'The roster could not be erased');

  return (
    <RosterImport
      current={current}
      busy={busy}
      progress={progress}
      report={report}
      error={error}
      onImport={(csv, photos, biometrics) => void onImport(csv, photos, biometrics)}
      onFaceMatchingOff={() => void onFaceMatchingOff()}
      onErase={() => void onErase()}
    />
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<OptionsPage />);
