// Duration tab (jobs): durations of the job's runs over time with the statistics the API computes; runs the Issues
// API reports as duration outliers are marked (same rule as the Issues page, not recomputed here).
import { gql } from '../graphql.js';
import { href } from '../router.js';
import { nodeId } from '../nodes.js';
import { h, clear, facts, table, message } from '../dom.js';
import { formatTime, formatDuration } from '../format.js';
import { chart, timeLabel, PALETTE, RED } from '../charts.js';
import { stateBadge, runLink, section } from './common.js';

const DURATIONS = `query Durations($ns: String!, $name: String!) {
  job(namespace: $ns, name: $name) {
    durationStats(last: 100) { count mean p50 p95 stddev min max }
    runs(first: 100) { edges { node { id state startedAt endedAt durationMs } } }
  }
}`;
const OUTLIERS = `query Outliers($since: DateTime!, $job: JobKeyInput!) {
  issues(since: $since, kinds: [JOB_DURATION], job: $job, first: 1000) { run { id } summary }
}`;

export async function render(panel, { node, signal }) {
  const { job } = await gql(DURATIONS, { ns: node.namespace, name: node.name }, { signal });
  if (!job) return clear(panel, message('No event has mentioned this job.'));
  const runs = job.runs.edges.map((e) => e.node).reverse(); // oldest first
  const timed = runs.filter((r) => r.durationMs !== null && r.durationMs !== undefined);
  const since = runs.find((r) => r.startedAt)?.startedAt ?? '1970-01-01T00:00:00Z';
  const { issues } = await gql(OUTLIERS, { since, job: { namespace: node.namespace, name: node.name } }, { signal });
  const outliers = new Map(issues.map((i) => [i.run.id, i.summary]));
  const s = job.durationStats;
  clear(
    panel,
    facts([
      ['Completed runs', String(s.count)],
      ['Mean', formatDuration(s.mean === null ? null : Math.round(s.mean))],
      ['Median (p50)', formatDuration(s.p50)],
      ['p95', formatDuration(s.p95)],
      ['Std deviation', formatDuration(s.stddev === null ? null : Math.round(s.stddev))],
      ['Shortest', formatDuration(s.min)],
      ['Longest', formatDuration(s.max)],
    ]),
  );
  if (!timed.length) return panel.append(message('No run of this job has both a start and an end yet: no durations.'));
  const charts = h('div', { class: 'charts' });
  panel.append(charts);
  await chart(charts, {
    id: 'chart-duration',
    title: 'Run duration (seconds)',
    labels: timed.map((r) => timeLabel(r.startedAt)),
    yTitle: 'seconds',
    series: [
      {
        label: 'Duration (s)',
        data: timed.map((r) => r.durationMs / 1000),
        color: PALETTE[0],
        pointStyles: timed.map((r) => (outliers.has(r.id) ? 'triangle' : 'circle')),
        pointColors: timed.map((r) => (outliers.has(r.id) ? RED : PALETTE[0])),
        pointRadius: timed.map((r) => (outliers.has(r.id) ? 8 : 3)),
      },
    ],
    format: (v) => formatDuration(Math.round(v * 1000)),
  });
  panel.append(
    outliers.size
      ? section('Outliers', h('ul', { id: 'duration-outliers' }, [...outliers].map(([id, summary]) => h('li', {}, runLink({ id }, node), ': ', summary))))
      : h('p', { id: 'duration-outliers' }, 'No duration outliers: the Issues API flags a run more than 3 standard deviations from its job’s mean.'),
    h('p', {}, h('a', { id: 'job-issues-link', href: href('issues', null, { since: 'all', job: nodeId('JOB', node.namespace, node.name) }) }, 'Every issue of this job')),
    section(
      'Runs',
      table(
        `${runs.length} newest runs`,
        ['Run', 'State', 'Started', 'Duration'],
        [...runs].reverse().map((r) => [runLink(r, node), stateBadge(r.state), formatTime(r.startedAt), [formatDuration(r.durationMs), outliers.has(r.id) ? h('span', { class: 'fail' }, ' outlier') : '']]),
        { id: 'duration-runs' },
      ),
    ),
  );
}
