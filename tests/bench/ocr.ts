/**
 * OCR section of `npm run bench`: pupils' names found in the corpus documents (a document counts
 * when every visible pupil is found), names wrongly found on the negatives, unreadable-name
 * warnings, and ms per photo. Runs the real engine and the same matcher and rules as a check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { createOcrEngine } from '../../lib/engines/ocr/create-ocr-engine';
import { nodeOcrPaths } from '../../lib/engines/ocr/paths-node';
import { ocrWordLines, unreadableNameFields } from '../../lib/pipeline/name-facts';
import { parseRoster } from '../../lib/roster/parse-roster';
import { loadCommonWordsNode } from '../../lib/text/common-words-node';
import { findPupilNames } from '../../lib/text/find-pupil-names';
import { noDeadline } from '../support/must';
import type { BenchSection } from './section';

interface DocumentLabel {
  file: string;
  kind: 'certificate' | 'work' | 'negative';
  names_visible: string[];
}

interface DocumentResult {
  file: string;
  kind: DocumentLabel['kind'];
  expected: string[];
  found: string[];
  missed: string[];
  /** Roster pupils found that are not in the image (any on a negative is a false name). */
  wrong: string[];
  /** How each name was matched: the words read and the evidence. */
  mentions: { text: string; kind: string; evidence: string; approximate: boolean }[];
  unreadableNameWarnings: number;
  ms: number;
  /** CPU time of the process (main thread and tesseract's worker thread): steadier than wall time on a shared machine. */
  cpuMs: number;
  sheets: number;
  error?: string;
}

const percentile = (sorted: number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;

export const ocrBench: BenchSection = {
  name: 'ocr',
  async run(corpusDir) {
    const labels: DocumentLabel[] = JSON.parse(readFileSync(join(corpusDir, 'documents', 'documents.json'), 'utf8'));
    const people = parseRoster(readFileSync(join(corpusDir, 'roster', 'roster.csv'), 'utf8')).personRows.map((row) => row.person);
    const fullName = new Map(people.map((person) => [person.id, `${person.legalForename} ${person.surname}`]));
    const commonWords = await loadCommonWordsNode();

    const initStarted = performance.now();
    const created = await createOcrEngine(nodeOcrPaths());
    if (!created.ok) throw new Error(created.error.message);
    const engine = created.value;
    const initMs = performance.now() - initStarted;

    const documents: DocumentResult[] = [];
    try {
      for (const label of labels) {
        const base = { file: label.file, kind: label.kind, expected: label.names_visible };
        const decoded = await decodeImageNode(new Uint8Array(readFileSync(join(corpusDir, label.file))), label.file);
        if (!decoded.ok) throw new Error(decoded.error.message);
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const read = await engine.analyse(decoded.value, noDeadline());
        const ms = performance.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        if (!read.ok) {
          documents.push({ ...base, found: [], missed: label.names_visible, wrong: [], mentions: [], unreadableNameWarnings: 0, ms, cpuMs, sheets: 0, error: read.error.message });
          continue;
        }
        const mentions = findPupilNames(ocrWordLines(read.value.lines), people, { ocr: true, commonWords });
        // A lone first name shared by several pupils names none of them for recall; the rules still hold it.
        const found = [...new Set(mentions.filter((m) => m.personIds.length === 1).map((m) => fullName.get(m.personIds[0]!)!))];
        documents.push({
          ...base,
          found,
          missed: label.names_visible.filter((name) => !found.includes(name)),
          wrong: found.filter((name) => !label.names_visible.includes(name)),
          mentions: mentions.map((m) => ({ text: m.text, kind: m.kind, evidence: m.evidence, approximate: m.approximate })),
          unreadableNameWarnings: unreadableNameFields(read.value, { people, commonWords }).length,
          ms,
          cpuMs,
          sheets: read.value.regions.filter((region) => region.kind === 'document').length,
        });
      }
    } finally {
      await engine.dispose();
    }

    const named = documents.filter((doc) => doc.expected.length > 0);
    const negatives = documents.filter((doc) => doc.kind === 'negative');
    const docRecall = named.filter((doc) => doc.missed.length === 0).length / named.length;
    const nameTotal = named.reduce((sum, doc) => sum + doc.expected.length, 0);
    const nameRecall = named.reduce((sum, doc) => sum + doc.expected.length - doc.missed.length, 0) / nameTotal;
    const falseOnNegatives = negatives.reduce((sum, doc) => sum + doc.found.length, 0);
    const wrongOnNamed = named.reduce((sum, doc) => sum + doc.wrong.length, 0);
    // A miss is still held when the sheet's name field is flagged as unreadable.
    const missedButHeld = named.filter((doc) => doc.missed.length > 0 && doc.unreadableNameWarnings > 0).length;
    const unreadableOnNegatives = negatives.reduce((sum, doc) => sum + doc.unreadableNameWarnings, 0);
    const times = documents.map((doc) => doc.ms).sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const cpuMedian = percentile(
      documents.map((doc) => doc.cpuMs).sort((a, b) => a - b),
      0.5,
    );

    return {
      rows: [
        { metric: 'documents with every visible pupil found', value: docRecall, target: '>= 0.95', met: docRecall >= 0.95 },
        { metric: `names found (of ${nameTotal})`, value: nameRecall, target: '>= 0.95', met: nameRecall >= 0.95 },
        { metric: 'names falsely found on negatives', value: falseOnNegatives, target: '0', met: falseOnNegatives === 0 },
        { metric: 'wrong pupils found on name-bearing documents', value: wrongOnNamed, target: '0', met: wrongOnNamed === 0 },
        { metric: 'missed documents still held as unreadable', value: missedButHeld },
        { metric: 'unreadable-name warnings on negatives', value: unreadableOnNegatives, target: '0', met: unreadableOnNegatives === 0 },
        { metric: 'OCR per photo, median', value: Math.round(median), unit: 'ms', target: '<= 1500', met: median <= 1500 },
        { metric: 'OCR per photo, p95', value: Math.round(p95), unit: 'ms' },
        { metric: 'OCR CPU time per photo, median', value: Math.round(cpuMedian), unit: 'ms' },
        { metric: 'worker start', value: Math.round(initMs), unit: 'ms' },
      ],
      data: { initMs, documents },
    };
  },
};
