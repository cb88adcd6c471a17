import '../../components/extension-pages.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RosterImport } from '../../components/options/RosterImport';
import { BUDGET_MS } from '../../lib/deadlines';
import { describeThrown, ok, type CheckError, type Result } from '../../lib/errors';
import { bytesToBase64 } from '../../lib/base64';
import type { EngineStatus, RosterSummary } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/runtime-browser';
import { importRoster } from '../../lib/roster/import-roster';
import type { BiometricRecord } from '../../lib/roster/biometrics';
import type { EnrolPhoto, ImportReport } from '../../lib/roster/types';
import { eraseRoster, hasSavedRoster, loadRoster, newRosterAccess, saveRoster, unlockRoster, type RosterAccess, type StoredRoster } from '../../lib/storage/roster-db-browser';
import { forgetRosterKey, rememberRosterKey, sessionAccess, unlockWithPassphrase } from '../../lib/storage/roster-lock-browser';
import { UnlockForm } from '../../components/roster/UnlockForm';
import { RosterPack } from '../../components/options/RosterPack';
import { diffRosters, formatRosterDiff } from '../../lib/roster/roster-diff';
import { exportRosterPack, forgetPackSigner, openPackForImport, rememberPackSigner } from '../../lib/storage/roster-pack-browser';
import { rosterVersion } from '../../lib/storage/items-browser';
import { pickedPhotoReader } from './picked-photos';

const flatten = <T,>(reply: Result<Result<T, CheckError>, CheckError>): Result<T, CheckError> => (reply.ok ? reply.value : reply);

function OptionsPage() {
  const [current, setCurrent] = useState<RosterSummary | null>(null);
  /** Null until known: whether a roster is saved at all, and whether this browser session has unlocked it. */
  const [saved, setSaved] = useState<{ any: boolean; unlocked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [packNote, setPackNote] = useState<string | null>(null);
  const [changes, setChanges] = useState<string[] | null>(null);

  useEffect(() => {
    void sendMessage('engineStatus', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Reading the roster in use' }).then((status) => {
      if (status.ok) setCurrent(status.value.roster);
    });
    void readSaved();
  }, []);

  /** Read here, not from the engine: the page must know, even if the engine does not answer, whether a roster is saved. */
  const readSaved = async () => {
    const any = await hasSavedRoster();
    setSaved({ any, unlocked: any && (await sessionAccess()).ok });
  };

  const showStatus = (status: EngineStatus) => {
    setCurrent(status.roster);
    void readSaved();
  };

  /** What the engine said once it read the stored roster again (or found none). */
  const announceRosterChange = (status: Result<EngineStatus, CheckError>): void => {
    if (status.ok) showStatus(status.value);
    else setError(`The change was saved, but Checkpost could not take it up yet (${status.error.message}). Restart the browser to use it.`);
  };

  /** Seals and saves a roster record, then has the engine (given the key) and open composers switch to it; says what changed. */
  const switchTo = async (record: StoredRoster, access: RosterAccess): Promise<boolean> => {
    const before = await loadRoster(access.key);
    const saved = await saveRoster(record, access);
    if (!saved.ok) {
      setError(saved.error.message);
      return false;
    }
    announceRosterChange(await rememberRosterKey(access));
    setChanges(before.ok ? formatRosterDiff(diffRosters(before.value.roster, record.roster)) : null);
    return true;
  };

  const whileBusy = async (work: () => Promise<void>, failure: string) => {
    setBusy(true);
    setReport(null);
    setError(null);
    setPackNote(null);
    setChanges(null);
    try {
      await work();
    } catch (thrown) {
      setError(`${failure} (${describeThrown(thrown)}). Nothing was changed; try again.`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onImport = (csv: File, photos: File[], biometrics: BiometricRecord | null, passphrase: string) =>
    whileBusy(async () => {
      // A first import sets the roster passphrase; a later one must be given it.
      const access = saved?.any === false ? ok(await newRosterAccess(passphrase)) : await unlockRoster(passphrase);
      if (!access.ok) return setError(access.error.message);
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
      const record = { roster: result.roster, modelId, csvName: csv.name, importedAt: new Date().toISOString(), report: result.report };
      if (await switchTo(record, access.value)) setReport(result.report);
    }, 'The import stopped');

  const onFaceMatchingOff = () =>
    whileBusy(async () => {
      const access = await sessionAccess();
      if (!access.ok) return setError(access.error.message);
      const stored = await loadRoster(access.value.key);
      if (!stored.ok) return setError(stored.error.message);
      setProgress('Deleting every face template…');
      await switchTo({ ...stored.value, roster: { ...stored.value.roster, templates: [], biometrics: null } }, access.value);
    }, 'Face matching could not be turned off');

  const onErase = () =>
    whileBusy(async () => {
      setProgress('Erasing the roster…');
      const erased = await eraseRoster();
      if (!erased.ok) return setError(erased.error.message);
      await Promise.all([forgetRosterKey(), forgetPackSigner()]);
      announceRosterChange(await sendMessage('reloadRoster', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Switching to no roster' }));
      // Open composers drop verdicts judged against the erased roster.
      await rosterVersion.setValue(new Date().toISOString());
      // Gone from this computer whether or not the engine has heard yet.
      setCurrent(null);
    }, 'The roster could not be erased');

  const onExport = (packPassphrase: string) =>
    whileBusy(async () => {
      const access = await sessionAccess();
      if (!access.ok) return setError(access.error.message);
      setProgress('Sealing and signing the roster pack…');
      const exported = await exportRosterPack(access.value, packPassphrase, new Date());
      if (!exported.ok) return setError(exported.error.message);
      const name = `checkpost-roster-${new Date().toISOString().slice(0, 10)}.pack`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exported.value.text], { type: 'application/json' }));
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
      setPackNote(`Exported ${name}, signed by this school's key ${exported.value.signer}. Staff browsers trust this key from the first pack they import.`);
    }, 'The roster pack could not be exported');

  const onImportPack = (pack: File, packPassphrase: string) =>
    whileBusy(async () => {
      setProgress('Opening the roster pack…');
      const opened = await openPackForImport(await pack.text(), packPassphrase);
      if (!opened.ok) return setError(opened.error.message);
      // A first roster on this browser is locked with the pack passphrase; a later pack keeps the roster's key.
      const access = saved?.any ? await sessionAccess() : ok(await newRosterAccess(packPassphrase));
      if (!access.ok) return setError(access.error.message);
      if (!(await switchTo(opened.value.record, access.value))) return;
      await rememberPackSigner(opened.value.signer, opened.value.createdAt);
      setReport(opened.value.record.report);
      setPackNote(`Roster pack imported: made on ${new Date(opened.value.createdAt).toLocaleString('en-GB')}, signed by key ${opened.value.signer}.`);
    }, 'The roster pack could not be imported');

  const onUnlock = (passphrase: string) =>
    whileBusy(async () => {
      const unlocked = await unlockWithPassphrase(passphrase);
      if (!unlocked.ok) return setError(unlocked.error.message);
      showStatus(unlocked.value);
    }, 'The roster could not be unlocked');

  if (saved === null) {
    return (
      <main className="cp-options">
        <h1>Checkpost: pupil roster</h1>
        <p role="status">Reading the roster in use…</p>
      </main>
    );
  }

  // The roster pages are behind the roster passphrase: nothing of the roster shows until it is given.
  if (saved.any && !saved.unlocked) {
    return (
      <main className="cp-options">
        <h1>Checkpost: pupil roster</h1>
        <UnlockForm busy={busy} error={error} onUnlock={(passphrase) => void onUnlock(passphrase)} />
      </main>
    );
  }

  return (
    <RosterImport
      current={current}
      firstImport={!saved.any}
      busy={busy}
      progress={progress}
      report={report}
      changes={changes}
      error={error}
      onImport={(csv, photos, biometrics, passphrase) => void onImport(csv, photos, biometrics, passphrase)}
      onFaceMatchingOff={() => void onFaceMatchingOff()}
      onErase={() => void onErase()}
    >
      <RosterPack
        canExport={current !== null && saved.unlocked}
        busy={busy}
        note={packNote}
        onExport={(passphrase) => void onExport(passphrase)}
        onImportPack={(pack, passphrase) => void onImportPack(pack, passphrase)}
      />
    </RosterImport>
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<OptionsPage />);
