// The search bar: a combobox over the API's ranked full-text search. Jobs and datasets open in the lineage
// graph, columns in the column lineage view.
import { gql, isAbort } from './graphql.js';
import { h, clear } from './dom.js';
import { navigate } from './router.js';
import { nodeId } from './nodes.js';

const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 12) { kind namespace name field description }
}`;

const KIND_LABEL = { DATASET: 'Dataset', JOB: 'Job', FIELD: 'Column' };

export function mountSearch(root) {
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    placeholder: 'Search jobs, datasets, columns',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { id: 'search-results', role: 'listbox', 'aria-label': 'Search results', hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  root.append(h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search'), input, list, status);

  let results = [];
  let active = -1;
  let timer = null;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (i) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = (r) => {
    close();
    input.value = '';
    if (r.kind === 'FIELD') navigate('columns', nodeId('FIELD', r.namespace, r.name, r.field));
    else navigate('lineage', nodeId(r.kind, r.namespace, r.name));
  };

  const show = (items, query) => {
    results = items;
    clear(
      list,
      items.map((r, i) =>
        h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            class: 'search-option',
            dataset: { kind: r.kind },
            onmousedown: (e) => {
              e.preventDefault(); // keep focus in the input until the route changes
              open(r);
            },
          },
          h('span', { class: `kind kind-${r.kind.toLowerCase()}` }, KIND_LABEL[r.kind]),
          h('span', { class: 'search-name' }, r.kind === 'FIELD' ? `${r.name} › ${r.field}` : r.name),
          h('span', { class: 'search-ns' }, r.namespace),
        ),
      ),
    );
    if (!items.length) list.append(h('li', { class: 'search-empty' }, `Nothing matches “${query}”`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${items.length} result${items.length === 1 ? '' : 's'}`;
    setActive(-1);
  };

  const search = async (query) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const data = await gql(SEARCH, { q: query }, { signal: controller.signal });
      // In the API's order: exact names first, then jobs and datasets before their columns.
      if (input.value.trim() === query) show(data.search, query);
    } catch (e) {
      if (isAbort(e)) return;
      clear(list, h('li', { class: 'search-empty', role: 'alert' }, `Search failed: ${e.message}`));
      list.hidden = false;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    timer = setTimeout(() => search(query), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setActive(Math.min(active + 1, results.length - 1));
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (e.key === 'Enter' && results.length && !list.hidden) {
      e.preventDefault();
      open(results[Math.max(active, 0)]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
