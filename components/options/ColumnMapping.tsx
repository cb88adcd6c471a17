import { useState, type FormEvent } from 'react';
import type { ColumnPreview } from '../../lib/roster/column-preview';
import { COLUMNS, type ColumnChoice, type Field } from '../../lib/roster/columns';

export interface ColumnMappingProps {
  csvName: string;
  preview: ColumnPreview;
  busy: boolean;
  /** Checks the roster again, reading each field from the column chosen for it. */
  onUse(choice: ColumnChoice): void;
  onCancel(): void;
}

/**
 * For an export whose headers Checkpost does not know: the ORM lead says which column holds what, seeing the first
 * rows under each header. The choice is remembered for the next export with the same headers.
 */
export function ColumnMapping({ csvName, preview, busy, onUse, onCancel }: ColumnMappingProps) {
  const [choice, setChoice] = useState<ColumnChoice>(preview.mapped);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUse(choice);
  };
  const choose = (field: Field, header: string) => {
    const others = Object.fromEntries(Object.entries(choice).filter(([chosen]) => chosen !== field));
    setChoice(header === '' ? others : { ...others, [field]: header });
  };

  return (
    <section aria-labelledby="cp-columns-title" className="cp-report cp-report-failed">
      <h2 id="cp-columns-title">Match the columns of {csvName}</h2>
      <p>{preview.problem}</p>
      <p>Say which column holds each item. Checkpost remembers this for the next export with the same columns.</p>
      <form onSubmit={submit}>
        <fieldset disabled={busy} className="cp-columns">
          <legend>Columns</legend>
          {COLUMNS.map((column) => (
            <label key={column.field}>
              {column.label}
              {column.required ? '' : ' (if there is one)'}
              <select value={choice[column.field] ?? ''} onChange={(event) => choose(column.field, event.target.value)}>
                <option value="">Not in this file</option>
                {preview.headers
                  .filter((header) => header !== '')
                  .map((header) => (
                    <option key={header} value={header}>
                      {header}
                    </option>
                  ))}
              </select>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Check again with these columns
        </button>{' '}
        <button type="button" disabled={busy} onClick={onCancel}>
          Not now
        </button>
      </form>
      {preview.sample.length > 0 && (
        <div className="cp-table-scroll">
          <table>
            <caption>The first rows of {csvName}</caption>
            <thead>
              <tr>
                {preview.headers.map((header, index) => (
                  <th key={index} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
