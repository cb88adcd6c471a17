import { useState, type FormEvent } from 'react';
import { MIN_PIN_LENGTH, pinProblem } from '../../lib/override/pin';
import { ErrorMessage } from '../common/ErrorMessage';

export type BrowserRole = 'orm_lead' | 'staff' | 'headteacher';

const ROLES: { role: BrowserRole; title: string; noun: string; help: string }[] = [
  { role: 'staff', title: 'Member of staff', noun: 'a member of staff', help: 'I post for the school on X or Facebook. The ORM lead gives me the school’s roster pack.' },
  { role: 'orm_lead', title: 'ORM lead', noun: 'the ORM lead', help: 'I look after the school’s photo-consent roster and give staff the roster pack.' },
  { role: 'headteacher', title: 'Headteacher', noun: 'the Headteacher', help: 'I may override a blocked post, with a reason that is kept.' },
];

/** What each person does, in order, before Checkpost can check their posts. */
const STEPS: Record<BrowserRole, string[]> = {
  staff: [
    'Ask the school’s ORM lead for the roster pack (a file ending .pack) and its pack passphrase. They give you the two separately.',
    'Choose the file and type the pack passphrase below, then press Import roster pack.',
    'Post on X or Facebook as usual: Checkpost checks each post before it goes, and says why when it holds one.',
  ],
  orm_lead: [
    'Export the roster from your school’s information system (SIMS, Arbor, Bromcom…) as a CSV with each pupil’s photo consents and biometric consent.',
    'Gather the reference photos: a folder or a zip, each photo named by the pupil’s UPN or listed in a Photo File column.',
    'Face matching needs the school’s DPIA and notice to parents: record them below, or leave face matching off and staff check each face by hand.',
    'Choose a roster passphrase, check the roster, read the report and import it.',
    'Export a roster pack and give it, with its pack passphrase, to each member of staff who posts.',
  ],
  headteacher: [
    'Import the roster pack the ORM lead gives you, as staff do, so your own posts are checked.',
    `Choose an override PIN of at least ${MIN_PIN_LENGTH} digits that only you know. Checkpost keeps it only as a slow salted check.`,
  ],
};

/** The first question on a browser where Checkpost is not set up: whose browser is this? */
export function RoleChoice({ onChoose }: { onChoose(role: BrowserRole): void }) {
  const [role, setRole] = useState<BrowserRole | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role !== null) onChoose(role);
  };
  return (
    <form onSubmit={submit} aria-labelledby="cp-role-title">
      <h2 id="cp-role-title">Set up Checkpost on this browser</h2>
      <p>Until it is set up, Checkpost holds every post on X and Facebook in this browser. Who will use it?</p>
      <fieldset>
        <legend>This browser is used by</legend>
        {ROLES.map(({ role: value, title, help }) => (
          <label key={value}>
            <input type="radio" name="cp-role" value={value} checked={role === value} onChange={() => setRole(value)} />
            {title}
            <span className="cp-help">{help}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={role === null}>
        Continue
      </button>
    </form>
  );
}

/** The chosen role's steps, and a way back to the question. */
export function RoleSteps({ role, onChangeRole }: { role: BrowserRole; onChangeRole(): void }) {
  const { noun } = ROLES.find((entry) => entry.role === role)!;
  return (
    <section aria-labelledby="cp-steps-title">
      <h2 id="cp-steps-title">Setting up as {noun}</h2>
      <ol>
        {STEPS[role].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <button type="button" className="cp-link-button" onClick={onChangeRole}>
        Not {noun}? Choose another role
      </button>
    </section>
  );
}

/**
 * The name the audit log records for posts from this browser. Asked of everyone: the ORM lead and the Headteacher
 * post too, and an entry without a name tells the school less.
 */
export function StaffName({ name, busy, onSave }: { name: string | null; busy: boolean; onSave(name: string): void }) {
  const [typed, setTyped] = useState(name ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().length >= 2) onSave(typed.trim());
  };
  return (
    <form onSubmit={submit} aria-labelledby="cp-staff-name-title">
      <h2 id="cp-staff-name-title">Your name</h2>
      <p>
        {name === null
          ? 'The audit log records who sent each post from this browser. Give your name as colleagues know it.'
          : `The audit log records posts from this browser as ${name}.`}
      </p>
      <fieldset disabled={busy}>
        <label>
          Name for the audit log
          <input type="text" autoComplete="name" required minLength={2} maxLength={120} value={typed} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <button type="submit">{name === null ? 'Save name' : 'Change name'}</button>
      </fieldset>
    </form>
  );
}

/** The Headteacher chooses their override PIN, typed twice; changing it asks for the one set before. */
export function OverridePin({ isSet, busy, onSave }: { isSet: boolean; busy: boolean; onSave(pin: string, current: string): void }) {
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = pinProblem(pin) ?? (pin === repeated ? null : 'The two PINs are not the same: type it again in both.');
    setProblem(found);
    if (found === null) onSave(pin, current);
    setPin('');
    setRepeated('');
    setCurrent('');
  };
  return (
    <form onSubmit={submit} aria-labelledby="cp-pin-title">
      <h2 id="cp-pin-title">{isSet ? 'Change the override PIN' : 'Choose your override PIN'}</h2>
      {isSet && <p role="status">An override PIN is set on this browser.</p>}
      <fieldset disabled={busy}>
        {isSet && (
          <label>
            Override PIN now
            <input type="password" inputMode="numeric" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
          </label>
        )}
        <label>
          New override PIN
          <input type="password" inputMode="numeric" autoComplete="new-password" required value={pin} onChange={(event) => setPin(event.target.value)} />
        </label>
        <label>
          Repeat the new override PIN
          <input type="password" inputMode="numeric" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} />
        </label>
      </fieldset>
      <button type="submit" disabled={busy}>
        Save PIN
      </button>
      <ErrorMessage>{problem}</ErrorMessage>
    </form>
  );
}
