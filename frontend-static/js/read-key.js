// The read API key, for a Tributary whose reads are protected (TRIBUTARY_READ_API_KEY): asked for once in a small
// dialog when the server answers 401, and kept in sessionStorage, so it lives only as long as this browser tab and
// never reaches localStorage, cookies or the URL.
import { h } from './dom.js';

const STORAGE = 'tributary.readKey';

export function readKey() {
  try {
    return sessionStorage.getItem(STORAGE);
  } catch {
    return null;
  }
}

export function forgetReadKey() {
  try {
    sessionStorage.removeItem(STORAGE);
  } catch {
    // storage unavailable: nothing was kept
  }
}

let pending = null;

/**
 * Shows the key dialog (once, however many requests are waiting) and resolves with the key entered. `rejected` says
 * that the key tried before was refused.
 */
export function askForReadKey(rejected) {
  if (!pending) {
    pending = new Promise((resolve) => {
      const input = h('input', { id: 'read-key-input', type: 'password', autocomplete: 'off', required: true });
      const dialog = h(
        'dialog',
        { id: 'read-key-dialog', 'aria-labelledby': 'read-key-title' },
        h(
          'form',
          { method: 'dialog' },
          h('h2', { id: 'read-key-title' }, 'Read API key'),
          h('p', {}, 'This Tributary asks for a key to read lineage (its TRIBUTARY_READ_API_KEY). ',
            'It is kept in this tab only and sent with every request.'),
          rejected ? h('p', { class: 'message message-error', role: 'alert' }, 'That key was not accepted.') : null,
          h('label', { class: 'field' }, 'Key', input),
          h('p', {}, h('button', { type: 'submit' }, 'Open')),
        ),
      );
      dialog.addEventListener('cancel', (e) => e.preventDefault()); // nothing to show without a key
      dialog.querySelector('form').addEventListener('submit', (e) => {
        const key = input.value.trim();
        if (!key) {
          e.preventDefault();
          return;
        }
        try {
          sessionStorage.setItem(STORAGE, key);
        } catch {
          // storage unavailable: the key still serves this page
        }
        dialog.remove();
        pending = null;
        resolve(key);
      });
      document.body.append(dialog);
      dialog.showModal();
      input.focus();
    });
  }
  return pending;
}
