import type { Analysis, Finding, Verdict } from '../pipeline/types';

const HEADLINES = {
  pass: 'PASS: nothing in this post breaks the policy.',
  warn: 'WARN: check the points below before posting.',
  block: 'BLOCK: do not post this as it is.',
  cannot_check: 'CANNOT CHECK: the post is held because part of it could not be checked.',
} as const;

/** The CLI's plain-text report: one line per finding, in the words staff see in the extension. */
export function formatVerdict(verdict: Verdict, analysis: Analysis | null): string {
  const lines: string[] = [HEADLINES[verdict.status]];
  for (const finding of verdict.findings) lines.push(`  ${finding.severity === 'block' ? 'x' : '!'} ${finding.message}${where(finding)}`);
  for (const error of verdict.errors) lines.push(`  ? ${error.message}`);
  for (const image of analysis?.images ?? []) {
    const t = image.timings;
    lines.push(
      `  - ${image.name}: ${image.width}x${image.height}, ${image.faces.length} face(s); ` +
        `decode ${t.decodeMs.toFixed(0)} ms, detect ${t.detectMs.toFixed(0)} ms, describe ${t.describeMs.toFixed(0)} ms`,
    );
  }
  return lines.join('\n');
}

function where(finding: Finding): string {
  const boxes = finding.evidence.flatMap((evidence) => (evidence.box ? [evidence.box] : []));
  if (boxes.length === 0) return '';
  const list = boxes.map((box) => `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`);
  return ` [${finding.ruleId}; at ${list.join('; ')}]`;
}
