// Live updates: GraphQL subscriptions over Server-Sent Events (POST /graphql with Accept: text/event-stream), read
// with fetch so that the read key travels in the Authorization header as it does for queries. A stream that ends
// (a server restart, a network break, or the server ending a subscriber that fell behind) is opened again after a
// pause; `resync` then lets the page reload what it shows, since updates sent meanwhile are lost.
import { readKey } from './read-key.js';

const PAUSES_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Subscribes; `next(data)` gets each update's data. Returns { close }. Where reads need a key the subscription waits
 * until the tab has one (the page's own queries ask for it).
 */
export function subscribe(query, variables, { next, resync = () => {} }) {
  const controller = new AbortController();
  (async () => {
    let failures = 0;
    let opened = false;
    while (!controller.signal.aborted) {
      try {
        const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
        const key = readKey();
        if (key) headers.Authorization = `Bearer ${key}`;
        const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: controller.signal });
        if (response.status === 401) {
          // The page's own queries ask for the read key; go on once there is another one to try.
          await keyOtherThan(key, controller.signal);
          continue;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        if (opened) resync();
        opened = true;
        failures = 0;
        await readEvents(response.body, controller.signal, (event, data) => {
          if (event !== 'next') return;
          const payload = JSON.parse(data);
          if (payload.data) next(payload.data);
          // An error ends the stream (a bad argument, or this subscriber fell behind): the loop opens it again.
        });
      } catch (e) {
        if (controller.signal.aborted) return;
        failures++;
      }
      await pause(PAUSES_MS[Math.min(failures, PAUSES_MS.length - 1)], controller.signal);
    }
  })();
  return { close: () => controller.abort() };
}

/** Calls `onEvent(event, data)` for each event of a text/event-stream body until it ends. */
async function readEvents(body, signal, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => reader.cancel().catch(() => {}), { once: true });
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue; // keep-alive comment
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length) onEvent(event, data.join('\n'));
    }
  }
}

async function keyOtherThan(refused, signal) {
  while (!signal.aborted && readKey() === refused) await pause(1000, signal);
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * Coalesces calls: the first starts a timer, calls until it fires are folded into it, and `f` runs once when it does.
 * A burst of updates costs one reload, and a steady stream one every `ms`.
 */
export function coalesce(f, ms = 1000) {
  let timer = null;
  return () => {
    timer ??= setTimeout(() => {
      timer = null;
      f();
    }, ms);
  };
}
