import '../../components/extension-pages.css';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RosterImport, RosterInUse, type ImportPreview, type ImportProgress } from '../../components/options/RosterImport';
import { OverridePin, RoleChoice, RoleSteps, StaffName, type BrowserRole } from '../../components/options/FirstRun';
import { ErrorMessage } from '../../components/common/ErrorMessage';
import { makePinRecord, pinMatches, pinRecordSchema } from '../../lib/override/pin';
import { BUDGET_MS } from '../../lib/deadlines';
import { describeThrown, ok, type CheckError, type Result } from '../../lib/errors';
import { bytesToBase64 } from '../../lib/base64';
import type { EngineStatus, RosterSummary } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/runtime-browser';
import { importRoster } from '../../lib/roster/import-roster';
import type { PhotoFiles } from '../../lib/roster/photo-files';
import { secondsLeft } from '../../lib/progress';
import type { BiometricRecord } from '../../lib/roster/biometrics';
import type { Consents, EnrolPhoto, ImportReport, Roster } from '../../lib/roster/types';
import { changeConsents, deleteTemplatesOf } from '../../lib/roster/edit-person';
import { PersonEditor } from '../../components/options/PersonEditor';
import { AuditSection } from './audit-section';
import {
  clearStagedTemplates,
  eraseRoster,
  hasSavedRoster,
  loadRoster,
  newRosterAccess,
  saveRoster,
  stagedAccess,
  stagedTemplates,
  stageTemplates,
  unlockRoster,
  type RosterAccess,
  type StoredRoster,
} from '../../lib/storage/roster-db-browser';
import { resumableEnrolment, type ResumableEnrolment } from '../../lib/roster/resumable-enrolment';
import { forgetRosterKey, rememberRosterKey, sessionAccess, unlockWithPassphrase } from '../../lib/storage/roster-lock-browser';
import { UnlockForm } from '../../components/roster/UnlockForm';
import { RosterPack } from '../../components/options/RosterPack';
import { diffRosters, formatRosterDiff } from '../../lib/roster/roster-diff';
import { exportRosterPack, forgetPackSigner, openPackForImport, rememberPackSigner } from '../../lib/storage/roster-pack-browser';
import {
  browserRoleItem,
  browserRoleSchema,
  checkStored,
  headteacherPinItem,
  reEnrolMonthsItem,
  rosterVersion,
  staffNameItem,
  staffNameSchema,
} from '../../lib/storage/items-browser';
import { RE_ENROL_AFTER_MONTHS, reEnrolMonthsSchema } from '../../lib/roster/re-enrolment';
import { pickedPhotos } from './picked-photos';
import { forgetColumns, rememberColumns, rememberedColumns } from '../../lib/storage/column-choices-browser';
import { headerSignature, previewColumns, type ColumnPreview } from '../../lib/roster/column-preview';
import type { ColumnChoice } from '../../lib/roster/columns';

/** A roster checked, waiting for the ORM lead to apply it: what is needed to enrol and save it. */
interface PendingImport {
  columns: ColumnChoice;
  csv: Uint8Array;
  csvName: string;
  photos: PhotoFiles;
  biometrics: BiometricRecord | null;
  access: RosterAccess;
  preview: ImportPreview;
}

const flatten = <T,>(reply: Result<Result<T, CheckError>, CheckError>): Result<T, CheckError> => (reply.ok ? reply.value : reply);

function OptionsPage() {
  const [current, setCurrent] = useState<RosterSummary | null>(null);
  /** Null until known: whether a roster is saved at all, and whether this browser session has unlocked it. */
  const [saved, setSaved] = useState<{ any: boolean; unlocked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  /** A roster whose columns must be matched by hand, and how to check it again once they are. */
  const [columns, setColumns] = useState<{ csvName: string; preview: ColumnPreview; retry(choice: ColumnChoice): void } | null>(null);
  const [reEnrolMonths, setReEnrolMonths] = useState(RE_ENROL_AFTER_MONTHS);
  /** Stops the enrolment under way, between two photos. */
  const enrolling = useRef<AbortController | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [packNote, setPackNote] = useState<string | null>(null);
  const [changes, setChanges] = useState<string[] | null>(null);
  /** The roster in use, opened, while this browser is unlocked: for changing one person by hand. */
  const [opened, setOpened] = useState<StoredRoster | null>(null);
  const [personChanges, setPersonChanges] = useState<string[] | null>(null);
  /** Undefined until read; null: not chosen yet (first run). */
  const [role, setRole] = useState<BrowserRole | null | undefined>(undefined);
  const [pinSet, setPinSet] = useState(false);
  const [staffName, setStaffName] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('engineStatus', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Reading the roster in use' }).then((status) => {
      if (status.ok) setCurrent(status.value.roster);
    });
    void readSaved();
    void browserRoleItem.getValue().then((stored) => {
      const chosen = checkStored(stored, browserRoleSchema, 'role');
      setRole(chosen.ok ? chosen.value : null);
    });
    void headteacherPinItem.getValue().then((stored) => setPinSet(pinRecordSchema.safeParse(stored).success));
    void staffNameItem.getValue().then((stored) => setStaffName(staffNameSchema.safeParse(stored).data ?? null));
    void reEnrolMonthsItem.getValue().then((stored) => {
      const months = checkStored(stored, reEnrolMonthsSchema, 're-enrolment age');
      if (months.ok) setReEnrolMonths(months.value);
    });
  }, []);

  /** Read here, not from the engine: the page must know, even if the engine does not answer, whether a roster is saved. */
  const readSaved = async () => {
    const any = await hasSavedRoster();
    const access = any ? await sessionAccess() : null;
    setSaved({ any, unlocked: access?.ok === true });
    const stored = access?.ok ? await loadRoster(access.value.key) : null;
    setOpened(stored?.ok ? stored.value : null);
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

  /**
   * Seals and saves a roster record, then has the engine (given the key) and open composers switch to it; says what
   * changed from `before`, the roster it replaces (read here unless the caller has just read it). Null if not saved.
   */
  const switchTo = async (record: StoredRoster, access: RosterAccess, before?: StoredRoster): Promise<{ changes: string[] | null } | null> => {
    const replaced = before === undefined ? await loadRoster(access.key) : ok(before);
    const saved = await saveRoster(record, access);
    if (!saved.ok) {
      setError(saved.error.message);
      return null;
    }
    announceRosterChange(await rememberRosterKey(access));
    setOpened(record);
    const changes = replaced.ok ? formatRosterDiff(diffRosters(replaced.value.roster, record.roster)) : null;
    setChanges(changes);
    return { changes };
  };

  const whileBusy = async (work: () => Promise<void>, failure: string) => {
    setBusy(true);
    setPending(null);
    setColumns(null);
    setReport(null);
    setError(null);
    setPackNote(null);
    setChanges(null);
    setPersonChanges(null);
    try {
      await work();
    } catch (thrown) {
      setError(`${failure} (${describeThrown(thrown)}). Nothing was changed; try again.`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  /** Reads the roster and finds its photos, enrolling nothing and saving nothing: the ORM lead sees the report and changes first. */
  const onCheck = (csv: File, photos: File[], biometrics: BiometricRecord | null, passphrase: string, chosen?: ColumnChoice) =>
    whileBusy(async () => {
      // A first import sets the roster passphrase (or goes on under the key of one that stopped); a later one must be given it.
      const access = saved?.any === false ? ok((await stagedAccess(passphrase)) ?? (await newRosterAccess(passphrase))) : await unlockRoster(passphrase);
      if (!access.ok) return setError(access.error.message);
      setProgress({ label: 'Reading the roster…' });
      const photoFiles = await pickedPhotos(photos);
      if (!photoFiles.ok) return setError(photoFiles.error);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      // Headers Checkpost does not know are matched by hand once, then remembered for exports with the same headers.
      const found = previewColumns(bytes, csv.name);
      const signature = found.ok ? headerSignature(found.value.headers) : '';
      const choice = chosen ?? (await rememberedColumns())[signature] ?? {};
      const preview = previewColumns(bytes, csv.name, choice);
      if (preview.ok && preview.value.problem !== null) {
        return setColumns({ csvName: csv.name, preview: preview.value, retry: (next) => void onCheck(csv, photos, biometrics, passphrase, next) });
      }
      if (chosen !== undefined) await rememberColumns(signature, chosen);
      const checked = await importRoster({ csv: bytes, csvName: csv.name, photos: photoFiles.value, columns: choice });
      if (checked.roster === null) return setReport(checked.report);
      const before = await loadRoster(access.value.key);
      const enrolled = new Set(biometrics === null ? [] : checked.toEnrol.people);
      const ready = {
        report: checked.report,
        changes: before.ok ? formatRosterDiff(diffRosters(before.value.roster, checked.roster, enrolled), true) : null,
        photosToEnrol: biometrics === null ? 0 : checked.toEnrol.photos,
      };
      setPending({ columns: choice, csv: bytes, csvName: csv.name, photos: photoFiles.value, biometrics, access: access.value, preview: ready });
    }, 'The roster could not be checked');

  /** Enrols the checked roster's photos and replaces the roster in use, all or nothing. */
  const onApply = (ready: PendingImport) =>
    whileBusy(async () => {
      let enrolment;
      let resumable: ResumableEnrolment | undefined;
      // No face template, and no face model loaded, unless the school has recorded its DPIA and notice to parents.
      if (ready.biometrics !== null) {
        setProgress({ label: 'Loading the face models…' });
        const engine = flatten(await sendMessage('awaitEngine', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Loading the face models' }));
        if (!engine.ok) return setError(engine.error.message);
        // Enrolment runs in the offscreen document, where the models already are; only one photo crosses at a time.
        const enrolNow: EnrolPhoto = async (bytes, fileName) =>
          flatten(await sendMessage('enrolPhoto', { fileName, base64: bytesToBase64(bytes) }, { timeoutMs: BUDGET_MS.enrolPhoto, what: `Checking ${fileName}` }));
        const { modelId } = engine.value;
        // Templates are staged as they are made, so an import stopped by a closed page or browser resumes where it was.
        resumable = resumableEnrolment(enrolNow, await stagedTemplates(ready.access, modelId), async (made) => void (await stageTemplates(ready.access, modelId, made)));
        const { resumed } = resumable;
        const started = performance.now();
        const label = 'Enrolling reference photos';
        setProgress({ label, done: 0, total: ready.preview.photosToEnrol });
        // Photos enrolled before the stop take no time: time left is reckoned from the others.
        const onProgress = (done: number, total: number) =>
          setProgress({ label, done, total, resumed: resumed(), secondsLeft: secondsLeft(done - resumed(), total - resumed(), performance.now() - started) });
        enrolling.current = new AbortController();
        enrolment = { enrolPhoto: resumable.enrolPhoto, modelId, biometrics: ready.biometrics, onProgress, signal: enrolling.current.signal };
      }
      const result = await importRoster({ columns: ready.columns, csv: ready.csv, csvName: ready.csvName, photos: ready.photos, ...(enrolment ? { enrolment } : {}) });
      enrolling.current = null;
      await resumable?.flush();
      if (result.roster === null) return setReport(result.report);
      setProgress({ label: 'Saving the roster…' });
      const modelId = enrolment?.modelId ?? '';
      // "Roster imported" only once it is saved: closing the page earlier would otherwise lose it.
      const record = { roster: result.roster, modelId, csvName: ready.csvName, importedAt: new Date().toISOString(), report: result.report };
      if (!(await switchTo(record, ready.access))) return;
      setReport(result.report);
      // Applied: the staged templates are in the roster now, or were never needed.
      const cleared = await clearStagedTemplates();
      if (!cleared.ok) setError(cleared.error.message);
    }, 'The import stopped');

  const onCancel = () => {
    enrolling.current?.abort();
    setPending(null);
    setColumns(null);
  };

  const onFaceMatchingOff = () =>
    whileBusy(async () => {
      const access = await sessionAccess();
      if (!access.ok) return setError(access.error.message);
      const stored = await loadRoster(access.value.key);
      if (!stored.ok) return setError(stored.error.message);
      setProgress({ label: 'Deleting every face template…' });
      if (!(await switchTo({ ...stored.value, roster: { ...stored.value.roster, templates: [], biometrics: null } }, access.value, stored.value))) return;
      // Including any an import made before it stopped.
      const cleared = await clearStagedTemplates();
      if (!cleared.ok) setError(cleared.error.message);
    }, 'Face matching could not be turned off');

  /** One person's consents or templates changed by hand, in the roster as stored now (not as this page last read it). */
  const onChangePerson = (change: (roster: Roster) => Result<Roster, CheckError>) =>
    whileBusy(async () => {
      const access = await sessionAccess();
      if (!access.ok) return setError(access.error.message);
      const stored = await loadRoster(access.value.key);
      if (!stored.ok) return setError(stored.error.message);
      const changed = change(stored.value.roster);
      if (!changed.ok) return setError(changed.error.message);
      setProgress({ label: 'Saving the change…' });
      const switched = await switchTo({ ...stored.value, roster: changed.value }, access.value, stored.value);
      if (switched !== null) setPersonChanges(switched.changes ?? []);
    }, 'The change could not be saved');

  const onErase = () =>
    whileBusy(async () => {
      setProgress({ label: 'Erasing the roster…' });
      const erased = await eraseRoster();
      if (!erased.ok) return setError(erased.error.message);
      await Promise.all([forgetRosterKey(), forgetPackSigner(), forgetColumns()]);
      announceRosterChange(await sendMessage('reloadRoster', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Switching to no roster' }));
      // Open composers drop verdicts judged against the erased roster.
      await rosterVersion.setValue(new Date().toISOString());
      // Gone from this computer whether or not the engine has heard yet.
      setCurrent(null);
      setOpened(null);
    }, 'The roster could not be erased');

  const onExport = (packPassphrase: string) =>
    whileBusy(async () => {
      const access = await sessionAccess();
      if (!access.ok) return setError(access.error.message);
      setProgress({ label: 'Sealing and signing the roster pack…' });
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
      setProgress({ label: 'Opening the roster pack…' });
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

  const chooseRole = (chosen: BrowserRole | null) => void browserRoleItem.setValue(chosen).then(() => setRole(chosen));

  /** Sets the Headteacher's override PIN; a PIN already set must be given to change it. */
  const onSavePin = (pin: string, currentPin: string) =>
    whileBusy(async () => {
      const stored = pinRecordSchema.safeParse(await headteacherPinItem.getValue());
      if (stored.success && !(await pinMatches(currentPin, stored.data))) return setError('That is not the override PIN set on this browser, so it was not changed.');
      await headteacherPinItem.setValue(await makePinRecord(pin, new Date()));
      setPinSet(true);
    }, 'The PIN could not be saved');

  const onUnlock = (passphrase: string) =>
    whileBusy(async () => {
      const unlocked = await unlockWithPassphrase(passphrase);
      if (!unlocked.ok) return setError(unlocked.error.message);
      showStatus(unlocked.value);
    }, 'The roster could not be unlocked');

  if (saved === null || role === undefined) {
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

  const steps =
    role === null ? undefined : (
      <>
        <RoleSteps role={role} onChangeRole={() => chooseRole(null)} />
        <StaffName key={staffName ?? ''} name={staffName} busy={busy} onSave={(name) => void staffNameItem.setValue(name).then(() => setStaffName(name))} />
      </>
    );
  const pack = (
    <RosterPack
      canExport={current !== null && saved.unlocked && role !== 'staff' && role !== 'headteacher'}
      importOnly={role === 'staff' || role === 'headteacher'}
      busy={busy}
      note={packNote}
      onExport={(passphrase) => void onExport(passphrase)}
      onImportPack={(pack, passphrase) => void onImportPack(pack, passphrase)}
    />
  );

  // First run: nothing set up here yet, so the page asks whose browser this is before anything else.
  if (role === null && !saved.any) {
    return (
      <main className="cp-options">
        <h1>Checkpost</h1>
        <RoleChoice onChoose={chooseRole} />
      </main>
    );
  }

  // Staff and the Headteacher take the school's roster from a pack; they never import the CSV.
  if (role === 'staff' || role === 'headteacher') {
    return (
      <main className="cp-options">
        <h1>Checkpost</h1>
        {steps}
        <RosterInUse current={current} />
        <ErrorMessage>{error}</ErrorMessage>
        {progress !== null && <p role="status">{progress.label}</p>}
        {pack}
        {role === 'headteacher' && <OverridePin isSet={pinSet} busy={busy} onSave={(pin, currentPin) => void onSavePin(pin, currentPin)} />}
        <AuditSection />
      </main>
    );
  }

  return (
    <RosterImport
      intro={steps}
      current={current}
      firstImport={!saved.any}
      busy={busy}
      progress={progress}
      preview={pending?.preview ?? null}
      report={report}
      changes={changes}
      error={error}
      onCheck={(csv, photos, biometrics, passphrase) => void onCheck(csv, photos, biometrics, passphrase)}
      onApply={() => pending !== null && void onApply(pending)}
      onCancel={onCancel}
      columns={columns}
      onUseColumns={(choice) => columns?.retry(choice)}
      reEnrolMonths={reEnrolMonths}
      onReEnrolMonths={(months) => void reEnrolMonthsItem.setValue(months).then(() => setReEnrolMonths(months))}
      onFaceMatchingOff={() => void onFaceMatchingOff()}
      onErase={() => void onErase()}
    >
      {opened !== null && (
        <PersonEditor
          roster={opened.roster}
          busy={busy}
          saved={personChanges}
          onSaveConsents={(personId, consents: Consents) => void onChangePerson((roster) => changeConsents(roster, personId, consents))}
          onDeleteTemplates={(personId) => void onChangePerson((roster) => deleteTemplatesOf(roster, personId))}
        />
      )}
      {pack}
      <AuditSection />
    </RosterImport>
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<OptionsPage />);
