// The app shell: one view module per page, chosen by the route. A view that can take a route change in place
// (another tab, another selected node) says so from update(), which avoids redrawing the graph.
import { parseRoute, onRouteChange } from './router.js';
import { mountSearch } from './search.js';
import { message } from './dom.js';
import * as lineage from './views/lineage.js';
import * as columns from './views/column-lineage.js';
import * as runs from './pages/runs.js';
import * as issues from './pages/issues.js';
import * as datasets from './pages/datasets.js';
import * as home from './pages/home.js';
import * as docs from './pages/docs.js';
import * as alerts from './pages/alerts.js';
import * as settings from './pages/settings.js';

const VIEWS = { home, lineage, columns, runs, issues, datasets, alerts, settings, docs };
const NAV_PAGE = { columns: 'lineage' };

let current = null;

function render(route) {
  const main = document.getElementById('content');
  const navPage = NAV_PAGE[route.page] ?? route.page;
  for (const a of document.querySelectorAll('.nav-links a')) {
    if (a.dataset.page === navPage) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (current && current.page === route.page && current.view.update(route)) return;
  current?.view.unmount();
  current = null;
  main.replaceChildren();
  const module = VIEWS[route.page];
  if (!module) {
    main.append(message(`There is no page “${route.page}”.`, 'error'));
    return;
  }
  current = { page: route.page, view: module.mount(main, route) };
}

// Tests and the benchmark read the app's state through this handle; it is not an API.
window.__tributary = window.__tributary || {};

mountSearch(document.getElementById('search'));
onRouteChange(render);
render(parseRoute());
