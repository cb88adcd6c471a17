// The item is declared in the registry; the content script imports it from here.
export { rosterVersion } from './items-browser';
