// Home: the estate at a glance (runs over the period by state, open issues, slowest and most failing jobs, datasets
// not written lately, namespaces, ingest, the most connected datasets), each name a link into the graph. It reloads
// as runs are committed. With nothing stored yet it shows how to send the first event instead.
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage, table } from '../dom.js';
import { href, navigate } from '../router.js';
import { formatTime, formatDuration, formatCount } from '../format.js';
import { chart, GREEN, RED } from '../charts.js';
import { datasetLink, jobLink, runLink } from '../panel/common.js';
import { subscribe, coalesce } from '../live.js';

const ESTATE = `query Estate($period: EstatePeriod) {
  estate(period: $period) {
    since
    totals { jobs datasets runs events }
    runsOverTime { start running completed failed aborted }
    openIssues { kind time namespace name runId summary }
    slowestJobs { namespace name meanMs longestMs runs }
    failingJobs { namespace name failures runs lastFailure }
    staleDatasets { count datasets { namespace name lastWritten } }
    mostConnectedDatasets { namespace name readers writers }
    ingest { since events commits eventsPerSecond queued }
    gettingStarted { ingestPath apiKeyFile }
  }
  namespaces { name jobCount datasetCount runCount }
}`;
const RUN_UPDATED = 'subscription Home { runUpdated { id } }';
const PERIODS = [
  ['DAY', 'Last 24 hours'],
  ['WEEK', 'Last 7 days'],
  ['MONTH', 'Last 30 days'],
];
const STATES = [
  ['completed', 'Completed', GREEN],
  ['failed', 'Failed', RED],
  ['running', 'Running', '#1a56c4'],
  ['aborted', 'Aborted', '#8a5a00'],
];

export function mount(container, route) {
  const controller = new AbortController();
  const period = PERIODS.find(([v]) => v === route.params.get('period'))?.[0] ?? 'DAY';
  const select = h('select', { id: 'home-period' }, PERIODS.map(([v, l]) => h('option', { value: v, selected: v === period }, l)));
  select.addEventListener('change', () => navigate('home', null, { period: select.value === 'DAY' ? '' : select.value }));
  const body = h('div', { class: 'home', id: 'home', 'aria-live': 'polite', 'data-state': 'loading' }, message('Loading…'));
  container.append(
    h(
      'section',
      { class: 'page' },
      h('div', { class: 'view-title' }, h('h1', {}, 'Estate'), h('label', { class: 'field' }, 'Period', select)),
      body,
    ),
  );

  let retry = null;
  const show = async () => {
    try {
      const data = await gql(ESTATE, { period }, { signal: controller.signal });
      const e = data.estate;
      if (e.totals.jobs + e.totals.datasets === 0) clear(body, firstEvent(e.gettingStarted));
      else await renderEstate(body, e, data.namespaces, period);
      body.dataset.state = 'ready';
    } catch (err) {
      if (isAbort(err)) return;
      clear(body, errorMessage(err));
      // A busy or restarting server: try again in a while rather than wait for the next committed run.
      clearTimeout(retry);
      retry = setTimeout(show, 15_000);
    }
  };
  show();
  // Live: committed runs reload the figures (at most every 5 s); the empty state turns into the estate.
  const live = subscribe(RUN_UPDATED, {}, { next: coalesce(show, 5000), resync: show });
  return { update: () => false, unmount: () => { controller.abort(); live.close(); clearTimeout(retry); } };
}

async function renderEstate(body, e, namespaces, period) {
  const label = PERIODS.find(([v]) => v === period)[1].toLowerCase();
  const total = (k) => e.runsOverTime.reduce((n, b) => n + b[k], 0);
  const runs = STATES.map(([k]) => total(k)).reduce((a, b) => a + b, 0);
  const charts = h('div', { class: 'home-chart' });
  clear(
    body,
    h(
      'p',
      { class: 'intro', id: 'home-totals' },
      `${count(e.totals.jobs, 'job')}, ${count(e.totals.datasets, 'dataset')}, ${count(e.totals.runs, 'run')}, ${count(e.totals.events, 'event')} stored.`,
    ),
    h(
      'div',
      { class: 'home-grid' },
      card(
        'home-runs',
        `Runs, ${label}`,
        h('p', { class: 'home-figures' }, `${count(runs, 'run')}: `, STATES.map(([k, l], i) => [i ? ', ' : '', h('span', { class: total(k) ? `home-state-${k}` : null }, `${formatCount(total(k))} ${l.toLowerCase()}`)])),
        charts,
        h('p', {}, h('a', { href: href('runs', null, { since: e.since }) }, 'All runs of the period'), ' · ', h('a', { href: href('runs', null, { state: 'FAILED', since: e.since }) }, 'failed ones')),
      ),
      card(
        'home-issues',
        `Open issues (${e.openIssues.length})`,
        e.openIssues.length
          ? table(
              'Open issues, newest first',
              ['Since', 'Job or dataset', 'What happened', 'Run'],
              e.openIssues.map((i) => [
                formatTime(i.time),
                i.kind === 'JOB_EXECUTION' ? jobLink(i, { run: i.runId }) : datasetLink(i),
                i.summary,
                i.kind === 'JOB_EXECUTION' ? runLink({ id: i.runId }, i) : h('span', { class: 'mono', title: i.runId }, i.runId.slice(0, 8)),
              ]),
            )
          : message('No open issues: every job’s latest run and every dataset’s latest quality check passed.'),
        h('p', {}, h('a', { href: href('issues', null, { since: '30d' }) }, 'Issues of the last 30 days')),
      ),
      card(
        'home-slowest',
        `Slowest jobs, ${label}`,
        e.slowestJobs.length
          ? table('Slowest jobs by mean duration', ['Job', 'Mean', 'Longest', 'Runs'], e.slowestJobs.map((j) => [jobLink(j), formatDuration(Math.round(j.meanMs)), formatDuration(j.longestMs), formatCount(j.runs)]))
          : message('No run completed in this period with a known duration (START and COMPLETE).'),
      ),
      card(
        'home-failing',
        `Most failing jobs, ${label}`,
        e.failingJobs.length
          ? table('Jobs by failed runs', ['Job', 'Failed', 'Of runs', 'Last failure'], e.failingJobs.map((j) => [jobLink(j), formatCount(j.failures), formatCount(j.runs), formatTime(j.lastFailure)]))
          : message('No run failed in this period.'),
      ),
      card(
        'home-stale',
        `Not written, ${label} (${formatCount(e.staleDatasets.count)})`,
        h('p', { class: 'intro' }, 'Datasets jobs write that no run reported writing in this period.'),
        e.staleDatasets.datasets.length
          ? table('Datasets not written in the period, the most recently written first', ['Dataset', 'Namespace', 'Last written'], e.staleDatasets.datasets.map((d) => [datasetLink(d), d.namespace, formatTime(d.lastWritten)]))
          : message('Every written dataset was written in this period.'),
      ),
      card(
        'home-connected',
        'Most connected datasets',
        e.mostConnectedDatasets.length
          ? table('Datasets by reading and writing jobs', ['Dataset', 'Namespace', 'Read by', 'Written by'], e.mostConnectedDatasets.map((d) => [datasetLink(d), d.namespace, formatCount(d.readers), formatCount(d.writers)]))
          : message('No job reads or writes a dataset yet.'),
      ),
      card(
        'home-namespaces',
        `Namespaces (${namespaces.length})`,
        table(
          'Namespaces with their jobs, datasets and runs',
          ['Namespace', 'Jobs', 'Datasets', 'Runs'],
          namespaces.map((n) => [
            n.name,
            formatCount(n.jobCount),
            n.datasetCount ? h('a', { href: href('datasets', null, { namespace: n.name }) }, formatCount(n.datasetCount)) : '0',
            n.runCount ? h('a', { href: href('runs', null, { namespace: n.name }) }, formatCount(n.runCount)) : '0',
          ]),
        ),
      ),
      card(
        'home-ingest',
        'Ingest',
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, 'Events per second'),
          h('dd', { id: 'home-ingest-rate' }, e.ingest.eventsPerSecond.toFixed(1), ' (about the last minute)'),
          h('dt', {}, 'Events committed'),
          h('dd', {}, `${formatCount(e.ingest.events)} in ${formatCount(e.ingest.commits)} transactions since ${formatTime(e.ingest.since)}`),
          h('dt', {}, 'Waiting for the writer'),
          h('dd', {}, formatCount(e.ingest.queued)),
        ),
      ),
    ),
  );
  await chart(charts, {
    id: 'home-runs-chart',
    title: `Runs started, ${label}, by state`,
    type: 'bar',
    stacked: true,
    labelHeader: 'From',
    labels: e.runsOverTime.map((b) => hourLabel(b.start, period)),
    series: STATES.map(([k, l, color]) => ({ label: l, data: e.runsOverTime.map((b) => b[k]), color })),
  });
}

const count = (n, noun) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

function card(id, title, ...children) {
  return h('section', { class: 'home-card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), children);
}

function hourLabel(iso, period) {
  const t = new Date(iso).toISOString();
  return period === 'DAY' ? t.slice(11, 16) : `${t.slice(5, 10)} ${t.slice(11, 13)}h`;
}

/** The empty state: the README's first curl, with this server's address and key file, and where to go next. */
function firstEvent(start) {
  const key = start.apiKeyFile ? `$(cat ${start.apiKeyFile})` : '$TRIBUTARY_API_KEY';
  const event = {
    eventType: 'COMPLETE',
    eventTime: new Date().toISOString(),
    producer: 'https://openlineage.io/first-event',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: uuid() },
    job: { namespace: 'my-first-namespace', name: 'my-first-job' },
    inputs: [{ namespace: 'my-first-namespace', name: 'source_table' }],
    outputs: [{ namespace: 'my-first-namespace', name: 'target_table' }],
  };
  const curl = [
    `curl -X POST ${location.origin}${start.ingestPath} \\`,
    `  -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \\`,
    `  --data-binary @- <<'EOF'`,
    JSON.stringify(event, null, 2),
    'EOF',
  ].join('\n');
  return h(
    'div',
    { class: 'empty-state', id: 'home-empty' },
    h('h2', {}, 'No events yet'),
    h('p', {}, 'Tributary builds its lineage graph from OpenLineage events. Send a first one from a shell on a machine that can reach this server:'),
    h('pre', { id: 'home-first-curl', class: 'mono' }, curl),
    start.apiKeyFile
      ? h('p', {}, 'The key is the one the server generated at its first start, in ', h('code', {}, start.apiKeyFile), ' on the server.')
      : h('p', {}, 'The key is the server’s ', h('code', {}, 'TRIBUTARY_API_KEY'), '.'),
    h('p', {}, 'A ', h('code', {}, '201'), ' answer means the event is stored; this page then shows it. To connect Airflow, Spark, Databricks, dbt, Great Expectations, Flink or Kafka, see the ', h('a', { href: '#/docs/integrations', id: 'home-integrations' }, 'integration guide'), ' (docs/integrations.md).'),
  );
}

/** A random (version 4) UUID; crypto.randomUUID exists only on HTTPS and localhost pages. */
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
