// The side panel for the selected node: a header with actions, and tabs (Info, Inputs/Outputs, then Quality for
// datasets, Duration, Compare and Versions for jobs). The tab is in the URL; each tab is its own module.
import { h, clear, message, errorMessage } from '../dom.js';
import { navigate, updateParams, parseRoute } from '../router.js';
import { nodeId } from '../nodes.js';
import * as info from './info.js';
import * as io from './inputs-outputs.js';
import * as quality from './quality.js';
import * as duration from './duration.js';
import * as compare from './compare.js';
import * as versions from './versions.js';

const TABS = {
  info: { label: 'Info', module: info },
  io: { label: 'Inputs/Outputs', module: io },
  quality: { label: 'Quality', module: quality },
  duration: { label: 'Duration', module: duration },
  compare: { label: 'Compare', module: compare },
  versions: { label: 'Versions', module: versions },
};
const TABS_BY_KIND = { DATASET: ['info', 'io', 'quality'], JOB: ['info', 'io', 'duration', 'compare', 'versions'] };
/** Route parameters a tab reads; a change to any of them redraws the tab. */
const TAB_PARAMS = ['tab', 'run', 'a', 'b'];

export function mountPanel(aside, actions) {
  let shown = null;
  let controller = null;

  const header = (kindLabel, title, namespace, buttons) =>
    h(
      'div',
      { class: 'panel-head' },
      h('p', { class: 'panel-kind' }, kindLabel),
      h('h2', { id: 'panel-title', tabindex: -1 }, title),
      namespace ? h('p', { class: 'panel-ns' }, namespace) : null,
      h('div', { class: 'panel-actions' }, buttons),
    );

  function show(node, params) {
    const tabs = TABS_BY_KIND[node.kind] ?? ['info'];
    const tab = tabs.includes(params.get('tab')) ? params.get('tab') : 'info';
    const signature = JSON.stringify([node.id, node.latestRunId, node.latestRunState, tab, ...TAB_PARAMS.map((p) => params.get(p))]);
    if (shown === signature) return;
    shown = signature;
    controller?.abort();
    controller = new AbortController();

    const isRoot = node.id === actions.rootId();
    const buttons = [
      h('button', { type: 'button', onclick: () => actions.expand(node.id) }, 'Expand neighbours'),
      h('button', { type: 'button', onclick: () => actions.collapse(node.id) }, 'Collapse neighbours'),
      !isRoot
        ? h('button', { type: 'button', onclick: () => navigate('lineage', node.id, keepGraphParams()) }, 'Focus here')
        : null,
      node.kind === 'DATASET'
        ? h('a', { class: 'button', href: `#/columns/${nodeId('DATASET', node.namespace, node.name)}` }, 'Column lineage')
        : null,
    ];

    const tablist = h('div', { role: 'tablist', 'aria-label': 'Details', class: 'tabs' });
    const tabpanel = h('div', { role: 'tabpanel', id: 'tabpanel', class: 'tabpanel', tabindex: 0, 'aria-labelledby': `tab-${tab}` });
    tabs.forEach((t, i) => {
      const selected = t === tab;
      tablist.append(
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t}`,
            'aria-selected': String(selected),
            'aria-controls': 'tabpanel',
            tabindex: selected ? 0 : -1,
            onclick: () => updateParams({ tab: t === 'info' ? null : t }),
            onkeydown: (e) => {
              const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
              if (!step) return;
              e.preventDefault();
              const next = tabs[(i + step + tabs.length) % tabs.length];
              updateParams({ tab: next === 'info' ? null : next });
              requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
            },
          },
          TABS[t].label,
        ),
      );
    });
    clear(
      aside,
      header(node.kind === 'JOB' ? 'Job' : 'Dataset', node.name, node.namespace, buttons),
      tablist,
      tabpanel,
    );
    tabpanel.append(message('Loading…'));
    const ctx = { node, params, signal: controller.signal, highlight: actions.highlight, includeSince: actions.includeSince };
    TABS[tab].module.render(tabpanel, ctx).catch((e) => {
      if (e.name !== 'AbortError') clear(tabpanel, errorMessage(e));
    });
  }

  function showNamespace(ns, members) {
    shown = `NAMESPACE:${ns}`;
    controller?.abort();
    clear(
      aside,
      header('Collapsed namespace', ns, null, [
        h('button', { type: 'button', onclick: () => actions.expandNamespace(ns) }, 'Expand namespace'),
      ]),
      h('p', {}, `${members.length} nodes of this namespace are drawn as one.`),
      h(
        'ul',
        { class: 'plain-list' },
        members.slice(0, 200).map((n) => h('li', {}, `${n.kind === 'JOB' ? 'Job' : 'Dataset'}: ${n.name}`)),
      ),
      members.length > 200 ? h('p', {}, `…and ${members.length - 200} more.`) : null,
    );
  }

  function showError(e) {
    shown = null;
    clear(aside, errorMessage(e));
  }

  return { show, showNamespace, showError, unmount: () => controller?.abort() };
}

function keepGraphParams() {
  const { params } = parseRoute();
  const keep = {};
  for (const k of ['up', 'down', 'max', 'group']) if (params.has(k)) keep[k] = params.get(k);
  return keep;
}
