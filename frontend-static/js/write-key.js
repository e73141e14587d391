// Mutations (alert rules, mutes, acknowledgements) need the ingest (write) key, which never opens reads: asked for
// once per tab in a small dialog when a change is first made, and kept in sessionStorage like the read key (never in
// localStorage, cookies or the URL). A key the server refuses is forgotten and asked for again.
import { h } from './dom.js';
import { GraphQLError } from './graphql.js';

const STORAGE = 'tributary.writeKey';

function storedKey() {
  try {
    return sessionStorage.getItem(STORAGE);
  } catch {
    return null;
  }
}

function store(key) {
  try {
    if (key) sessionStorage.setItem(STORAGE, key);
    else sessionStorage.removeItem(STORAGE);
  } catch {
    // storage unavailable: the key serves this request only
  }
}

let pending = null;

function askForWriteKey(rejected) {
  if (!pending) {
    pending = new Promise((resolve) => {
      const input = h('input', { id: 'write-key-input', type: 'password', autocomplete: 'off', required: true });
      const dialog = h(
        'dialog',
        { id: 'write-key-dialog', 'aria-labelledby': 'write-key-title' },
        h(
          'form',
          { method: 'dialog' },
          h('h2', { id: 'write-key-title' }, 'Write API key'),
          h('p', {}, 'Changes need the ingest (write) key: TRIBUTARY_API_KEY, or the generated data/api-key. ',
            'It is kept in this tab only and sent with changes only.'),
          rejected ? h('p', { class: 'message message-error', role: 'alert' }, 'That key was not accepted.') : null,
          h('label', { class: 'field' }, 'Key', input),
          h('p', {}, h('button', { type: 'submit' }, 'Use key'), ' ', h('button', { type: 'button', value: 'cancel', id: 'write-key-cancel' }, 'Cancel')),
        ),
      );
      const done = (key) => {
        dialog.remove();
        pending = null;
        resolve(key);
      };
      dialog.addEventListener('cancel', () => done(null));
      dialog.querySelector('#write-key-cancel').addEventListener('click', () => done(null));
      dialog.querySelector('form').addEventListener('submit', (e) => {
        const key = input.value.trim();
        if (!key) {
          e.preventDefault();
          return;
        }
        store(key);
        done(key);
      });
      document.body.append(dialog);
      dialog.showModal();
      input.focus();
    });
  }
  return pending;
}

const refused = (body) => (body.errors ?? []).some((e) => e.extensions?.classification === 'UNAUTHORIZED');

/** Runs a mutation with the write key; null when the user cancelled the key dialog. */
export async function mutate(query, variables = {}) {
  let key = storedKey() ?? (await askForWriteKey(false));
  while (key) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (e) {
      throw new GraphQLError(`Cannot reach the server: ${e.message}`);
    }
    const body = await response.json().catch(() => null);
    if (!body) throw new GraphQLError(`The server answered HTTP ${response.status} without a GraphQL response`);
    if (response.status === 401 || refused(body)) {
      store(null);
      key = await askForWriteKey(true);
      continue;
    }
    if (body.errors && body.errors.length) {
      throw new GraphQLError([...new Set(body.errors.map((e) => e.message))].join('; '), body.errors, body.data);
    }
    return body.data;
  }
  return null;
}

/** Makes a key this tab's write key (the new key after a rotation, which the old one will stop being). */
export function useWriteKey(key) {
  store(key);
}
