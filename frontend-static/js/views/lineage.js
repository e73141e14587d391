// The lineage graph: datasets and jobs around a start node, upstream and downstream to their own depths, drawn by
// Cytoscape with ELK's layered layout (past LEVEL_LAYOUT_FROM nodes, the cheaper one of level-layout.js). Nodes can be expanded (their neighbours fetched) and collapsed (what only
// they led to removed). Past a size, namespaces group into compound nodes and all but the start's collapse.
// By default the current lineage; a time window (`since`) adds the edges seen since then that are history (no longer
// in their job's current version), drawn dashed and grey; `asOf` shows the graph at a past time. Control flow between
// jobs (the jobDependencies facet) is drawn apart from data flow: dotted orange job-to-job edges, with a job that only
// control flow reaches drawn too.
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage } from '../dom.js';
import { updateParams, parseRoute } from '../router.js';
import { nodeId, parseNodeId, nodeKey } from '../nodes.js';
import { loadCytoscape, loadCytoscapeWithElk } from '../vendor.js';
import { graphStyle, layoutOptions, rendererOptions, legend, shortLabel, fitGraph } from './graph-style.js';
import { levelLayout } from './level-layout.js';
import { mountPanel } from '../panel/panel.js';
import { formatTime, toLocalInput, fromLocalInput } from '../format.js';
import { LineageFollower } from './lineage-live.js';

const NODE_FIELDS =
  'id kind namespace name distance description owners jobType integration latestRunId latestRunState latestQualityFailed otherNames { namespace name }';
/** A dataset's other names (symlinks), which the walk treats as the same node: " · also a:b, c:d", or "". */
function alsoNamed(n) {
  const names = n.otherNames ?? [];
  return names.length ? ` · also ${names.map((o) => `${o.namespace}:${o.name}`).join(', ')}` : '';
}

const GRAPH_FIELDS = `nodes { ${NODE_FIELDS} } edges { from to history } controlFlow { from to dependencyType } truncated`;
const LINEAGE = `query Lineage($node: NodeRef!, $up: Int!, $down: Int!, $max: Int!, $asOf: DateTime, $since: DateTime) {
  up: lineage(node: $node, direction: UPSTREAM, depth: $up, maxNodes: $max, asOf: $asOf, since: $since) { ${GRAPH_FIELDS} }
  down: lineage(node: $node, direction: DOWNSTREAM, depth: $down, maxNodes: $max, asOf: $asOf, since: $since) { ${GRAPH_FIELDS} }
}`;
const NEIGHBOURS = `query Neighbours($node: NodeRef!, $max: Int!, $asOf: DateTime, $since: DateTime) {
  lineage(node: $node, direction: BOTH, depth: 1, maxNodes: $max, asOf: $asOf, since: $since) { ${GRAPH_FIELDS} }
}`;

/** The time windows offered besides a custom start; `since` in the URL is one of these keys or a time. */
const WINDOWS = [
  ['', 'Current lineage'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['all', 'All time'],
  ['custom', 'Since…'],
];
const WINDOW_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/** The start of the window the URL's `since` names, as the API takes it (a relative window counts from now); null: none. */
export function sinceTime(since, now = Date.now()) {
  if (!since) return null;
  if (since === 'all') return '1970-01-01T00:00:00Z';
  if (WINDOW_MS[since]) return new Date(now - WINDOW_MS[since]).toISOString();
  return since;
}

const DEFAULTS = { up: '4', down: '4', max: '1000' };
const KEYS_HELP = 'Arrow keys move between nodes, plus expands, minus collapses, F fits.';
/** Above this many nodes, namespaces are grouped and all but the start node's collapsed. */
export const LARGE_GRAPH = 400;
/**
 * Above this many drawn nodes (with at most one namespace group), the layered layout of level-layout.js replaces
 * ELK, whose start-up alone costs over a second of CPU in a fresh page (bench/ui-render.md).
 */
export const LEVEL_LAYOUT_FROM = 300;

export function mount(container, route) {
  if (!route.arg) return mountEmpty(container);
  const root = parseNodeId(route.arg);
  if (!root || root.kind === 'FIELD') {
    container.append(message('This link does not name a dataset or job.', 'error'));
    return { update: () => false, unmount() {} };
  }
  return new LineageView(container, route, root);
}

function mountEmpty(container) {
  container.append(
    h(
      'section',
      { class: 'page empty-state' },
      h('h1', {}, 'Lineage'),
      h('p', {}, 'Search for a dataset, job or column above, or open one from the ', h('a', { href: '#/datasets' }, 'Datasets'), ' or ', h('a', { href: '#/runs' }, 'Runs'), ' page.'),
    ),
  );
  return { update: (route) => !route.arg, unmount() {} };
}

const graphParams = (params) => ({
  up: params.get('up') ?? DEFAULTS.up,
  down: params.get('down') ?? DEFAULTS.down,
  max: params.get('max') ?? DEFAULTS.max,
  group: params.get('group'),
  asOf: params.get('asOf'),
  since: params.get('since'),
});

class LineageView {
  constructor(container, route, root) {
    this.root = root;
    this.rootArg = route.arg;
    this.params = graphParams(route.params);
    this.model = null;
    this.collapsedNs = new Set();
    this.cy = null;
    this.controller = null;
    this.renderSeq = 0;
    this.follower = new LineageFollower(this);
    this.build(container);
    this.panel = mountPanel(this.aside, {
      expand: (id) => this.expand(id),
      collapse: (id) => this.collapse(id),
      expandNamespace: (ns) => this.setNamespaceCollapsed(ns, false),
      highlight: (keys) => this.highlight(keys),
      includeSince: (time) => this.includeSince(time),
      rootId: () => this.rootId,
    });
    this.loaded = this.load(route);
  }

  build(container) {
    const p = this.params;
    const depthInput = (id, label, value) =>
      h('label', { class: 'field' }, label, h('input', { id, type: 'number', min: 0, max: 50, value, inputmode: 'numeric' }));
    this.upInput = depthInput('depth-up', 'Upstream depth', p.up);
    this.downInput = depthInput('depth-down', 'Downstream depth', p.down);
    this.maxSelect = h(
      'select',
      { id: 'max-nodes' },
      ['200', '500', '1000', '2000', '5000'].map((v) => h('option', { value: v, selected: v === p.max }, v)),
    );
    this.groupBox = h('input', { type: 'checkbox', id: 'group-ns', checked: p.group === '1' });
    this.asOfInput = h('input', { id: 'as-of', type: 'datetime-local', value: toLocalInput(p.asOf) });
    this.sinceSelect = h('select', { id: 'since' }, WINDOWS.map(([v, label]) => h('option', { value: v }, label)));
    this.sinceInput = h('input', { id: 'since-custom', type: 'datetime-local', 'aria-label': 'Window start' });
    this.showWindow(p);
    // A window and a point in time exclude each other: choosing one clears the other.
    this.sinceSelect.addEventListener('change', () => {
      this.sinceInput.hidden = this.sinceSelect.value !== 'custom';
      if (this.sinceSelect.value) this.asOfInput.value = '';
    });
    this.asOfInput.addEventListener('input', () => {
      if (!this.asOfInput.value) return;
      this.sinceSelect.value = '';
      this.sinceInput.hidden = true;
    });
    const applyDepth = (e) => {
      e.preventDefault();
      const captured = this.sinceSelect.value === 'custom' ? fromLocalInput(this.sinceInput.value) : this.sinceSelect.value;
      const asOf = fromLocalInput(this.asOfInput.value);
      updateParams(
        {
          up: this.upInput.firstElementChild.value,
          down: this.downInput.firstElementChild.value,
          max: this.maxSelect.value,
          asOf: captured ? null : asOf,
          since: captured || null,
        },
        { replace: false },
      );
    };
    this.notice = h('div', { class: 'graph-notices', 'aria-live': 'polite' });
    this.graph = h('div', {
      class: 'graph',
      id: 'lineage-graph',
      tabindex: 0,
      role: 'application',
      'aria-roledescription': 'lineage graph',
      'aria-label': `Lineage graph. ${KEYS_HELP}`,
      'data-state': 'loading',
    });
    this.graph.addEventListener('keydown', (e) => this.onKey(e));
    this.nodeList = h('ul', { class: 'node-list' });
    this.nodeListBox = h(
      'details',
      { class: 'node-list-box', ontoggle: () => this.nodeListBox.open && this.renderNodeList() },
      h('summary', {}, 'Nodes as a list'),
      this.nodeList,
    );
    this.aside = h('aside', { class: 'side-panel', 'aria-label': 'Selected node' });
    container.append(
      h(
        'section',
        { class: 'lineage-view' },
        h(
          'div',
          { class: 'graph-area' },
          h('h1', { class: 'visually-hidden' }, `Lineage of ${this.root.name}`),
          h(
            'form',
            { class: 'toolbar', 'aria-label': 'Graph controls', onsubmit: applyDepth },
            this.upInput,
            this.downInput,
            h('label', { class: 'field' }, 'Max nodes', this.maxSelect),
            h(
              'label',
              { class: 'field', title: 'Current lineage: each job\u2019s current version. A window adds every edge seen since its start, those no longer current dashed.' },
              'Captured',
              this.sinceSelect,
            ),
            this.sinceInput,
            h('label', { class: 'field', title: 'Empty: the lineage as it is now' }, 'As of', this.asOfInput),
            h('button', { type: 'submit' }, 'Apply'),
            h('label', { class: 'check' }, this.groupBox, 'Group by namespace'),
          ),
          this.notice,
          h(
            'div',
            { class: 'graph-wrap' },
            this.graph,
            h(
              'div',
              { class: 'view-controls', role: 'group', 'aria-label': 'View' },
              h('button', { type: 'button', onclick: () => this.cy && fitGraph(this.cy) }, 'Fit'),
              h('button', { type: 'button', 'aria-label': 'Zoom in', onclick: () => this.zoom(1.25) }, '+'),
              h('button', { type: 'button', 'aria-label': 'Zoom out', onclick: () => this.zoom(0.8) }, '−'),
            ),
          ),
          legend(),
          this.nodeListBox,
        ),
        this.aside,
      ),
    );
    this.groupBox.addEventListener('change', () => updateParams({ group: this.groupBox.checked ? '1' : '0' }));
  }

  /** Sets the window and as-of controls to what the URL says (it may change without them, e.g. from Compare). */
  showWindow(p) {
    const custom = Boolean(p.since) && !(p.since in WINDOW_MS) && p.since !== 'all';
    this.sinceSelect.value = custom ? 'custom' : p.since ?? '';
    this.sinceInput.value = custom ? toLocalInput(p.since) : '';
    this.sinceInput.hidden = !custom;
    this.asOfInput.value = toLocalInput(p.asOf);
  }

  /** The start node's id as the API spells it (computed until the first answer arrives). */
  get rootId() {
    return this.model?.rootId ?? nodeId(this.root.kind, this.root.namespace, this.root.name);
  }

  update(route) {
    if (route.arg !== this.rootArg) return false;
    const next = graphParams(route.params);
    const reload = ['up', 'down', 'max', 'asOf', 'since'].some((k) => next[k] !== this.params[k]);
    const regroup = next.group !== this.params.group;
    this.params = next;
    if (reload) {
      this.showWindow(next);
      this.loaded = this.load(route);
    } else if (regroup) {
      this.collapsedNs.clear();
      this.render(route);
    } else this.applySelection(route);
    return true;
  }

  unmount() {
    this.follower.close();
    this.controller?.abort();
    this.resizeObserver?.disconnect();
    this.panel.unmount();
    this.cy?.destroy();
    if (window.__tributary.lineage?.view === this) delete window.__tributary.lineage;
  }

  async load(route) {
    this.controller?.abort();
    this.controller = new AbortController();
    this.graph.dataset.state = 'loading';
    clear(this.notice, message('Loading lineage…'));
    const p = this.params;
    try {
      // ELK loads alongside (its scripts compile off the main thread); only smaller answers wait for it.
      loadCytoscapeWithElk().catch(() => {});
      const [cytoscape, data] = await Promise.all([
        loadCytoscape(),
        gql(LINEAGE, { node: this.root, up: Number(p.up), down: Number(p.down), max: Number(p.max), asOf: p.asOf || null, since: sinceTime(p.since) }, { signal: this.controller.signal }),
      ]);
      this.model = newModel();
      mergeGraph(this.model, data.up, 0);
      mergeGraph(this.model, data.down, 0);
      this.model.truncated = data.up.truncated || data.down.truncated;
      this.collapsedNs.clear();
      this.ensureCy(cytoscape);
      await this.render(route);
    } catch (e) {
      if (isAbort(e)) return;
      this.graph.dataset.state = 'error';
      clear(this.notice, errorMessage(e));
      this.panel.showError(e);
    }
  }

  ensureCy(cytoscape) {
    if (this.cy) return;
    this.cy = cytoscape({ container: this.graph, style: graphStyle(), ...rendererOptions(this.model.nodes.size) });
    this.cy.on('tap', 'node', (e) => this.selectNode(e.target.id()));
    this.cy.on('dbltap', 'node', (e) => this.toggle(e.target.id()));
    // Labels are shortened; the full name shows as the tooltip (and in the panel and the node list).
    this.cy.on('mouseover', 'node', (e) => (this.graph.title = e.target.data('fullName') ?? ''));
    this.cy.on('mouseout', 'node', () => this.graph.removeAttribute('title'));
    this.resizeObserver = new ResizeObserver(() => this.cy?.resize());
    this.resizeObserver.observe(this.graph);
    window.__tributary.lineage = { view: this, cy: this.cy };
  }

  /** Elements to draw: the model, with grouped or collapsed namespaces applied. */
  elements() {
    const m = this.model;
    // Grouping helps only when there is more than one namespace to tell apart.
    const large = m.nodes.size > LARGE_GRAPH && new Set([...m.nodes.values()].map((n) => n.namespace)).size > 1;
    const grouped = this.params.group === '1' || (this.params.group !== '0' && large);
    this.groupBox.checked = grouped;
    if (grouped && this.params.group !== '1' && !this.autoCollapsed) {
      // First render of a large graph: collapse every namespace but the start node's.
      for (const n of m.nodes.values()) if (n.namespace !== this.root.namespace) this.collapsedNs.add(n.namespace);
      this.autoCollapsed = true;
    }
    const rootId = this.rootId;
    const visibleId = new Map();
    const summaries = new Map();
    for (const n of m.nodes.values()) {
      if (grouped && this.collapsedNs.has(n.namespace) && n.id !== rootId) {
        const sid = `NAMESPACE:${n.namespace}`;
        visibleId.set(n.id, sid);
        summaries.set(sid, (summaries.get(sid) ?? 0) + 1);
      } else visibleId.set(n.id, n.id);
    }
    const els = [];
    const groups = new Set();
    for (const n of m.nodes.values()) {
      if (visibleId.get(n.id) !== n.id) continue;
      const parent = grouped ? `GROUP:${n.namespace}` : undefined;
      if (parent) groups.add(n.namespace);
      els.push({
        group: 'nodes',
        data: {
          id: n.id,
          kind: n.kind,
          label: shortLabel(n.name),
          fullName: n.name + alsoNamed(n),
          state: n.latestRunState ?? undefined,
          qualityFailed: n.latestQualityFailed === true || undefined,
          parent,
        },
        classes: n.id === rootId ? 'root' : '',
      });
    }
    for (const [sid, count] of summaries) {
      const ns = sid.slice('NAMESPACE:'.length);
      els.push({ group: 'nodes', data: { id: sid, kind: 'NAMESPACE', namespace: ns, count, label: `${shortLabel(ns, 24)} (${count})`, fullName: ns } });
    }
    for (const ns of groups) els.push({ group: 'nodes', data: { id: `GROUP:${ns}`, kind: 'GROUP', label: ns } });
    // Edges drawn as one (between collapsed namespaces) are history only if all of them are.
    const drawnEdges = new Map();
    for (const e of m.edges.values()) {
      const from = visibleId.get(e.from);
      const to = visibleId.get(e.to);
      if (!from || !to || from === to) continue;
      const id = `${from}->${to}`;
      const drawn = drawnEdges.get(id);
      if (drawn) drawn.history &&= e.history === true;
      else drawnEdges.set(id, { id, source: from, target: to, history: e.history === true });
    }
    for (const d of drawnEdges.values()) els.push({ group: 'edges', data: d, classes: d.history ? 'history' : '' });
    // Control flow: between drawn jobs; a job only control flow reaches (it reads and writes nothing) is added.
    const drawnIds = new Set(els.filter((e) => e.group === 'nodes').map((e) => e.data.id));
    for (const c of m.control.values()) {
      const from = visibleId.get(c.from) ?? c.from;
      const to = visibleId.get(c.to) ?? c.to;
      if (from === to || (!drawnIds.has(from) && !drawnIds.has(to))) continue;
      for (const id of [from, to]) {
        if (drawnIds.has(id)) continue;
        const ref = parseNodeId(id);
        if (!ref) continue;
        drawnIds.add(id);
        els.push({ group: 'nodes', data: { id, kind: 'JOB', label: shortLabel(ref.name), fullName: `${ref.name} (control flow only)` }, classes: 'control-only' });
      }
      els.push({ group: 'edges', data: { id: `CONTROL:${from}->${to}`, source: from, target: to, control: true, dependencyType: c.dependencyType ?? undefined }, classes: 'control' });
    }
    return { els, grouped, summaries: summaries.size, groups: groups.size, rootId };
  }

  async render(route) {
    const seq = ++this.renderSeq;
    const started = performance.now();
    this.graph.dataset.state = 'layout';
    const { els, grouped, summaries, groups, rootId } = this.elements();
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(els);
    });
    const tAdd = performance.now();
    const drawn = els.filter((e) => e.group === 'nodes' && e.data.kind !== 'GROUP');
    const levels = drawn.length > LEVEL_LAYOUT_FROM && groups <= 1;
    if (levels) {
      const positions = levelLayout(
        drawn.map((e) => e.data.id),
        els.filter((e) => e.group === 'edges').map((e) => e.data),
        rootId,
      );
      if (groups) keepOutsideGroup(positions, drawn);
      cy.layout({ name: 'preset', positions: (n) => positions.get(n.id()), fit: false, animate: false }).run();
    } else {
      await loadCytoscapeWithElk();
      if (seq !== this.renderSeq) return;
      const layout = cy.layout(layoutOptions(cy.nodes().length));
      const done = layout.promiseOn('layoutstop');
      layout.run();
      await done;
    }
    if (seq !== this.renderSeq) return;
    const tLayout = performance.now();
    fitGraph(cy);
    // Two frames: Cytoscape paints in its own animation-frame callback, so the second frame follows a drawn one.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const nodes = cy.nodes('[kind = "DATASET"], [kind = "JOB"]').length;
    const edges = cy.edges().not('.control').length;
    const end = performance.now();
    // What the benchmark reads: which layout, building the elements, the layout, and fitting plus the first frame.
    const timings = { layout: levels ? 'levels' : 'elk', elementsMs: Math.round(tAdd - started), layoutMs: Math.round(tLayout - tAdd), drawMs: Math.round(end - tLayout), renderMs: Math.round(end - started) };
    const historyEdges = cy.edges('.history').length;
    const controlEdges = cy.edges('.control').length;
    Object.assign(this.graph.dataset, { state: 'ready', nodes, edges, historyEdges, controlEdges, truncated: String(this.model.truncated), renderMs: timings.renderMs });
    window.__tributary.lineage = { view: this, cy, nodes, edges, truncated: this.model.truncated, ...timings, rerender: () => this.render(routeNow()) };
    this.renderNotices(grouped, summaries);
    if (this.nodeListBox.open) this.renderNodeList();
    this.applySelection(route);
    // Live run states and edges, for the graph as it is now (not as it stood at a past time).
    if (this.params.asOf) this.follower.close();
    else this.follower.follow([...this.model.nodes.keys()]);
  }

  /** Loads the graph again for the current route (after changes it cannot draw in place). */
  reload() {
    this.load(routeNow());
  }

  /** A node's run state changed live: the panel shows it anew if it is the selected one. */
  nodeChanged(id) {
    const route = routeNow();
    if ((route.params.get('select') ?? this.rootId) === id) this.applySelection(route);
    if (this.nodeListBox.open) this.renderNodeList();
  }

  renderNotices(grouped, summaries) {
    const m = this.model;
    const items = [];
    if (m.truncated) {
      items.push(
        h(
          'p',
          { class: 'notice notice-warning', id: 'truncated-notice', role: 'status' },
          h('strong', {}, 'Truncated: '),
          `a cap cut this answer (depth or ${this.params.max} nodes), so reachable nodes are missing. Raise the depth or Max nodes, or expand nodes one at a time.`,
        ),
      );
    }
    if (summaries) {
      items.push(
        h(
          'p',
          { class: 'notice', id: 'collapsed-notice', role: 'status' },
          summaries === 1
            ? `${m.nodes.size} nodes: 1 namespace is collapsed into one node. Select it to open it.`
            : `${m.nodes.size} nodes: ${summaries} namespaces are collapsed into one node each. Select one to open it.`,
        ),
      );
    }
    if (this.params.since) {
      items.push(
        h(
          'p',
          { class: 'notice', id: 'since-notice', role: 'status' },
          this.params.since === 'all' ? 'Lineage captured at any time' : `Lineage captured since ${formatTime(sinceTime(this.params.since))}`,
          ': edges no longer in their job\u2019s current version are dashed. ',
          h('button', { type: 'button', class: 'link', onclick: () => updateParams({ since: null }, { replace: false }) }, 'Show the current lineage'),
        ),
      );
    }
    if (this.params.asOf) {
      items.push(
        h(
          'p',
          { class: 'notice', id: 'as-of-notice', role: 'status' },
          `Lineage as it stood at ${formatTime(this.params.asOf)}. `,
          h('button', { type: 'button', class: 'link', onclick: () => updateParams({ asOf: null }, { replace: false }) }, 'Show it as it is now'),
        ),
      );
    }
    items.push(h('p', { class: 'graph-summary', id: 'graph-summary' }, `${m.nodes.size} nodes, ${m.edges.size} edges${grouped ? ', grouped by namespace' : ''}.`));
    clear(this.notice, items);
  }

  renderNodeList() {
    const m = this.model;
    if (!m) return;
    const sorted = [...m.nodes.values()].sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    clear(
      this.nodeList,
      sorted.map((n) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => this.selectNode(this.visibleIdOf(n.id)) },
            n.name,
          ),
          ` ${n.kind === 'JOB' ? 'job' : 'dataset'} · ${n.namespace} · distance ${n.distance}${n.latestRunState ? ' · ' + n.latestRunState.toLowerCase() : ''}${n.latestQualityFailed ? ' · latest quality checks failed' : ''}${alsoNamed(n)}`,
        ),
      ),
    );
  }

  visibleIdOf(id) {
    if (this.cy.$id(id).nonempty()) return id;
    const n = this.model.nodes.get(id);
    return n ? `NAMESPACE:${n.namespace}` : id;
  }

  /** Makes the route's node (or the start node) the selected one and shows it in the panel. */
  applySelection(route) {
    if (!this.model || !this.cy) return;
    const selected = route.params.get('select') ?? this.rootId;
    const cyNode = this.cy.$id(selected);
    this.cy.$(':selected').unselect();
    this.highlight([]);
    if (cyNode.nonempty()) cyNode.select();
    if (selected.startsWith('NAMESPACE:')) {
      const ns = selected.slice('NAMESPACE:'.length);
      const members = [...this.model.nodes.values()].filter((n) => n.namespace === ns);
      this.panel.showNamespace(ns, members);
      return;
    }
    // A node collapsed away since the link was made falls back to the start node.
    const node = this.model.nodes.get(selected) ?? this.model.nodes.get(this.rootId);
    if (!node) return;
    // Labels in the canvas are shortened; screen readers get the selected node's full name.
    this.graph.setAttribute('aria-label', `Lineage graph, ${node.name} selected. ${KEYS_HELP}`);
    this.panel.show(node, route.params);
  }

  selectNode(id) {
    updateParams({ select: id === this.rootId ? null : id });
  }

  toggle(id) {
    if (id.startsWith('NAMESPACE:')) this.setNamespaceCollapsed(id.slice('NAMESPACE:'.length), false);
    else if (this.model.expanded.has(id)) this.collapse(id);
    else this.expand(id);
  }

  async expand(id) {
    const ref = parseNodeId(id);
    if (!ref) return;
    this.graph.dataset.state = 'loading';
    try {
      const data = await gql(NEIGHBOURS, { node: ref, max: Number(this.params.max), asOf: this.params.asOf || null, since: sinceTime(this.params.since) });
      const base = this.model.nodes.get(id)?.distance ?? 0;
      mergeGraph(this.model, data.lineage, base);
      this.model.truncated ||= data.lineage.truncated;
      this.model.expanded.add(id);
      for (const n of data.lineage.nodes) this.collapsedNs.delete(n.namespace);
      await this.render(routeNow());
    } catch (e) {
      this.graph.dataset.state = 'ready';
      clear(this.notice, errorMessage(e));
    }
  }

  /**
   * Removes what only this node leads to: its edges away from the start node are cut, and every node no longer
   * connected to the start goes. Nodes also reached another way stay.
   */
  async collapse(id) {
    const m = this.model;
    const node = m.nodes.get(id);
    if (!node) return;
    const rootId = m.rootId;
    const outward = (e) => {
      const other = e.from === id ? e.to : e.to === id ? e.from : null;
      if (other === null) return false;
      return id === rootId || (m.nodes.get(other)?.distance ?? 0) > node.distance;
    };
    const adjacency = new Map();
    for (const e of m.edges.values()) {
      if (outward(e)) continue;
      for (const [a, b] of [[e.from, e.to], [e.to, e.from]]) {
        if (!adjacency.has(a)) adjacency.set(a, []);
        adjacency.get(a).push(b);
      }
    }
    const reached = new Set([rootId]);
    const queue = [rootId];
    while (queue.length) {
      for (const next of adjacency.get(queue.pop()) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const key of [...m.nodes.keys()]) if (!reached.has(key)) m.nodes.delete(key);
    for (const [key, e] of [...m.edges]) if (!m.nodes.has(e.from) || !m.nodes.has(e.to)) m.edges.delete(key);
    m.expanded.delete(id);
    await this.render(routeNow());
  }

  setNamespaceCollapsed(ns, collapsed) {
    if (collapsed) this.collapsedNs.add(ns);
    else this.collapsedNs.delete(ns);
    const selected = routeNow().params.get('select');
    if (selected === `NAMESPACE:${ns}`) updateParams({ select: null });
    this.render(routeNow());
  }

  /**
   * Makes the graph include every edge seen since `time` (history edges too), so that what older runs read and wrote is
   * drawn: the window in the URL widens to start there unless it already does. `time` is a time or 'all'. Resolves once
   * the graph is drawn.
   */
  async includeSince(time) {
    const start = sinceTime(this.params.since);
    if (this.params.asOf || !start || new Date(start) > new Date(sinceTime(time))) updateParams({ since: time, asOf: null });
    // A load that another one replaced ends without drawing: wait for the newest.
    let loading;
    do {
      loading = this.loaded;
      await loading;
    } while (loading !== this.loaded);
  }

  highlight(keys) {
    if (!this.cy) return 0;
    const wanted = new Set(keys);
    let count = 0;
    this.cy.nodes().forEach((n) => {
      const d = this.model.nodes.get(n.id());
      const hit = d && wanted.has(nodeKey(d.kind, d.namespace, d.name));
      n.toggleClass('changed', Boolean(hit));
      if (hit) count++;
    });
    this.graph.dataset.changed = String(count);
    return count;
  }

  zoom(factor) {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  onKey(e) {
    const cy = this.cy;
    if (!cy || e.target !== this.graph) return;
    const current = cy.$('node:selected').first();
    const pick = (candidates) => {
      const target = candidates.filter((n) => !n.isParent()).sort((a, b) => a.position('y') - b.position('y')).first();
      if (target.nonempty()) this.selectNode(target.id());
    };
    const byX = () => cy.nodes().filter((n) => !n.isParent() && Math.abs(n.position('x') - current.position('x')) < 5).sort((a, b) => a.position('y') - b.position('y'));
    switch (e.key) {
      case 'ArrowRight':
        pick(current.outgoers('node'));
        break;
      case 'ArrowLeft':
        pick(current.incomers('node'));
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const column = byX();
        const i = column.indexOf(current);
        const next = column[e.key === 'ArrowDown' ? i + 1 : i - 1];
        if (next) this.selectNode(next.id());
        break;
      }
      case '+':
        if (current.nonempty()) this.expand(current.id());
        break;
      case '-':
        if (current.nonempty()) this.collapse(current.id());
        break;
      case 'f':
      case 'F':
        fitGraph(cy);
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}

const routeNow = () => parseRoute();

/**
 * With one namespace group drawn, the nodes outside it (collapsed namespaces) go below the group's box, one under
 * the other at their own layer's x, so the box drawn around the members does not cover them.
 */
function keepOutsideGroup(positions, drawn) {
  const inside = drawn.filter((e) => e.data.parent).map((e) => positions.get(e.data.id).y);
  let bottom = Math.max(...inside) + 100;
  for (const e of drawn) if (!e.data.parent) positions.get(e.data.id).y = bottom += 56;
}

function newModel() {
  return { nodes: new Map(), edges: new Map(), control: new Map(), truncated: false, expanded: new Set(), rootId: null };
}

/** Adds an answer's nodes and edges; distances are relative to `base`, the distance of the node asked about. */
function mergeGraph(model, graph, base) {
  for (const n of graph.nodes) {
    const existing = model.nodes.get(n.id);
    const distance = base + n.distance;
    if (!existing) model.nodes.set(n.id, { ...n, distance });
    else existing.distance = Math.min(existing.distance, distance);
    if (base === 0 && n.distance === 0) model.rootId = n.id;
  }
  for (const e of graph.edges) model.edges.set(`${e.from}->${e.to}`, e);
  for (const c of graph.controlFlow ?? []) model.control.set(`${c.from}->${c.to}`, c);
}
