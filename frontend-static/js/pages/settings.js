// Settings page: the ingest keys in force (where each comes from, since when, until when; never a key) and the
// rotation of a key Tributary manages. The new key is shown once, in this page only, and becomes this tab's write key.
import { gql, isAbort } from '../graphql.js';
import { mutate, useWriteKey } from '../write-key.js';
import { h, clear, message, errorMessage, table } from '../dom.js';
import { formatTime } from '../format.js';
import { pageShell } from './common.js';

const STATUS = `management readKeySet lastRotatedAt keyFile defaultGracePeriod maxGracePeriod
  writeKeys { id origin activeSince expiresAt current }`;

const ORIGINS = {
  ENVIRONMENT: 'TRIBUTARY_API_KEY',
  ENVIRONMENT_PREVIOUS: 'TRIBUTARY_API_KEY_PREVIOUS',
  GENERATED: 'generated at first start',
  ROTATED: 'issued by rotation',
};

export function mount(container) {
  const controller = new AbortController();
  const { section, filters, results } = pageShell('Settings', 'The API keys in force. Keys are stored as digests: none is ever shown here but a new one, once.');
  filters.remove();
  container.append(section);

  function render(status, issued) {
    const rows = status.writeKeys.map((k) => [
      k.id,
      ORIGINS[k.origin] ?? k.origin,
      k.activeSince ? formatTime(k.activeSince) : '—',
      k.current ? 'current' : `valid until ${formatTime(k.expiresAt)}`,
    ]);
    const parts = [
      table('Write (ingest) keys in force', ['Key id', 'Origin', 'Active since', 'Status'], rows, { id: 'settings-keys' }),
      h('p', { id: 'settings-read-key' }, status.readKeySet
        ? 'Reads need the read key (TRIBUTARY_READ_API_KEY, set by environment; not rotated here).'
        : 'Reads are open (no TRIBUTARY_READ_API_KEY).'),
    ];
    if (status.lastRotatedAt) parts.push(h('p', {}, `Last rotated ${formatTime(status.lastRotatedAt)}.`));
    if (issued) {
      parts.push(h('div', { id: 'settings-new-key', class: 'notice', role: 'status' },
        h('p', {}, 'New key (shown this once; copy it now). Previous keys stay valid until ', formatTime(issued.previousKeysValidUntil),
          issued.keyFileUpdated ? `; ${status.keyFile} holds the new key.` : '.'),
        h('code', { id: 'settings-new-key-value' }, issued.key)));
    }
    if (status.management === 'ENVIRONMENT') {
      parts.push(h('p', { id: 'settings-pinned' }, 'The write key is set by TRIBUTARY_API_KEY: rotate it there (the old key as TRIBUTARY_API_KEY_PREVIOUS until clients follow) and restart.'));
    } else {
      const grace = h('input', { id: 'settings-grace', value: status.defaultGracePeriod, size: 10 });
      const form = h('form', { id: 'settings-rotate' },
        h('label', { class: 'field' }, `Grace period for the keys in force (at most ${status.maxGracePeriod})`, grace),
        h('button', { type: 'submit' }, 'Rotate key'));
      form.onsubmit = async (e) => {
        e.preventDefault();
        try {
          const data = await mutate(`mutation Rotate($grace: Duration) { rotateApiKey(gracePeriod: $grace) {
            key previousKeysValidUntil keyFileUpdated status { ${STATUS} } } }`, { grace: grace.value.trim() || null });
          if (!data) return;
          useWriteKey(data.rotateApiKey.key);
          render(data.rotateApiKey.status, data.rotateApiKey);
        } catch (err) {
          clear(results, errorMessage(err));
        }
      };
      parts.push(form);
    }
    clear(results, ...parts);
  }

  gql(`query Settings { apiKeys { ${STATUS} } }`, {}, { signal: controller.signal })
    .then((data) => render(data.apiKeys, null))
    .catch((e) => { if (!isAbort(e)) clear(results, errorMessage(e)); });
  clear(results, message('Loading…'));
  return { update: () => false, unmount: () => controller.abort() };
}
