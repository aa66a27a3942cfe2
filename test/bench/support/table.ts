/** The benchmark table printed at the end of `npm run bench` (and pasted into the README). */
import type { Report, Row, Section } from './results';
import { round } from './stats';

function figure(value: number, unit: string): string {
  return `${round(value)} ${unit}`.trim();
}

function range(row: Row): string {
  if (row.samples.length < 2) return '';
  return `${round(Math.min(...row.samples))}–${round(Math.max(...row.samples))}`;
}

function verdict(row: Row): string {
  if (!row.goal) return '';
  return row.goal.met ? 'met' : `MISSED${row.goal.by ? ` (${row.goal.by})` : ''}`;
}

function cells(section: Section): string[][] {
  if (section.skipped) return [[section.title, `not measured: ${section.skipped}`, '', '', '', '', '']];
  return section.rows.map((row, i) => [
    i === 0 ? section.title : '',
    row.name,
    figure(row.value, row.unit),
    range(row),
    String(row.samples.length),
    row.goal?.text ?? '',
    verdict(row),
  ]);
}

const HEADER = ['benchmark', 'measure', 'median', 'range', 'n', 'goal', 'verdict'];

/** A fixed-width text table, one line per row. */
export function formatTable(sections: readonly Section[]): string {
  const lines = [HEADER, ...sections.flatMap(cells)];
  const widths = HEADER.map((_, c) => Math.max(...lines.map((line) => line[c].length)));
  const render = (line: string[]) =>
    line
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [render(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(render)].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function formatMarkdown(report: Report): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = report.sections.flatMap(cells).map((line) => `| ${line.map(escape).join(' | ')} |`);
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`, ...rows].join('\n');
}
