// Hash routes: #/<page>/<node id>?<params>. In the hash so that every view is a shareable link and the server
// serves one index.html without fallback routes. Node ids are the API's own (KIND:namespace:name, parts
// percent-encoded), so they are URL-safe as they are and never decoded here.

const listeners = new Set();

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const slash = path.indexOf('/');
  const page = (slash < 0 ? path : path.slice(0, slash)) || 'home';
  const arg = slash < 0 ? null : path.slice(slash + 1) || null;
  return { page, arg, params };
}

export function href(page, arg = null, params = {}) {
  const search = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [k, v] of entries) {
    if (v !== null && v !== undefined && v !== '') search.set(k, v);
  }
  const qs = search.toString();
  return `#/${page}${arg ? '/' + arg : ''}${qs ? '?' + qs : ''}`;
}

/** Goes to a route. replace: no new history entry (for tweaks such as the selected tab). */
export function navigate(page, arg = null, params = {}, { replace = false } = {}) {
  const target = href(page, arg, params);
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(null, '', target);
    notify();
  } else {
    location.hash = target;
  }
}

/** Changes some parameters of the current route, keeping the rest. */
export function updateParams(changes, options = { replace: true }) {
  const { page, arg, params } = parseRoute();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  navigate(page, arg, params, options);
}

export function onRouteChange(listener) {
  listeners.add(listener);
}

function notify() {
  const route = parseRoute();
  for (const l of listeners) l(route);
}

window.addEventListener('hashchange', notify);
