import { useEffect, useId, useState, type FormEvent } from 'react';
import { findPeople, templatesOf } from '../../lib/roster/edit-person';
import type { Consents, Person, Roster } from '../../lib/roster/types';

export interface PersonEditorProps {
  /** The roster in use, opened. */
  roster: Roster;
  busy: boolean;
  /** What the last change did (lib/roster/roster-diff.ts lines), once it is saved. */
  saved: string[] | null;
  onSaveConsents(personId: string, consents: Consents): void;
  onDeleteTemplates(personId: string): void;
}

const CONSENT_LABELS: [keyof Consents, string][] = [
  ['socialMedia', 'Photos on social media'],
  ['website', 'Photos on the school website'],
  ['print', 'Photos in print'],
  ['name', 'First name may be published'],
  ['biometric', 'Face matching (biometric consent)'],
];

const nameOf = (person: Person): string => `${person.preferredForename} ${person.surname}`;
const labelOf = (person: Person): string => `${nameOf(person)}, ${person.role === 'staff' ? 'staff' : [person.year, person.regGroup].filter(Boolean).join(' ')} (${person.id})`;

/**
 * One person's consents changed by hand, between imports: a parent's letter withdrawing consent is acted on the same
 * day, not at the next export from the school's MIS.
 */
export function PersonEditor({ roster, busy, saved, onSaveConsents, onDeleteTemplates }: PersonEditorProps) {
  const [query, setQuery] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const found = findPeople(roster, query);
  const chosen = roster.people.find((person) => person.id === chosenId) ?? null;
  const resultsId = useId();
  return (
    <section aria-labelledby="cp-person-title">
      <h2 id="cp-person-title">Change one person’s consent</h2>
      <p>
        When a parent withdraws consent or a pupil refuses face matching, change it here straight away. Record it in your school’s information system as well: the next roster
        import replaces what is set here.
      </p>
      <label>
        Find a pupil or member of staff by name, UPN or staff code
        <input type="search" value={query} disabled={busy} aria-controls={resultsId} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <div id={resultsId} aria-live="polite">
        {query.trim() !== '' && found.length === 0 && <p>No one on the roster matches “{query.trim()}”.</p>}
        {found.length > 0 && chosen === null && (
          <ul aria-label="People found">
            {found.map((person) => (
              <li key={person.id}>
                <button type="button" className="cp-link-button" disabled={busy} onClick={() => setChosenId(person.id)}>
                  {labelOf(person)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {chosen !== null && (
        <ConsentForm
          key={chosen.id}
          person={chosen}
          templates={templatesOf(roster, chosen.id)}
          faceMatchingOn={roster.biometrics !== null}
          busy={busy}
          onSave={(consents) => onSaveConsents(chosen.id, consents)}
          onDeleteTemplates={() => onDeleteTemplates(chosen.id)}
          onClose={() => setChosenId(null)}
        />
      )}
      {saved !== null && (
        <div role="status">
          <h3>Saved</h3>
          <ul>
            {(saved.length > 0 ? saved : ['Nothing changed.']).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface ConsentFormProps {
  person: Person;
  templates: number;
  faceMatchingOn: boolean;
  busy: boolean;
  onSave(consents: Consents): void;
  onDeleteTemplates(): void;
  onClose(): void;
}

function ConsentForm({ person, templates, faceMatchingOn, busy, onSave, onDeleteTemplates, onClose }: ConsentFormProps) {
  const [consents, setConsents] = useState<Consents>(person.consents);
  // Saved elsewhere (or re-imported): start again from what is now recorded.
  useEffect(() => setConsents(person.consents), [person.consents]);
  const changed = CONSENT_LABELS.some(([key]) => consents[key] !== person.consents[key]);
  const deletesTemplates = templates > 0 && !consents.biometric;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(consents);
  };
  return (
    <form onSubmit={submit} aria-label={`Consents of ${nameOf(person)}`} className="cp-report">
      <fieldset disabled={busy}>
        <legend>{labelOf(person)}</legend>
        {CONSENT_LABELS.map(([key, label]) => (
          <label key={key}>
            <input type="checkbox" checked={consents[key]} onChange={(event) => setConsents({ ...consents, [key]: event.target.checked })} />
            {label}
          </label>
        ))}
      </fieldset>
      <p>
        {templates === 0
          ? faceMatchingOn
            ? 'No face template: they are never recognised, so a photo showing them is held as one of someone unknown.'
            : 'Face matching is off: no one has a face template.'
          : `${templates} face template${templates === 1 ? '' : 's'}.`}
        {deletesTemplates && ' Saving deletes them.'}
      </p>
      <button type="submit" disabled={busy || !changed}>
        Save consents
      </button>{' '}
      {templates > 0 && (
        <button type="button" disabled={busy} onClick={onDeleteTemplates}>
          Delete face templates
        </button>
      )}{' '}
      <button type="button" disabled={busy} onClick={onClose}>
        Close
      </button>
    </form>
  );
}
