// Libraries load on first use: Cytoscape (WebJar, ESM), ELK (1.6 MB, only where it lays a graph out) and its
// Cytoscape adapter (npm, UMD, copied into /vendor by the build), Chart.js (WebJar, UMD). Version-less /webjars/
// URLs come from webjars-locator-lite.

const once = (f) => {
  let p = null;
  return () => (p ??= f());
};

function script(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`Cannot load ${src}`));
    document.head.append(s);
  });
}

/** Cytoscape alone: large lineage answers are laid out without ELK (views/level-layout.js). */
export const loadCytoscape = once(async () => (await import('/webjars/cytoscape/dist/cytoscape.esm.min.mjs')).default);

/** Cytoscape with the ELK layout registered. */
export const loadCytoscapeWithElk = once(async () => {
  const [cytoscape] = await Promise.all([loadCytoscape(), script('/vendor/elk.bundled.js')]);
  await script('/vendor/cytoscape-elk.js'); // reads window.ELK
  cytoscape.use(window.cytoscapeElk);
  return cytoscape;
});

export const loadChart = once(async () => {
  await script('/webjars/chart.js/dist/chart.umd.min.js');
  return window.Chart;
});
