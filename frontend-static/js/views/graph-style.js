// What lineage graphs look like: Cytoscape styles, the ELK layered layout and the legend. Jobs and datasets differ
// by shape and fill; a job's fill and border show its latest run's state.
import { h } from '../dom.js';

export const STATES = [
  { state: 'COMPLETED', label: 'Completed', fill: '#d7f3df', border: '#1e7b34' },
  { state: 'FAILED', label: 'Failed', fill: '#fde0de', border: '#b3261e' },
  { state: 'RUNNING', label: 'Running', fill: '#dbe9ff', border: '#1a56c4' },
  { state: 'ABORTED', label: 'Aborted', fill: '#fff0cc', border: '#8a5a00' },
];

const DATASET = { fill: '#f1edff', border: '#5b3fb4' };
const HISTORY = { line: '#b4bcc5' };
const CONTROL = { line: '#c25e00' };
const NO_RUN = { fill: '#ffffff', border: '#5f6368' };

/**
 * Long names lose their middle: the head says where a node lives (schema, path), the tail tells tables and tasks
 * apart ("public.cl…_source2"). The full name is in the tooltip, the panel and the node list.
 */
export function shortLabel(name, max = 22) {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) * 0.6);
  return name.slice(0, max - 1 - tail) + '…' + name.slice(name.length - tail);
}

/** A dataset whose newest quality check failed: a red double border and a warning mark at its left end. */
const QUALITY_FAILED = { border: '#b3261e' };
const WARNING_MARK =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">' +
      '<circle cx="8" cy="8" r="8" fill="#b3261e"/><rect x="7" y="3" width="2" height="6.5" fill="#fff"/>' +
      '<rect x="7" y="11" width="2" height="2" fill="#fff"/></svg>',
  );

export function graphStyle() {
  const states = STATES.map((s) => ({
    selector: `node[kind = "JOB"][state = "${s.state}"]`,
    style: { 'background-color': s.fill, 'border-color': s.border },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: '#1b1f24',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'ellipsis',
        'text-max-width': 180,
        width: 190,
        height: 40,
        'border-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node[kind = "DATASET"]',
      style: { shape: 'barrel', 'background-color': DATASET.fill, 'border-color': DATASET.border },
    },
    {
      selector: 'node[kind = "JOB"]',
      style: {
        shape: 'round-rectangle',
        'background-color': NO_RUN.fill,
        'border-color': NO_RUN.border,
        'border-width': 3,
        'border-style': 'dashed',
      },
    },
    {
      selector: 'node[kind = "DATASET"][?qualityFailed]',
      style: {
        'border-color': QUALITY_FAILED.border,
        'border-style': 'double',
        'border-width': 5,
        'background-image': WARNING_MARK,
        'background-width': 16,
        'background-height': 16,
        'background-position-x': 8,
        'background-position-y': '50%',
        'background-clip': 'none',
      },
    },
    { selector: 'node[kind = "JOB"][state]', style: { 'border-style': 'solid' } },
    ...states,
    {
      selector: 'node[kind = "FIELD"]',
      style: { shape: 'round-rectangle', width: 170, height: 28, 'background-color': '#ffffff', 'border-color': '#5b3fb4', 'border-width': 1.5 },
    },
    {
      selector: 'node[kind = "NAMESPACE"]',
      style: { shape: 'round-octagon', width: 220, height: 50, 'background-color': '#eceff1', 'border-color': '#37474f', 'font-weight': 'bold' },
    },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f6f8fa',
        'background-opacity': 1,
        'border-color': '#8c959f',
        'border-style': 'dashed',
        'border-width': 1.5,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-max-width': 400,
        'font-weight': 'bold',
        padding: 14,
      },
    },
    // Bold text is wider: the start node's label gets the whole box so that its ellipsis stays in the middle.
    { selector: 'node.root', style: { 'border-width': 5, 'font-weight': 'bold', 'text-max-width': 188 } },
    { selector: 'node.changed', style: { 'border-color': '#c2410c', 'border-width': 6, 'border-style': 'double' } },
    {
      selector: 'node:selected',
      style: { 'underlay-color': '#0b57d0', 'underlay-opacity': 0.45, 'underlay-padding': 7, 'underlay-shape': 'round-rectangle' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#6e7781',
        'target-arrow-color': '#6e7781',
        'target-arrow-shape': 'triangle',
        'curve-style': 'taxi',
        'taxi-direction': 'rightward',
        'arrow-scale': 0.9,
      },
    },
    {
      selector: 'edge[label]',
      style: {
        label: 'data(label)',
        'font-size': 10,
        color: '#1b1f24',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': 2,
        'curve-style': 'bezier',
        'text-rotation': 'autorotate',
      },
    },
    // History: an edge no longer in its job's current version (only a time window or a past time draws one).
    { selector: 'edge.history', style: { 'line-style': 'dashed', 'line-color': HISTORY.line, 'target-arrow-color': HISTORY.line, 'line-dash-pattern': [6, 4] } },
    // Control flow (jobDependencies): job to job, apart from data flow.
    { selector: 'edge.control', style: { 'line-style': 'dotted', 'line-color': CONTROL.line, 'target-arrow-color': CONTROL.line, 'target-arrow-shape': 'triangle-backcurve', width: 2 } },
    { selector: 'node.control-only', style: { 'border-style': 'dotted' } },
    { selector: 'edge[label]:unselected', style: { label: '' } },
    { selector: 'edge.labelled[label], edge.focus[label]', style: { label: 'data(label)' } },
    { selector: 'edge.focus', style: { 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', width: 2.5 } },
    { selector: 'edge.masking', style: { 'line-style': 'dashed', 'line-color': '#b3261e', 'target-arrow-color': '#b3261e' } },
    { selector: 'edge.indirect', style: { 'line-style': 'dotted' } },
    { selector: 'edge:selected', style: { 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', width: 3 } },
  ];
}

/**
 * ELK's layered algorithm, data flowing left to right. CPU time measured on a 2,000-node, 2,509-edge answer
 * (bench/ui-render.md): defaults about 4 s; one crossing-minimisation pass without greedy switch about 1 s; with
 * longest-path layering about 0.65 s. Model-order and linear-segment settings took 12 to 57 s and are not used.
 */
export function layoutOptions(nodeCount) {
  const large = nodeCount > 300;
  return {
    name: 'elk',
    fit: false, // fitGraph: fitting a two-node graph would zoom it to giant size
    padding: 24,
    animate: false,
    nodeDimensionsIncludeLabels: false,
    elk: {
      algorithm: 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': 16,
      'elk.layered.spacing.nodeNodeBetweenLayers': 56,
      'elk.layered.spacing.edgeNodeBetweenLayers': 16,
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Cytoscape draws its own edges, so ELK's cheaper routing is enough.
      'elk.edgeRouting': 'POLYLINE',
      ...(large
        ? {
            'elk.layered.thoroughness': 1,
            'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
            'elk.layered.layering.strategy': 'LONGEST_PATH',
          }
        : {}),
    },
  };
}

/** Fits the graph in view, but no closer than a comfortable reading zoom. */
export function fitGraph(cy) {
  cy.fit(undefined, 24);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

/** Cytoscape options that keep thousands of nodes responsive while panning and zooming. */
export function rendererOptions(nodeCount) {
  const large = nodeCount > 300;
  return {
    minZoom: 0.01,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
  };
}

export function legend({ columns = false } = {}) {
  const item = (cls, label, style = {}) =>
    h('li', {}, h('span', { class: `swatch ${cls}`, style: Object.entries(style).map(([k, v]) => `${k}:${v}`).join(';'), 'aria-hidden': 'true' }), label);
  if (columns) {
    return h(
      'ul',
      { class: 'legend', 'aria-label': 'Legend' },
      item('swatch-field', 'Column'),
      item('swatch-group', 'Dataset'),
      item('swatch-line', 'Direct'),
      item('swatch-line swatch-dotted', 'Indirect'),
      item('swatch-line swatch-masking', 'Masking'),
    );
  }
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    item('swatch-dataset', 'Dataset', { background: DATASET.fill, 'border-color': DATASET.border }),
    item('swatch-job swatch-dashed', 'Job, no run yet', { background: NO_RUN.fill, 'border-color': NO_RUN.border }),
    STATES.map((s) => item('swatch-job', `Job, last run ${s.label.toLowerCase()}`, { background: s.fill, 'border-color': s.border })),
    item('swatch-quality', 'Dataset, latest quality checks failed', { background: DATASET.fill, 'border-color': QUALITY_FAILED.border }),
    item('swatch-namespace', 'Collapsed namespace'),
    item('swatch-changed', 'Changed between compared runs'),
    item('swatch-line swatch-history', 'History: no longer read or written by the job\u2019s current version', { 'border-top-color': HISTORY.line }),
    item('swatch-line swatch-control', 'Control flow: the job runs after the one it points from (jobDependencies)', { 'border-top-color': CONTROL.line }),
  );
}
