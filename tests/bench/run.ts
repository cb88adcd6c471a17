/**
 * `npm run bench [section...]`: measures speed, memory and accuracy on the corpus, prints a table
 * and writes bench-results/latest.json. Figures quoted in notes and the README come from here.
 * `npm run bench -- --baseline REV [section...]` first runs the same sections on commit REV and
 * adds its figures and the ratio now / then to the table and the JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { corpusAvailable, corpusDir } from '../support/corpus';
import { browserBench } from '../e2e/support/browser-bench';
import { enrolmentBench } from '../e2e/support/enrolment-bench';
import { auditBench } from './audit';
import { benchAtRevision, compareRows, type BenchReport } from './baseline';
import { faceBench } from './faces';
import { facesScaleBench } from './faces-scale';
import { ocrBench } from './ocr';
import { pipelineBench } from './pipeline';
import { rosterBench } from './roster';
import type { BenchRow, BenchSection, BenchSectionResult } from './section';

const sections: BenchSection[] = [faceBench, facesScaleBench, ocrBench, pipelineBench, rosterBench, auditBench, browserBench, enrolmentBench];

function formatValue(row: BenchRow): string {
  const value = typeof row.value === 'number' ? (Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(3)) : row.value;
  return row.unit ? `${value} ${row.unit}` : value;
}

const formatBefore = (value: BenchRow['value'] | null, unit?: string): string => (value === null ? '-' : formatValue({ metric: '', value, ...(unit ? { unit } : {}) }));

function printTable(name: string, result: BenchSectionResult, baseline?: BenchSectionResult): void {
  const compared = baseline ? compareRows(baseline.rows, result.rows) : [];
  const cells = result.rows.map((row, i) => {
    const cell = [row.metric, formatValue(row), row.target ?? '', row.met === undefined ? '' : row.met ? 'yes' : 'NO'];
    if (!baseline) return cell;
    const { before, ratio } = compared[i]!;
    return [...cell, formatBefore(before, row.unit), ratio === null ? '' : ratio.toFixed(2)];
  });
  const header = ['metric', 'value', 'target', 'met', ...(baseline ? ['before', 'now / before'] : [])];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => `| ${cell.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(`\n## ${name}`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cell of cells) console.log(line(cell));
}

async function main(): Promise<void> {
  if (!corpusAvailable) {
    console.error(`The benchmark needs the labelled corpus at ${corpusDir} (set CHECKPOST_CORPUS).`);
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  const at = args.indexOf('--baseline');
  const revision = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && revision === undefined) throw new Error('--baseline needs a git revision');
  const wanted = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const chosen = wanted.length === 0 ? sections : sections.filter((section) => wanted.includes(section.name));
  const baseline: BenchReport | undefined =
    revision === undefined
      ? undefined
      : benchAtRevision(
          revision,
          chosen.map((section) => section.name),
          corpusDir,
        );
  const results: Record<string, BenchSectionResult> = {};
  for (const section of chosen) {
    results[section.name] = await section.run(corpusDir);
    printTable(section.name, results[section.name]!, baseline?.sections[section.name]);
  }
  const outDir = join(import.meta.dirname, '..', '..', 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    corpus: corpusDir,
    sections: results,
    ...(baseline && revision ? { baseline: { revision, sections: baseline.sections } } : {}),
  };
  const file = join(outDir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

await main();
