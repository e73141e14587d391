// An open lineage graph, live: a job's fill follows its latest run's state, and a new edge between two drawn nodes
// is drawn, as their events are committed. A new edge to a node not in the graph only offers a reload (the layout
// would move). One subscription covers every node of the graph; it follows the graph as it is expanded or collapsed.
import { h } from '../dom.js';
import { subscribe } from '../live.js';

const LINEAGE_CHANGED = `subscription LineageChanged($nodes: [ID!]) {
  lineageChanged(nodes: $nodes) { node reasons latestRunId latestRunState newEdges { from to } }
}`;

export class LineageFollower {
  /** view: the LineageView (its model, cy, notice area, and reload()); onSelected: the selected node changed. */
  constructor(view) {
    this.view = view;
    this.ids = '';
    this.subscription = null;
  }

  /** Watches these node ids (re-subscribing only when the set changed). */
  follow(ids) {
    const key = [...ids].sort().join('\n');
    if (key === this.ids) return;
    this.close();
    this.ids = key;
    if (!ids.length) return;
    this.subscription = subscribe(LINEAGE_CHANGED, { nodes: ids }, {
      next: (data) => this.apply(data.lineageChanged),
      resync: () => this.view.reload(),
    });
  }

  close() {
    this.subscription?.close();
    this.subscription = null;
    this.ids = '';
  }

  apply(change) {
    const { model, cy } = this.view;
    const node = model?.nodes.get(change.node);
    if (!node || !cy) return;
    if (change.reasons.includes('RUN_STATE')) {
      node.latestRunId = change.latestRunId;
      node.latestRunState = change.latestRunState;
      const drawn = cy.$id(change.node);
      if (drawn.nonempty()) drawn.data('state', change.latestRunState ?? undefined);
      this.view.graph.dataset.liveUpdates = String(Number(this.view.graph.dataset.liveUpdates ?? 0) + 1);
      this.view.nodeChanged(change.node);
    }
    let outside = 0;
    for (const e of change.newEdges) {
      const id = `${e.from}->${e.to}`;
      if (model.edges.has(id)) continue;
      if (!model.nodes.has(e.from) || !model.nodes.has(e.to)) {
        outside++;
        continue;
      }
      model.edges.set(id, e);
      if (cy.$id(e.from).nonempty() && cy.$id(e.to).nonempty() && cy.$id(id).empty()) {
        cy.add({ group: 'edges', data: { id, source: e.from, target: e.to } });
      }
    }
    if (outside) this.offerReload();
  }

  offerReload() {
    const notice = this.view.notice;
    if (notice.querySelector('#lineage-changed-notice')) return;
    notice.prepend(
      h(
        'p',
        { class: 'notice', id: 'lineage-changed-notice', role: 'status' },
        'The lineage changed since this graph was drawn. ',
        h('button', { type: 'button', class: 'link', onclick: () => this.view.reload() }, 'Reload the graph'),
      ),
    );
  }
}
