import fs from 'node:fs';
import path from 'node:path';

/**
 * One row of the results table. Every figure stands beside a baseline measured in the same run on
 * the same machine (a bare insert, a bare route, the same query at scale 1), because an absolute
 * figure does not survive a change of machine; `ratio` and `goal` say how they compare.
 */
export interface Figure {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  /** For a latency whose value is the p95: the median of the same samples, shown beside it. */
  p50?: number;
  baseline?: { label: string; value: number };
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export function writeResults(dir: string, meta: Record<string, unknown>, figures: Figure[]): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  const base = path.join(dir, `${stamp}-${meta.db}-${meta.scale}`);
  const json = `${base}.json`;
  const markdown = `${base}.md`;
  fs.writeFileSync(json, `${JSON.stringify({ ...meta, figures }, null, 2)}\n`);
  fs.writeFileSync(markdown, toMarkdown(meta, figures));
  return { json, markdown };
}

export function toMarkdown(meta: Record<string, unknown>, figures: Figure[]): string {
  const lines = [
    `### ${meta.db}, scale ${meta.scale} (${meta.date}, ${meta.machine})`,
    '',
    '| scenario | figure | value | baseline | ratio | goal | met |',
    '| --- | --- | ---: | --- | ---: | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.scenario} | ${f.figure} | ${f.value} ${f.unit}${f.p50 === undefined ? '' : ` (p50 ${f.p50} ${f.unit})`} | ${f.baseline ? `${f.baseline.label}: ${f.baseline.value} ${f.unit}` : ''} | ${f.ratio ?? ''} | ${f.goal ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
