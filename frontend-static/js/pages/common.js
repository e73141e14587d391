// Page scaffolding shared by the Runs, Issues and Datasets pages.
import { gql } from '../graphql.js';
import { h } from '../dom.js';

const NAMESPACES = 'query Namespaces { namespaces { name jobCount datasetCount runCount } }';

/** A namespace picker filled from the API; `count` picks which member count to show and filter on. */
export async function namespaceSelect(id, selected, count, signal) {
  const select = h('select', { id }, h('option', { value: '' }, 'All namespaces'));
  const { namespaces } = await gql(NAMESPACES, {}, { signal });
  for (const ns of namespaces) {
    if (ns[count] === 0 && ns.name !== selected) continue;
    select.append(h('option', { value: ns.name, selected: ns.name === selected }, `${ns.name} (${ns[count]})`));
  }
  return select;
}

export function pageShell(title, intro) {
  const filters = h('form', { class: 'filters', 'aria-label': `Filter ${title.toLowerCase()}` });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const section = h('section', { class: 'page' }, h('h1', {}, title), intro ? h('p', { class: 'intro' }, intro) : null, filters, results);
  return { section, filters, results };
}
