// The Runs page, live: a run the page's filter matches is updated in place when its events are committed, or inserted
// in start-time order (newest first) when it is new to the page.
import { subscribe } from '../live.js';

const RUN_UPDATED = `subscription RunUpdated($filter: RunUpdateFilter) {
  runUpdated(filter: $filter) { id state startedAt endedAt durationMs job { namespace name } }
}`;

/**
 * filter: the page's (state, namespace, job, since, until). tbody holds rows made by rowOf(run), each with
 * data-run-id and data-started; hasMore() says whether later pages exist (a run older than the last row shown is left
 * to them); shown() is called after a row was added; reload() after updates may have been missed.
 */
export function followRuns(filter, { tbody, rowOf, hasMore, shown, reload }) {
  const { namespace, job, state, since, until } = filter;
  const inPeriod = (r) =>
    (!since || (r.startedAt && r.startedAt >= since)) && (!until || (r.startedAt && r.startedAt < until));
  const place = (r) => {
    const row = rowOf(r);
    row.classList.add('live-updated');
    const existing = [...tbody.rows].find((tr) => tr.dataset.runId === r.id);
    if (existing) {
      existing.replaceWith(row);
      return;
    }
    if (!inPeriod(r) || (state && r.state !== state)) return;
    // Newest first: before the first row that started earlier (a run without a START goes first).
    const next = [...tbody.rows].find((tr) => !r.startedAt || (tr.dataset.started && tr.dataset.started < r.startedAt));
    if (next) next.before(row);
    else if (hasMore()) return;
    else tbody.append(row);
    shown();
  };
  // Not filtered by state on the server: a run shown RUNNING that then completes is updated too.
  const variables = { filter: { namespace: namespace ?? null, job: job ?? null } };
  return subscribe(RUN_UPDATED, variables, { next: (data) => place(data.runUpdated), resync: reload });
}
