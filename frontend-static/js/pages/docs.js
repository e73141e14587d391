// A guide shipped with the server (docs/<name>.md, served under /docs/), shown as its Markdown text.
import { h, clear, message, errorMessage } from '../dom.js';

export function mount(container, route) {
  const controller = new AbortController();
  const name = route.arg ?? 'integrations';
  const body = h('div', { id: 'doc', 'data-state': 'loading' }, message('Loading…'));
  container.append(h('section', { class: 'page' }, body));
  if (!/^[a-z-]+$/.test(name)) {
    clear(body, message(`There is no guide “${name}”.`, 'error'));
    return { update: () => false, unmount() {} };
  }
  (async () => {
    try {
      const response = await fetch(`/docs/${name}.md`, { signal: controller.signal });
      if (!response.ok) throw new Error(response.status === 404 ? `there is no guide “${name}”` : `HTTP ${response.status}`);
      clear(body, h('p', {}, h('a', { href: `/docs/${name}.md` }, `docs/${name}.md`)), h('pre', { class: 'doc-text' }, await response.text()));
      body.dataset.state = 'ready';
    } catch (e) {
      if (e.name !== 'AbortError') clear(body, errorMessage(e));
    }
  })();
  return { update: () => false, unmount: () => controller.abort() };
}
