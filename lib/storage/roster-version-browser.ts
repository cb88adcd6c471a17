import { storage } from 'wxt/utils/storage';

/**
 * When the roster in use was imported (ISO 8601), in local storage so content scripts hear of a
 * new import: verdicts they hold were judged against the old roster and must be judged again.
 */
export const rosterVersion = storage.defineItem<string>('local:rosterVersion', { fallback: '' });
