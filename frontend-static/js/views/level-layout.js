// Layered placement for large lineage answers, where ELK costs seconds (bench/ui-render.md): most of ELK's time on
// a 2,000-node answer is its own start-up in a fresh page, whatever phases are switched off. Lineage answers are
// breadth-first walks from one node, so the layers are free: a node's layer is its signed distance from the start
// (upstream left, downstream right). Only the order within layers needs work: a few barycentre sweeps (Sugiyama's
// heuristic), then each layer is placed as close to its neighbours as spacing allows (least squares under the
// order, by pool-adjacent-violators). Long and backward edges get no dummy nodes; Cytoscape draws them directly.

/**
 * Positions for `ids` (the nodes, in a stable order) joined by `edges` ({ source, target }), layered from `rootId`.
 * Returns a Map from id to { x, y }; `width` and `height` are the node box, `layerGap` and `nodeGap` the spaces.
 */
export function levelLayout(ids, edges, rootId, { width = 190, height = 40, layerGap = 56, nodeGap = 16, sweeps = 4 } = {}) {
  const out = new Map(ids.map((id) => [id, []]));
  const inc = new Map(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!out.has(e.source) || !out.has(e.target) || e.source === e.target) continue;
    out.get(e.source).push(e.target);
    inc.get(e.target).push(e.source);
  }
  // Layers: breadth-first from the start (then from any node not reached), +1 along an edge, -1 against it.
  const level = new Map();
  const order = []; // discovery order: children follow their parent, a good first ordering within layers
  for (const start of [rootId, ...ids]) {
    if (!out.has(start) || level.has(start)) continue;
    level.set(start, 0);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i];
      order.push(n);
      for (const [next, step] of [...out.get(n).map((m) => [m, 1]), ...inc.get(n).map((m) => [m, -1])]) {
        if (level.has(next)) continue;
        level.set(next, level.get(n) + step);
        queue.push(next);
      }
    }
  }
  const levels = [...new Set(level.values())].sort((a, b) => a - b);
  const layers = new Map(levels.map((l) => [l, []]));
  for (const n of order) layers.get(level.get(n)).push(n);

  // Order within layers: sort by the mean index of neighbours in the layer before (sweeping right, then left).
  const index = new Map();
  const reindex = (layer) => layer.forEach((n, i) => index.set(n, i));
  layers.forEach(reindex);
  const neighboursIn = (n, l) => [...out.get(n), ...inc.get(n)].filter((m) => level.get(m) === l);
  const sortLayer = (l, towards) => {
    const layer = layers.get(l);
    const key = new Map(
      layer.map((n) => {
        const ns = neighboursIn(n, towards);
        return [n, ns.length ? ns.reduce((s, m) => s + index.get(m), 0) / ns.length : index.get(n)];
      }),
    );
    layer.sort((a, b) => key.get(a) - key.get(b));
    reindex(layer);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let i = 1; i < levels.length; i++) sortLayer(levels[i], levels[i - 1]);
    for (let i = levels.length - 2; i >= 0; i--) sortLayer(levels[i], levels[i + 1]);
  }

  // Coordinates: stacked layers first, then each layer pulled towards the mean y of its neighbours in both
  // adjacent layers, keeping its order and spacing.
  const step = height + nodeGap;
  const y = new Map();
  for (const layer of layers.values()) layer.forEach((n, i) => y.set(n, (i - (layer.length - 1) / 2) * step));
  for (let pass = 0; pass < 4; pass++) {
    const sequence = pass % 2 ? [...levels].reverse() : levels;
    for (const l of sequence) {
      const layer = layers.get(l);
      const wanted = layer.map((n) => {
        const ns = [...neighboursIn(n, l - 1), ...neighboursIn(n, l + 1)];
        return ns.length ? ns.reduce((s, m) => s + y.get(m), 0) / ns.length : y.get(n);
      });
      placeInOrder(wanted, step).forEach((v, i) => y.set(layer[i], v));
    }
  }
  const positions = new Map();
  for (const n of order) positions.set(n, { x: level.get(n) * (width + layerGap), y: y.get(n) });
  return positions;
}

/**
 * The y values closest (least squares) to `wanted` that keep the given order at least `step` apart: with
 * z_i = y_i - i * step the constraint is z non-decreasing, an isotonic regression solved by pooling adjacent blocks.
 */
function placeInOrder(wanted, step) {
  const blocks = []; // { sum, count }
  wanted.forEach((w, i) => {
    blocks.push({ sum: w - i * step, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      blocks.pop();
      a.sum += b.sum;
      a.count += b.count;
    }
  });
  const result = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) result.push(b.sum / b.count + result.length * step);
  return result;
}
