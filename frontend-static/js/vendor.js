// Libraries load on first use: Cytoscape (WebJar, ESM), ELK and its Cytoscape adapter (npm, UMD, copied into
// /vendor by the build), Chart.js (WebJar, UMD). Version-less /webjars/ URLs come from webjars-locator-lite.

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

/** Cytoscape with the ELK layout registered. */
export const loadCytoscape = once(async () => {
  const [{ default: cytoscape }] = await Promise.all([
    import('/webjars/cytoscape/dist/cytoscape.esm.min.mjs'),
    script('/vendor/elk.bundled.js'),
  ]);
  await script('/vendor/cytoscape-elk.js'); // reads window.ELK
  cytoscape.use(window.cytoscapeElk);
  return cytoscape;
});

export const loadChart = once(async () => {
  await script('/webjars/chart.js/dist/chart.umd.min.js');
  return window.Chart;
});
