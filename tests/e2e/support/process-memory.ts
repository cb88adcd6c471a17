import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  pid: number;
  /** The command line as one string: Chromium's renderers rewrite theirs into a single argument. */
  commandLine: string;
  rssBytes: number;
  /** Resident memory that is the process's own (RssAnon): Chromium's code and fonts, shared with every other process, left out. */
  privateBytes: number;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const commandLine = ` ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ')} `;
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { pid, commandLine, rssBytes: kB('VmRSS'), privateBytes: kB('RssAnon') };
  } catch {
    return null; // the process ended while being read
  }
}

/**
 * Memory of the Chromium renderer that runs the extension's pages (service worker and
 * offscreen document, plus any open options page or popup) in the browser using `profileDir`
 * (its renderers carry the profile's --user-data-dir). Linux only (/proc).
 */
export function extensionProcessMemory(profileDir: string): { rssBytes: number; privateBytes: number } {
  const renderers = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== null)
    .filter(({ commandLine }) => [`--user-data-dir=${profileDir}`, '--type=renderer', '--extension-process'].every((flag) => commandLine.includes(` ${flag} `)));
  if (renderers.length === 0) throw new Error(`No extension renderer of the browser using ${profileDir}`);
  return { rssBytes: renderers.reduce((sum, info) => sum + info.rssBytes, 0), privateBytes: renderers.reduce((sum, info) => sum + info.privateBytes, 0) };
}
