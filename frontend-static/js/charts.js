// Chart.js charts with the same look everywhere, each with its numbers in a table beside it (screen readers and
// tests read the table; the canvas is an image).
import { h, table } from './dom.js';
import { loadChart } from './vendor.js';

export const PALETTE = ['#1a56c4', '#b3261e', '#1e7b34', '#8a5a00', '#6a3fb4', '#00707a', '#a4266f', '#4e5b66'];
export const GREEN = '#1e7b34';
export const RED = '#b3261e';

const live = new Set();

/** Destroys charts whose canvas left the page (their tab or page was replaced). */
function sweep() {
  for (const c of live) {
    if (!c.canvas.isConnected) {
      c.destroy();
      live.delete(c);
    }
  }
}

/**
 * Appends a titled chart to container. series: [{label, data, color?, pointStyles?, pointColors?}], data aligned
 * with labels (null for gaps).
 */
export async function chart(container, { id, title, type = 'line', labels, series, yTitle, stacked = false, format = String, labelHeader = 'Run' }) {
  const Chart = await loadChart();
  sweep();
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}: chart, numbers in the table below` });
  const rows = labels.map((l, i) => [l, ...series.map((s) => (s.data[i] === null || s.data[i] === undefined ? '' : format(s.data[i])))]);
  const figure = h(
    'figure',
    { class: 'chart', id },
    h('figcaption', {}, title),
    h('div', { class: 'chart-box' }, canvas),
    h('details', { class: 'chart-data' }, h('summary', {}, 'Numbers'), table(title, [labelHeader, ...series.map((s) => s.label)], rows)),
  );
  container.append(figure);
  const instance = new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: series.map((s, i) => {
        const color = s.color ?? PALETTE[i % PALETTE.length];
        return {
          label: s.label,
          data: s.data,
          borderColor: color,
          backgroundColor: s.pointColors ?? color,
          pointBackgroundColor: s.pointColors ?? color,
          pointBorderColor: s.pointColors ?? color,
          pointStyle: s.pointStyles ?? 'circle',
          pointRadius: s.pointRadius ?? 3,
          spanGaps: true,
          tension: 0,
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      scales: {
        x: { stacked, ticks: { maxRotation: 0, autoSkip: true } },
        y: { stacked, beginAtZero: true, title: { display: Boolean(yTitle), text: yTitle } },
      },
    },
  });
  live.add(instance);
  return instance;
}

/** Short axis labels for run times. */
export function timeLabel(iso) {
  if (!iso) return '?';
  return new Date(iso).toISOString().slice(5, 16).replace('T', ' ');
}
