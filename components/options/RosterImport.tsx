import { useState, type FormEvent } from 'react';
import type { RosterSummary } from '../../lib/messaging/protocol';
import { formatImportReport } from '../../lib/roster/import-report';
import type { ImportReport } from '../../lib/roster/types';

export interface RosterImportProps {
  /** The roster in use now, if any. */
  current: RosterSummary | null;
  busy: boolean;
  /** What the import is doing now ("Checking photo 3 of 12"). */
  progress: string | null;
  report: ImportReport | null;
  /** A failure outside the report (the engine did not load, saving failed). */
  error: string | null;
  onImport(csv: File, photos: File[]): void;
}

/** Folder inputs are not in React's attribute types; Chromium reads them as plain attributes. */
const folderAttributes = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Import of the school's roster export and its reference photos, with the import's report. */
export function RosterImport({ current, busy, progress, report, error, onImport }: RosterImportProps) {
  const [csv, setCsv] = useState<File | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv !== null) onImport(csv, photos);
  };

  return (
    <main className="cp-options">
      <h1>Checkpost: pupil roster</h1>
      <p role="status">
        {current === null
          ? 'No roster imported yet: Checkpost holds every post until one is.'
          : `In use: ${current.csvName}, imported ${new Date(current.importedAt).toLocaleString()}: ${current.pupils} pupils, ${current.enrolled} people with a face template.`}
      </p>
      <form onSubmit={submit} aria-describedby="cp-import-help">
        <p id="cp-import-help">
          Choose the roster exported from your MIS (CSV) and the folder holding the reference photos its Photo File column names. Photos are only used for people with biometric
          consent. Nothing leaves this computer.
        </p>
        <label>
          Roster CSV
          <input type="file" accept=".csv,text/csv" name="csv" disabled={busy} onChange={(event) => setCsv(event.target.files?.[0] ?? null)} />
        </label>
        <label>
          Photos folder
          <input type="file" multiple name="photos" disabled={busy} {...folderAttributes} onChange={(event) => setPhotos([...(event.target.files ?? [])])} />
        </label>
        <p>{photos.length === 1 ? '1 file chosen in the photos folder.' : `${photos.length} files chosen in the photos folder.`}</p>
        <button type="submit" disabled={busy || csv === null}>
          {busy ? 'Importing…' : 'Import roster'}
        </button>
      </form>
      {busy && progress !== null && (
        <p role="status" aria-live="polite">
          {progress}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="cp-error">
          {error}
        </p>
      )}
      {report !== null && (
        <section aria-label="Import report" className={report.imported ? 'cp-report cp-report-ok' : 'cp-report cp-report-failed'}>
          <h2>{report.imported ? 'Roster imported' : 'Roster not imported'}</h2>
          <pre className="cp-report-text">{formatImportReport(report)}</pre>
        </section>
      )}
    </main>
  );
}
