import type { ColumnMap } from './columns';
import type { PersonRow } from './person-row';
import { clip } from './quote';
import { listRows } from './row-list';
import type { DuplicateGroup, RosterIssue } from './types';

export interface DuplicateFindings {
  errors: RosterIssue[];
  warnings: RosterIssue[];
  groups: DuplicateGroup[];
}

/**
 * A shared id would make two people one: an error. The same name under different ids may be two children or one
 * pupil entered twice, so it is a warning for a person to check. (A shared photo is found once photos are assigned.)
 */
export function findDuplicates(personRows: PersonRow[], columns: ColumnMap): DuplicateFindings {
  const found: DuplicateFindings = { errors: [], warnings: [], groups: [] };

  for (const group of groupBy(personRows, ({ person }) => person.id.toUpperCase())) {
    const first = group[0]!.person;
    const rows = group.map(({ row }) => row);
    const header = first.role === 'staff' ? (columns.header.staffCode ?? 'Staff Code') : (columns.header.upn ?? 'UPN');
    found.groups.push({ kind: 'same_id', value: first.id, rows });
    found.errors.push({
      row: rows[0],
      column: header,
      message: `${header} ${clip(first.id)} appears on ${listRows(rows)}. Each person must appear once, with their own id.`,
    });
  }

  const byName = groupBy(personRows, ({ person }) => `${person.role} ${person.legalForename} ${person.surname}`.toLowerCase());
  for (const group of byName) {
    if (new Set(group.map(({ person }) => person.id.toUpperCase())).size < 2) continue;
    const first = group[0]!.person;
    const name = `${first.legalForename} ${first.surname}`;
    const rows = group.map(({ row }) => row);
    found.groups.push({ kind: 'same_name', value: name, rows });
    found.warnings.push({
      row: rows[0],
      message: `${name} appears on ${listRows(rows)} with different ids. ` + `Check this is not the same ${first.role === 'staff' ? 'staff member' : 'pupil'} entered twice.`,
    });
  }

  return found;
}

/** Groups of two or more items sharing a key, in the order they first appear. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
