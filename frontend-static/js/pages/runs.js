// Runs page: the newest runs of every job, filtered by namespace, state, job and time; a run opens in the graph
// at its job with the run's details.
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage } from '../dom.js';
import { navigate } from '../router.js';
import { toLocalInput, fromLocalInput } from '../format.js';
import { stateBadge, jobLink, runLink, runStarted, runDuration } from '../panel/common.js';
import { namespaceSelect, pageShell } from './common.js';
import { followRuns } from './runs-live.js';

const RUNS = `query Runs($filter: RunFilter, $after: String) {
  runs(filter: $filter, first: 50, after: $after) {
    edges { node { id state startedAt endedAt durationMs job { namespace name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STATES = ['RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'];

export function mount(container, route) {
  const controller = new AbortController();
  const p = route.params;
  const { section, filters, results } = pageShell('Runs', 'The most recent runs of every job, newest first. Select a run to open it in the lineage graph.');
  container.append(section);
  const state = h('select', { id: 'runs-state' }, h('option', { value: '' }, 'Any state'), STATES.map((s) => h('option', { value: s, selected: s === p.get('state') }, s)));
  const job = h('input', { id: 'runs-job', type: 'text', value: p.get('job') ?? '', placeholder: 'job name (needs a namespace)' });
  const since = h('input', { id: 'runs-since', type: 'datetime-local', value: toLocalInput(p.get('since')) });
  const until = h('input', { id: 'runs-until', type: 'datetime-local', value: toLocalInput(p.get('until')) });

  (async () => {
    try {
      const ns = await namespaceSelect('runs-namespace', p.get('namespace'), 'runCount', controller.signal);
      clear(
        filters,
        h('label', { class: 'field' }, 'Namespace', ns),
        h('label', { class: 'field' }, 'State', state),
        h('label', { class: 'field' }, 'Job', job),
        h('label', { class: 'field' }, 'Started from', since),
        h('label', { class: 'field' }, 'Started before', until),
        h('button', { type: 'submit' }, 'Apply'),
      );
      filters.onsubmit = (e) => {
        e.preventDefault();
        navigate('runs', null, { namespace: ns.value, state: state.value, job: ns.value ? job.value.trim() : '', since: fromLocalInput(since.value), until: fromLocalInput(until.value) });
      };
    } catch (e) {
      if (!isAbort(e)) filters.append(errorMessage(e));
    }
  })();

  const filter = {};
  for (const k of ['state', 'namespace', 'job', 'since', 'until']) if (p.get(k)) filter[k] = p.get(k);
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  clear(
    results,
    h(
      'table',
      { class: 'data', id: 'runs-table' },
      h('caption', { class: 'visually-hidden' }, 'Runs, newest first'),
      h('thead', {}, h('tr', {}, ['Job', 'State', 'Started', 'Duration', 'Run'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody,
    ),
    more,
  );
  const load = async (after) => {
    more.disabled = true;
    try {
      const { runs } = await gql(RUNS, { filter, after }, { signal: controller.signal });
      for (const { node: r } of runs.edges) {
        // A live update may have shown the run already.
        if (![...tbody.rows].some((tr) => tr.dataset.runId === r.id)) tbody.append(runRow(r));
      }
      if (!tbody.children.length) results.append(message('No runs match these filters.'));
      more.hidden = !runs.pageInfo.hasNextPage;
      more.disabled = false;
      more.onclick = () => load(runs.pageInfo.endCursor);
      results.dataset.state = 'ready';
    } catch (e) {
      if (!isAbort(e)) results.append(errorMessage(e));
    }
  };
  load(null);
  // Live: runs of this filter update in place or appear as their events are committed.
  const live = followRuns(filter, {
    tbody,
    rowOf: runRow,
    hasMore: () => !more.hidden,
    shown: () => results.querySelector(':scope > .message')?.remove(),
    reload: () => {
      tbody.replaceChildren();
      results.querySelector(':scope > .message')?.remove();
      load(null);
    },
  });
  return { update: () => false, unmount: () => { controller.abort(); live.close(); } };
}

function runRow(r) {
  return h(
    'tr',
    { dataset: { runId: r.id, started: r.startedAt ?? '' } },
    h('td', {}, jobLink(r.job, { run: r.id })),
    h('td', {}, stateBadge(r.state)),
    h('td', {}, runStarted(r)),
    h('td', {}, runDuration(r)),
    h('td', {}, runLink(r, r.job)),
  );
}
