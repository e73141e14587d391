// Quality tab (datasets): the last 20 runs' row and byte counts, assertions passed and failed, per-column null
// and distinct counts, and the newest run's assertions.
import { gql } from '../graphql.js';
import { h, clear, table, message } from '../dom.js';
import { formatTime, formatCount, formatBytes } from '../format.js';
import { chart, timeLabel, GREEN, RED } from '../charts.js';
import { stateBadge, runLink, section } from './common.js';

const QUALITY = `query Quality($ns: String!, $name: String!) {
  dataset(namespace: $ns, name: $name) {
    quality(last: 20) {
      time run { id state job { namespace name } } rowCount bytes passed failed
      assertions { assertion column success }
      columnMetrics { column nullCount distinctCount }
    }
  }
}`;

export async function render(panel, { node, signal }) {
  const { dataset } = await gql(QUALITY, { ns: node.namespace, name: node.name }, { signal });
  const results = [...(dataset?.quality ?? [])].reverse(); // oldest first, as charts read
  if (!results.length) return clear(panel, message('No quality results (metrics or assertions) reported for this dataset.'));
  clear(panel);
  const labels = results.map((r) => timeLabel(r.time));
  const charts = h('div', { class: 'charts' });
  panel.append(h('p', {}, `The last ${results.length} run${results.length === 1 ? '' : 's'} that measured or tested this dataset.`), charts);
  const has = (f) => results.some((r) => r[f] !== null && r[f] !== undefined);
  if (has('rowCount')) {
    await chart(charts, { id: 'chart-rows', title: 'Rows', labels, series: [{ label: 'Rows', data: results.map((r) => r.rowCount) }], format: formatCount });
  }
  if (has('bytes')) {
    await chart(charts, { id: 'chart-bytes', title: 'Bytes', labels, series: [{ label: 'Bytes', data: results.map((r) => r.bytes) }], format: formatBytes });
  }
  if (results.some((r) => r.passed + r.failed > 0)) {
    await chart(charts, {
      id: 'chart-assertions',
      title: 'Assertions',
      type: 'bar',
      stacked: true,
      labels,
      series: [
        { label: 'Passed', data: results.map((r) => r.passed), color: GREEN },
        { label: 'Failed', data: results.map((r) => r.failed), color: RED },
      ],
    });
  }
  for (const [metric, title, id] of [
    ['nullCount', 'Null count per column', 'chart-nulls'],
    ['distinctCount', 'Distinct count per column', 'chart-distinct'],
  ]) {
    const columns = [...new Set(results.flatMap((r) => r.columnMetrics.filter((m) => m[metric] != null).map((m) => m.column)))];
    if (!columns.length) continue;
    const series = columns.map((c) => ({
      label: c,
      data: results.map((r) => r.columnMetrics.find((m) => m.column === c)?.[metric] ?? null),
    }));
    await chart(charts, { id, title, labels, series, format: formatCount });
  }
  const latest = results[results.length - 1];
  panel.append(
    section(
      'Newest result',
      h('p', {}, formatTime(latest.time), ', run ', runLink(latest.run, latest.run.job), ' ', stateBadge(latest.run.state), ` (${latest.run.job.name}): ${latest.passed} passed, ${latest.failed} failed.`),
      latest.assertions.length
        ? table(
            'Assertions',
            ['Assertion', 'Column', 'Result'],
            latest.assertions.map((a) => [a.assertion, a.column ?? '', h('span', { class: a.success ? 'pass' : 'fail' }, a.success ? 'passed' : 'failed')]),
            { id: 'latest-assertions' },
          )
        : null,
    ),
  );
}
