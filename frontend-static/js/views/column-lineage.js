// Column lineage: pick a dataset's column (or all of them) and see the columns it derives from or feeds, each
// derivation an edge labelled with its transformation. Fields are grouped inside their dataset (compound nodes).
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage, table, facts } from '../dom.js';
import { href, navigate } from '../router.js';
import { nodeId, parseNodeId } from '../nodes.js';
import { loadCytoscapeWithElk } from '../vendor.js';
import { graphStyle, layoutOptions, rendererOptions, legend, shortLabel, fitGraph } from './graph-style.js';

const COLUMNS = `query Columns($node: NodeRef!, $dir: Direction!, $depth: Int!, $max: Int!, $ns: String!, $name: String!) {
  columnLineage(node: $node, direction: $dir, depth: $depth, maxNodes: $max) {
    nodes { id namespace dataset field type distance }
    edges { from to transformation { type subtype description masking } }
    truncated
  }
  dataset(namespace: $ns, name: $name) { fields { name depth } }
}`;

const DIRECTIONS = [
  ['UPSTREAM', 'Upstream: where it comes from'],
  ['DOWNSTREAM', 'Downstream: what it feeds'],
  ['BOTH', 'Both'],
];

export function mount(container, route) {
  const start = parseNodeId(route.arg);
  if (!start || start.kind === 'JOB') {
    container.append(message('Column lineage starts at a dataset or one of its columns.', 'error'));
    return { update: () => false, unmount() {} };
  }
  return new ColumnView(container, route, start);
}

const describe = (t) => (t ? [t.type, t.subtype].filter(Boolean).join(' / ') : 'unknown');
const datasetGroupId = (ns, name) => `GROUP:${nodeId('DATASET', ns, name)}`;

class ColumnView {
  constructor(container, route, start) {
    this.start = start;
    this.cy = null;
    this.controller = null;
    const p = route.params;
    this.dir = p.get('dir') ?? 'UPSTREAM';
    this.depth = p.get('depth') ?? '10';
    this.columnSelect = h('select', { id: 'column-pick' }, h('option', { value: '' }, 'All columns'));
    this.dirSelect = h('select', { id: 'column-direction' }, DIRECTIONS.map(([v, l]) => h('option', { value: v, selected: v === this.dir }, l)));
    this.depthInput = h('input', { id: 'column-depth', type: 'number', min: 0, max: 50, value: this.depth });
    this.notice = h('div', { class: 'graph-notices', 'aria-live': 'polite' });
    this.graph = h('div', { class: 'graph', id: 'column-graph', tabindex: 0, 'aria-label': 'Column lineage graph; the table below lists every edge', 'data-state': 'loading' });
    this.edgeTable = h('div', { class: 'column-edges' });
    this.aside = h('aside', { class: 'side-panel', 'aria-label': 'Selected column' });
    const title = start.kind === 'FIELD' ? `Column lineage of ${start.name} › ${start.field}` : `Column lineage of ${start.name}`;
    container.append(
      h(
        'section',
        { class: 'lineage-view' },
        h(
          'div',
          { class: 'graph-area' },
          h(
            'div',
            { class: 'view-title' },
            h('h1', {}, title),
            h('a', { href: href('lineage', nodeId('DATASET', start.namespace, start.name)) }, 'Dataset lineage graph'),
          ),
          h(
            'form',
            { class: 'toolbar', 'aria-label': 'Column lineage controls', onsubmit: (e) => this.apply(e) },
            h('label', { class: 'field' }, 'Column', this.columnSelect),
            h('label', { class: 'field' }, 'Direction', this.dirSelect),
            h('label', { class: 'field' }, 'Depth', this.depthInput),
            h('button', { type: 'submit' }, 'Show'),
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
            ),
          ),
          legend({ columns: true }),
          this.edgeTable,
        ),
        this.aside,
      ),
    );
    this.graph.addEventListener('keydown', (e) => {
      if ((e.key === 'f' || e.key === 'F') && this.cy) fitGraph(this.cy);
    });
    this.load();
  }

  apply(e) {
    e.preventDefault();
    const field = this.columnSelect.value;
    const id = field ? nodeId('FIELD', this.start.namespace, this.start.name, field) : nodeId('DATASET', this.start.namespace, this.start.name);
    navigate('columns', id, { dir: this.dirSelect.value, depth: this.depthInput.value });
  }

  update() {
    return false; // a new start, direction or depth is a new graph
  }

  unmount() {
    this.controller?.abort();
    this.resizeObserver?.disconnect();
    this.cy?.destroy();
    delete window.__tributary.columns;
  }

  async load() {
    this.controller = new AbortController();
    clear(this.notice, message('Loading column lineage…'));
    const s = this.start;
    try {
      const [cytoscape, data] = await Promise.all([
        loadCytoscapeWithElk(),
        gql(COLUMNS, { node: s, dir: this.dir, depth: Number(this.depth), max: 1000, ns: s.namespace, name: s.name }, { signal: this.controller.signal }),
      ]);
      this.fillColumnPicker(data.dataset?.fields ?? []);
      await this.draw(cytoscape, data.columnLineage);
    } catch (e) {
      if (isAbort(e)) return;
      this.graph.dataset.state = 'error';
      clear(this.notice, errorMessage(e));
    }
  }

  fillColumnPicker(fields) {
    for (const f of fields) {
      this.columnSelect.append(h('option', { value: f.name, selected: f.name === this.start.field }, `${' '.repeat(f.depth * 2)}${f.name}`));
    }
  }

  async draw(cytoscape, graph) {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const els = [];
    const groups = new Map();
    for (const n of graph.nodes) {
      const parent = datasetGroupId(n.namespace, n.dataset);
      groups.set(parent, n);
      els.push({
        group: 'nodes',
        data: { id: n.id, kind: 'FIELD', label: n.type ? `${n.field} : ${n.type}` : n.field, parent },
        classes: n.distance === 0 ? 'root' : '',
      });
    }
    for (const [id, n] of groups) els.push({ group: 'nodes', data: { id, kind: 'GROUP', label: shortLabel(n.dataset, 60) } });
    // One drawn edge per pair of columns (the table lists every transformation): solid when any is DIRECT.
    const pairs = new Map();
    for (const e of graph.edges) {
      const key = `${e.from}->${e.to}`;
      if (!pairs.has(key)) pairs.set(key, { from: e.from, to: e.to, transformations: [] });
      pairs.get(key).transformations.push(e.transformation);
    }
    const labelAll = pairs.size <= 12;
    let i = 0;
    for (const p of pairs.values()) {
      const direct = p.transformations.some((t) => t?.type !== 'INDIRECT');
      const masking = p.transformations.some((t) => t?.masking);
      els.push({
        group: 'edges',
        data: { id: `e${i++}`, source: p.from, target: p.to, label: p.transformations.map((t) => t?.subtype ?? t?.type ?? '?').join(', ') },
        classes: [direct ? '' : 'indirect', masking ? 'masking' : '', labelAll ? 'labelled' : ''].join(' '),
      });
    }
    this.cy = cytoscape({ container: this.graph, style: graphStyle(), elements: els, ...rendererOptions(graph.nodes.length) });
    this.cy.on('tap', 'node[kind = "FIELD"]', (e) => this.showColumn(byId.get(e.target.id()), graph));
    this.cy.on('dbltap', 'node[kind = "FIELD"]', (e) => this.trace(byId.get(e.target.id())));
    this.resizeObserver = new ResizeObserver(() => this.cy?.resize());
    this.resizeObserver.observe(this.graph);
    const layout = this.cy.layout(layoutOptions(graph.nodes.length));
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    fitGraph(this.cy);
    Object.assign(this.graph.dataset, { state: 'ready', nodes: graph.nodes.length, edges: graph.edges.length, truncated: String(graph.truncated) });
    window.__tributary.columns = { cy: this.cy, nodes: graph.nodes.length, edges: graph.edges.length, truncated: graph.truncated };
    clear(
      this.notice,
      graph.truncated
        ? h('p', { class: 'notice notice-warning', id: 'truncated-notice', role: 'status' }, h('strong', {}, 'Truncated: '), 'a cap cut this answer; raise the depth to see more.')
        : null,
      h('p', { class: 'graph-summary', id: 'graph-summary' }, `${graph.nodes.length} columns in ${groups.size} datasets, ${graph.edges.length} derivations.`),
      graph.nodes.length <= 1 && !graph.edges.length ? message('No column lineage reported for this start in this direction.') : null,
    );
    const name = (id) => {
      const n = byId.get(id);
      return n ? `${n.dataset} › ${n.field}` : id;
    };
    clear(
      this.edgeTable,
      graph.edges.length
        ? table(
            'Derivations: each output column and the input column it is computed from',
            ['Input column', 'Output column', 'Transformation', 'Description', 'Masking'],
            graph.edges.map((e) => [name(e.from), name(e.to), describe(e.transformation), e.transformation?.description ?? '', e.transformation?.masking ? 'yes' : '']),
            { id: 'column-edges' },
          )
        : null,
    );
    const first = graph.nodes.find((n) => n.distance === 0);
    if (first) this.showColumn(first, graph);
  }

  showColumn(n, graph) {
    if (!n) return;
    this.cy.$(':selected').unselect();
    this.cy.edges('.focus').removeClass('focus');
    const node = this.cy.$id(n.id).select();
    node.connectedEdges().addClass('focus');
    const incoming = graph.edges.filter((e) => e.to === n.id).length;
    const outgoing = graph.edges.filter((e) => e.from === n.id).length;
    clear(
      this.aside,
      h('div', { class: 'panel-head' }, h('p', { class: 'panel-kind' }, 'Column'), h('h2', { id: 'panel-title' }, n.field), h('p', { class: 'panel-ns' }, `${n.dataset} · ${n.namespace}`)),
      facts([
        ['Type', n.type],
        ['Distance', String(n.distance)],
        ['Derived from', `${incoming} column${incoming === 1 ? '' : 's'} shown`],
        ['Feeds', `${outgoing} column${outgoing === 1 ? '' : 's'} shown`],
      ]),
      h(
        'div',
        { class: 'panel-actions' },
        h('button', { type: 'button', onclick: () => this.trace(n) }, 'Trace this column'),
        h('a', { class: 'button', href: href('lineage', nodeId('DATASET', n.namespace, n.dataset)) }, 'Open its dataset'),
      ),
    );
  }

  trace(n) {
    if (n) navigate('columns', nodeId('FIELD', n.namespace, n.dataset, n.field), { dir: this.dir, depth: this.depth });
  }
}
