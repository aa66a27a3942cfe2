import type { KeyRow } from '../../src/webview/protocol';
import { ageBuckets, STATUS_ORDER } from '../../src/webview/shared/ageBuckets';
import { STATUS_LABELS } from '../../src/webview/shared/statusLabels';
import { h, svg } from './dom';

export { STATUS_LABELS };

/**
 * Bars of key counts per age bucket, stacked by policy status, drawn as SVG from the data. Colours
 * come from the theme through CSS classes; the figure carries a text description for screen readers.
 */
export function ageChart(rows: readonly KeyRow[], maxAgeDays: number): HTMLElement {
  const buckets = ageBuckets(rows, maxAgeDays);
  const width = 720;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const top = 10;
  const plotHeight = height - bottom - top;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const step = (width - left) / buckets.length;
  const barWidth = Math.min(64, step * 0.6);
  const y = (count: number) => top + plotHeight - (count / max) * plotHeight;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  chart.append(svg('title', { id: 'chart-title' }, 'Keys by age'));
  const description = buckets.map((b) => `${b.label}: ${b.total}`).join(', ');
  chart.append(svg('desc', { id: 'chart-desc' }, `Number of keys per age bucket. ${description}.`));
  const ticks = max <= 5 ? max : 4;
  for (let i = 0; i <= ticks; i += 1) {
    const value = Math.round((max / ticks) * i);
    chart.append(svg('text', { x: left - 8, y: y(value) + 4, 'text-anchor': 'end' }, String(value)));
  }
  chart.append(svg('line', { class: 'axis', x1: left, x2: width, y1: top + plotHeight, y2: top + plotHeight }));
  buckets.forEach((bucket, i) => {
    const x = left + step * i + (step - barWidth) / 2;
    let base = 0;
    for (const status of STATUS_ORDER) {
      const count = bucket.counts[status];
      if (count === 0) continue;
      const rect = svg('rect', {
        class: `bar status-${status}`,
        x,
        y: y(base + count),
        width: barWidth,
        height: y(base) - y(base + count),
      });
      rect.append(svg('title', {}, `${bucket.label}: ${count} ${STATUS_LABELS[status]}`));
      chart.append(rect);
      base += count;
    }
    chart.append(
      svg('text', { x: x + barWidth / 2, y: y(bucket.total) - 4, 'text-anchor': 'middle' }, bucket.total > 0 ? String(bucket.total) : ''),
    );
    chart.append(svg('text', { x: x + barWidth / 2, y: height - 8, 'text-anchor': 'middle' }, bucket.label));
  });
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' });
  for (const status of STATUS_ORDER) {
    const swatch = svg(
      'svg',
      { viewBox: '0 0 12 12', 'aria-hidden': 'true' },
      svg('rect', { class: `bar status-${status}`, width: 12, height: 12 }),
    );
    legend.append(h('li', {}, swatch, STATUS_LABELS[status]));
  }
  return h('figure', { class: 'chart' }, chart, legend);
}
