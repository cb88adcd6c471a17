import type { ColumnChoice } from '../roster/columns';
import { checkStored, columnChoicesItem, columnChoicesSchema } from './items-browser';

/** A school meets a handful of export layouts; more than this are old ones, dropped oldest first. */
const CHOICES_KEPT = 20;

/** The columns matched by hand so far, by header signature; none if the stored value is unreadable. */
export async function rememberedColumns(): Promise<Record<string, ColumnChoice>> {
  const stored = checkStored(await columnChoicesItem.getValue(), columnChoicesSchema, 'column choices');
  return stored.ok ? stored.value : {};
}

/** Remembers how an export with these headers is read, for the next one. */
export async function rememberColumns(signature: string, choice: ColumnChoice): Promise<void> {
  const others = Object.entries(await rememberedColumns()).filter(([kept]) => kept !== signature);
  await columnChoicesItem.setValue(Object.fromEntries([...others.slice(-(CHOICES_KEPT - 1)), [signature, choice]]));
}

/** Erasing the roster forgets these too: nothing of the school's set-up is left behind. */
export const forgetColumns = (): Promise<void> => columnChoicesItem.removeValue();
