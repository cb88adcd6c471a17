import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { facesScaleDir } from './faces-scale';
import type { BenchRow, BenchSectionResult } from './section';

const ROOT = join(import.meta.dirname, '..', '..');

export interface BenchReport {
  sections: Record<string, BenchSectionResult>;
}

/**
 * The same bench sections run on another commit, in a temporary worktree that shares this
 * node_modules, so a change's figures come with those before it from the same machine minutes
 * apart: timings on a shared 2-core machine drift more between hours than between builds.
 */
export function benchAtRevision(revision: string, sections: string[], corpusDir: string): BenchReport {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, revision], { cwd: ROOT, stdio: 'pipe' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'prepare'], { cwd: dir, stdio: 'pipe' });
    execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', ...sections], {
      cwd: dir,
      stdio: 'inherit',
      // The data sets beside this checkout, not beside the temporary one.
      env: { ...process.env, CHECKPOST_CORPUS: corpusDir, CHECKPOST_FACES_SCALE: facesScaleDir },
    });
    return JSON.parse(readFileSync(join(dir, 'bench-results', 'latest.json'), 'utf8')) as BenchReport;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'pipe' });
  }
}

export interface ComparedRow {
  metric: string;
  before: BenchRow['value'] | null;
  after: BenchRow['value'];
  /** after / before for numbers; null when either is missing or not a number. */
  ratio: number | null;
}

/** Each row of `after` beside the row of the same metric in `before`. */
export function compareRows(before: BenchRow[], after: BenchRow[]): ComparedRow[] {
  const earlier = new Map(before.map((row) => [row.metric, row.value]));
  return after.map(({ metric, value }) => {
    const old = earlier.get(metric) ?? null;
    const ratio = typeof old === 'number' && typeof value === 'number' && old !== 0 ? value / old : null;
    return { metric, before: old, after: value, ratio };
  });
}
