// A tiny element builder: text always goes in as text nodes (never innerHTML), so names from events cannot inject
// markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A message region for loading, empty and error states. */
export function message(text, kind = 'info') {
  return h('p', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function errorMessage(e) {
  return message(`Could not load: ${e.message}`, 'error');
}

/** A definition list from [label, value] pairs, leaving out empty values. */
export function facts(pairs) {
  const dl = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    dl.append(h('dt', {}, label), h('dd', {}, value));
  }
  return dl;
}

/** A table with a caption; rows are arrays of cell contents (strings or nodes). */
export function table(caption, headers, rows, attrs = {}) {
  return h(
    'table',
    { class: 'data', ...attrs },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))),
  );
}
