import { useEffect, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import type { RosterSummary } from '../../lib/messaging/protocol';
import { checkBiometricRecord, type BiometricRecord } from '../../lib/roster/biometrics';
import { formatImportReport } from '../../lib/roster/import-report';
import { reEnrolMonthsSchema, reEnrolmentReminder } from '../../lib/roster/re-enrolment';
import { formatTimeLeft } from '../../lib/progress';
import type { ColumnPreview } from '../../lib/roster/column-preview';
import type { ColumnChoice } from '../../lib/roster/columns';
import { ColumnMapping } from './ColumnMapping';
import type { ImportReport } from '../../lib/roster/types';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem } from '../../lib/roster/sealing';
import { ErrorMessage } from '../common/ErrorMessage';

/** What a long step is doing: a count and time left once there is something to count. */
export interface ImportProgress {
  label: string;
  done?: number;
  total?: number;
  secondsLeft?: number | null;
  /** Of `done`, how many were enrolled by an import that stopped before it was applied. */
  resumed?: number;
}

/** A roster checked and ready to apply: nothing is saved, and no photo enrolled, until the ORM lead says so. */
export interface ImportPreview {
  report: ImportReport;
  /** What applying it would change from the roster in use; null for a first import. */
  changes: string[] | null;
  /** Reference photos to be enrolled on apply (0 with face matching off). */
  photosToEnrol: number;
}

export interface RosterImportProps {
  /** The roster in use now, if any. */
  current: RosterSummary | null;
  busy: boolean;
  progress: ImportProgress | null;
  preview: ImportPreview | null;
  report: ImportReport | null;
  /** What the import changed from the roster it replaced (lib/roster/roster-diff.ts); null for a first import. */
  changes: string[] | null;
  /** A failure outside the report (the engine did not load, saving failed). */
  error: string | null;
  /** No roster is saved yet: this import sets the roster passphrase (typed twice). */
  firstImport: boolean;
  /** Checks the roster and photos into a preview. `biometrics` null: face matching off (no template is made). `passphrase`: the roster passphrase. */
  onCheck(csv: File, photos: File[], biometrics: BiometricRecord | null, passphrase: string): void;
  /** Enrols the previewed roster's photos and replaces the roster in use with it. */
  onApply(): void;
  /** Drops the preview, or stops an enrolment under way: the roster in use stays as it is. */
  onCancel(): void;
  /** A roster whose columns Checkpost could not tell: shown for matching by hand, then checked again with `onUseColumns`. */
  columns: { csvName: string; preview: ColumnPreview } | null;
  onUseColumns(choice: ColumnChoice): void;
  /** After how many months face templates are due to be made again from new photos. */
  reEnrolMonths: number;
  onReEnrolMonths(months: number): void;
  /** Turns face matching off, deleting every face template. */
  onFaceMatchingOff(): void;
  /** Deletes the roster whole: names, consents and templates. */
  onErase(): void;
  /** More of the roster page, after the import (roster packs). */
  children?: ReactNode;
  /** Shown under the title: the steps of the role this browser plays. */
  intro?: ReactNode;
}

/** The DPIA and notice to parents as typed, checked when the form is sent. */
interface GateFields {
  on: boolean;
  dpiaCompletedOn: string;
  dpoName: string;
  parentsNotifiedOn: string;
}

const gateFieldsOf = (record: BiometricRecord | null | undefined): GateFields => ({
  on: record != null,
  dpiaCompletedOn: record?.dpiaCompletedOn ?? '',
  dpoName: record?.dpoName ?? '',
  parentsNotifiedOn: record?.parentsNotifiedOn ?? '',
});

/** Folder inputs are not in React's attribute types; Chromium reads them as plain attributes. */
const folderAttributes = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Import of the school's roster export and its reference photos, with the import's report. */
export function RosterImport({
  current,
  firstImport,
  busy,
  progress,
  preview,
  report,
  changes,
  error,
  onCheck,
  onApply,
  onCancel,
  columns,
  onUseColumns,
  reEnrolMonths,
  onReEnrolMonths,
  onFaceMatchingOff,
  onErase,
  intro,
  children,
}: RosterImportProps) {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [confirmingErase, setConfirmingErase] = useState(false);
  const [csv, setCsv] = useState<File | null>(null);
  const [folderPhotos, setFolderPhotos] = useState<File[]>([]);
  const [pickedPhotos, setPickedPhotos] = useState<File[]>([]);
  const photos = [...folderPhotos, ...pickedPhotos];
  const [gate, setGate] = useState<GateFields>(() => gateFieldsOf(current?.biometrics));
  const [gateProblem, setGateProblem] = useState<string | null>(null);
  // The record in use fills the form once it is known, so a re-import keeps face matching as it was.
  useEffect(() => setGate(gateFieldsOf(current?.biometrics)), [current?.biometrics]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv === null) return;
    const problem = firstImport ? (passphraseProblem(passphrase) ?? (passphrase === repeated ? null : 'The two passphrases are not the same: type it again in both.')) : null;
    setPassphraseError(problem);
    if (problem !== null) return;
    if (!gate.on) {
      setGateProblem(null);
      onCheck(csv, photos, null, passphrase);
      return;
    }
    const checked = checkBiometricRecord(
      { dpiaCompletedOn: gate.dpiaCompletedOn, dpoName: gate.dpoName, parentsNotifiedOn: gate.parentsNotifiedOn, recordedAt: new Date().toISOString() },
      new Date(),
    );
    setGateProblem(checked.ok ? null : checked.error);
    if (checked.ok) onCheck(csv, photos, checked.value, passphrase);
  };
  // Children's faces change: templates older than the school's chosen age are due to be made again from new photos.
  const reminder = current?.biometrics != null && current.enrolled > 0 ? reEnrolmentReminder(current.importedAt, new Date(), reEnrolMonths) : null;
  const field = (name: keyof Omit<GateFields, 'on'>) => ({
    value: gate[name],
    disabled: busy,
    onChange: (event: ChangeEvent<HTMLInputElement>) => setGate({ ...gate, [name]: event.target.value }),
  });

  return (
    <main className="cp-options">
      <h1>Checkpost: pupil roster</h1>
      {intro}
      <RosterInUse current={current} />
      {current !== null && (
        <p>
          {current.biometrics === null
            ? 'Face matching is off: no face templates are kept, and staff are asked to check every face in a photo by hand.'
            : `Face matching is on, under the DPIA completed on ${current.biometrics.dpiaCompletedOn} (data protection officer: ${current.biometrics.dpoName}); parents were notified on ${current.biometrics.parentsNotifiedOn}.`}
        </p>
      )}
      {reminder !== null && (
        <p role="status" className="cp-error">
          {reminder}
        </p>
      )}
      {current?.biometrics != null && <ReEnrolAge months={reEnrolMonths} busy={busy} onSave={onReEnrolMonths} />}
      {current?.biometrics != null && (
        <button type="button" disabled={busy} onClick={onFaceMatchingOff}>
          Turn face matching off and delete every face template
        </button>
      )}
      <form onSubmit={submit} aria-describedby="cp-import-help">
        <p id="cp-import-help">
          Choose the roster exported from your MIS (CSV) and its reference photos: a folder, photo files or a zip. Each photo is found by the roster&rsquo;s Photo File column, or
          by the UPN (or staff code) in its file name, such as A123456789012.jpg; A123456789012_2.jpg is a second photo of the same person. Photos are only used for people with
          biometric consent. Nothing leaves this computer.
        </p>
        <label>
          Roster CSV
          <input type="file" accept=".csv,text/csv" name="csv" disabled={busy} onChange={(event) => setCsv(event.target.files?.[0] ?? null)} />
        </label>
        <label>
          Photos folder
          <input type="file" multiple name="photos" disabled={busy} {...folderAttributes} onChange={(event) => setFolderPhotos([...(event.target.files ?? [])])} />
        </label>
        <label>
          Or photo files, or a zip of them
          <input
            type="file"
            multiple
            name="photoFiles"
            accept="image/*,.heic,.heif,.zip,application/zip"
            disabled={busy}
            onChange={(event) => setPickedPhotos([...(event.target.files ?? [])])}
          />
        </label>
        <p>{photos.length === 1 ? '1 file chosen for the photos.' : `${photos.length} files chosen for the photos.`}</p>
        <fieldset disabled={busy}>
          <legend>Face matching</legend>
          <p id="cp-gate-help">
            Matching faces to reference photos processes children&rsquo;s biometric data. The law asks the school to notify parents first (Protection of Freedoms Act 2012) and to
            complete a data protection impact assessment (UK GDPR). Until both are recorded here, Checkpost makes no face template and asks staff to check every face by hand. A
            pupil whose Biometric Consent is N is never enrolled.
          </p>
          <label>
            <input type="checkbox" checked={gate.on} onChange={(event) => setGate({ ...gate, on: event.target.checked })} aria-describedby="cp-gate-help" />
            Match faces to the reference photos
          </label>
          {gate.on && (
            <>
              <label>
                DPIA completed on
                <input type="date" required {...field('dpiaCompletedOn')} />
              </label>
              <label>
                Data protection officer
                <input type="text" required autoComplete="name" {...field('dpoName')} />
              </label>
              <label>
                Parents notified on
                <input type="date" required {...field('parentsNotifiedOn')} />
              </label>
            </>
          )}
          <ErrorMessage>{gateProblem}</ErrorMessage>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Roster passphrase</legend>
          <p id="cp-passphrase-help">
            {firstImport
              ? `The roster is kept encrypted on this computer. Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters: it unlocks the roster each time the browser starts. Keep it safe; without it the roster must be imported again.`
              : 'The roster passphrase chosen at the first import.'}
          </p>
          <label>
            Roster passphrase
            <input
              type="password"
              required
              autoComplete={firstImport ? 'new-password' : 'current-password'}
              value={passphrase}
              aria-describedby="cp-passphrase-help"
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </label>
          {firstImport && (
            <label>
              Repeat the passphrase
              <input type="password" required autoComplete="new-password" value={repeated} onChange={(event) => setRepeated(event.target.value)} />
            </label>
          )}
          <ErrorMessage>{passphraseError}</ErrorMessage>
        </fieldset>
        <button type="submit" disabled={busy || csv === null}>
          Check roster
        </button>
      </form>
      {columns !== null && <ColumnMapping csvName={columns.csvName} preview={columns.preview} busy={busy} onUse={onUseColumns} onCancel={onCancel} />}
      {busy && progress !== null && <ProgressLine progress={progress} onCancel={progress.total === undefined ? null : onCancel} />}
      {preview !== null && !busy && (
        <section aria-labelledby="cp-preview-title" className="cp-report">
          <h2 id="cp-preview-title">Ready to import</h2>
          <p>
            Nothing has been saved yet.{' '}
            {preview.photosToEnrol > 0
              ? `Importing enrols ${preview.photosToEnrol === 1 ? '1 reference photo' : `${preview.photosToEnrol} reference photos`}, then replaces the roster in use.`
              : 'Importing replaces the roster in use.'}
          </p>
          <pre className="cp-report-text">{formatImportReport(preview.report, true)}</pre>
          {preview.changes !== null && <RosterChanges title="Changes from the roster in use" changes={preview.changes} none="No one joins or leaves, and no consent changes." />}
          <button type="button" onClick={onApply}>
            Import roster
          </button>{' '}
          <button type="button" onClick={onCancel}>
            Not now
          </button>
        </section>
      )}
      <ErrorMessage>{error}</ErrorMessage>
      {children}
      {current !== null && !confirmingErase && (
        <button type="button" disabled={busy} onClick={() => setConfirmingErase(true)}>
          Erase all roster data…
        </button>
      )}
      {current !== null && confirmingErase && (
        <section role="alertdialog" aria-labelledby="cp-erase-title" aria-describedby="cp-erase-help" className="cp-report cp-report-failed">
          <h2 id="cp-erase-title">Erase all roster data?</h2>
          <p id="cp-erase-help">
            This deletes every name, consent and face template Checkpost holds on this computer. Until a roster is imported again, every post is held. The audit log stays: it names
            no one.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setConfirmingErase(false);
              onErase();
            }}
          >
            Erase everything
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirmingErase(false)}>
            Keep the roster
          </button>
        </section>
      )}
      {report !== null && (
        <section aria-label="Import report" className={report.imported ? 'cp-report cp-report-ok' : 'cp-report cp-report-failed'}>
          <h2>{report.imported ? 'Roster imported' : 'Roster not imported'}</h2>
          <pre className="cp-report-text">{formatImportReport(report)}</pre>
          {report.imported && changes !== null && (
            <RosterChanges title="Changes from the roster it replaced" changes={changes} none="No one joined or left, and no consent changed." />
          )}
        </section>
      )}
    </main>
  );
}

/** A wait's progress bar, with count and time left, and a way out while photos are enrolled. */
function ProgressLine({ progress, onCancel }: { progress: ImportProgress; onCancel: (() => void) | null }) {
  const { label, done, total, secondsLeft, resumed = 0 } = progress;
  const counted = done !== undefined && total !== undefined;
  return (
    <div role="status" aria-live="polite">
      <progress className="cp-progress" aria-label={label} {...(counted ? { value: done, max: total } : {})} />
      <p>
        {label}
        {counted && `: ${done} of ${total}`}
        {resumed > 0 && ` (${resumed} enrolled before the last import stopped)`}
        {secondsLeft != null && `, ${formatTimeLeft(secondsLeft)}`}
      </p>
      {onCancel !== null && (
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      )}
    </div>
  );
}

function RosterChanges({ title, changes, none }: { title: string; changes: string[]; none: string }) {
  return (
    <>
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** How old face templates may get before the ORM lead is asked for new reference photos. */
function ReEnrolAge({ months, busy, onSave }: { months: number; busy: boolean; onSave(months: number): void }) {
  const [typed, setTyped] = useState(String(months));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setTyped(String(months)), [months]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reEnrolMonthsSchema.safeParse(Number(typed));
    setProblem(parsed.success ? null : 'Give a whole number of months from 1 to 36.');
    if (parsed.success) onSave(parsed.data);
  };
  return (
    <form onSubmit={submit} aria-label="Re-enrolment">
      <label>
        Ask for new reference photos when face templates are this many months old
        <input type="number" min={1} max={36} step={1} value={typed} disabled={busy} onChange={(event) => setTyped(event.target.value)} />
      </label>
      <button type="submit" disabled={busy || typed === String(months)}>
        Save
      </button>
      <ErrorMessage>{problem}</ErrorMessage>
    </form>
  );
}

/** The roster in use on this browser, in one line, or that there is none and posts are held. */
export function RosterInUse({ current }: { current: RosterSummary | null }) {
  return (
    <p role="status">
      {current === null
        ? 'No roster imported yet: Checkpost holds every post until one is.'
        : `In use: ${current.csvName}, imported ${new Date(current.importedAt).toLocaleString('en-GB')}: ${current.pupils} pupils, ${current.enrolled} people with a face template.`}
    </p>
  );
}
