/** One part of `npm run bench`: measures something and reports rows for the table and data for the JSON. */
export interface BenchRow {
  metric: string;
  value: number | string;
  unit?: string;
  /** Human-readable target, e.g. ">= 0.95". */
  target?: string;
  /** Whether the value meets the target; undefined when there is no target. */
  met?: boolean;
}

export interface BenchSectionResult {
  rows: BenchRow[];
  /** Everything measured, for the JSON file (per-item details included). */
  data: Record<string, unknown>;
}

export interface BenchSection {
  name: string;
  run(corpusDir: string): Promise<BenchSectionResult>;
}
