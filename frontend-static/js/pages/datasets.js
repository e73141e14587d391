// Datasets page: every dataset with its namespace and when a run last read or wrote it, filtered by namespace.
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage } from '../dom.js';
import { navigate } from '../router.js';
import { formatTime } from '../format.js';
import { datasetLink } from '../panel/common.js';
import { namespaceSelect, pageShell } from './common.js';

const DATASETS = `query Datasets($namespace: String, $after: String) {
  datasets(namespace: $namespace, first: 100, after: $after) {
    edges { node { namespace name lastSeen lastRead { time } lastWritten { time } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The newer of the last read and the last write, and which it was. */
function lastAccess(d) {
  const r = d.lastRead?.time;
  const w = d.lastWritten?.time;
  if (!r && !w) return '';
  return !r || (w && w >= r) ? `${formatTime(w)} (written)` : `${formatTime(r)} (read)`;
}

export function mount(container, route) {
  const controller = new AbortController();
  const namespace = route.params.get('namespace') || null;
  const { section, filters, results } = pageShell('Datasets', 'Every dataset the events have mentioned. Select one to open its lineage.');
  container.append(section);
  (async () => {
    try {
      const ns = await namespaceSelect('datasets-namespace', namespace, 'datasetCount', controller.signal);
      filters.append(h('label', { class: 'field' }, 'Namespace', ns), h('button', { type: 'submit' }, 'Apply'));
      ns.addEventListener('change', () => navigate('datasets', null, { namespace: ns.value }));
      filters.onsubmit = (e) => {
        e.preventDefault();
        navigate('datasets', null, { namespace: ns.value });
      };
    } catch (e) {
      if (!isAbort(e)) filters.append(errorMessage(e));
    }
  })();
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  clear(
    results,
    h(
      'table',
      { class: 'data', id: 'datasets-table' },
      h('caption', { class: 'visually-hidden' }, 'Datasets'),
      h('thead', {}, h('tr', {}, ['Name', 'Namespace', 'Last access', 'Last seen'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody,
    ),
    more,
  );
  const load = async (after) => {
    more.disabled = true;
    try {
      const { datasets } = await gql(DATASETS, { namespace, after }, { signal: controller.signal });
      for (const { node: d } of datasets.edges) {
        tbody.append(h('tr', {}, h('td', {}, datasetLink(d)), h('td', {}, d.namespace), h('td', {}, lastAccess(d)), h('td', {}, formatTime(d.lastSeen))));
      }
      if (!tbody.children.length) results.append(message('No datasets yet.'));
      more.hidden = !datasets.pageInfo.hasNextPage;
      more.disabled = false;
      more.onclick = () => load(datasets.pageInfo.endCursor);
      results.dataset.state = 'ready';
    } catch (e) {
      if (!isAbort(e)) results.append(errorMessage(e));
    }
  };
  load(null);
  return { update: () => false, unmount: () => controller.abort() };
}
