// Small pieces the panel tabs and pages share: run state badges and links to nodes and runs.
import { h } from '../dom.js';
import { href } from '../router.js';
import { nodeId } from '../nodes.js';
import { shortId, formatTime, formatDuration } from '../format.js';

export function stateBadge(state) {
  if (!state) return h('span', { class: 'state state-none' }, 'no run');
  return h('span', { class: `state state-${state.toLowerCase()}` }, state);
}

export function datasetLink(d) {
  return h('a', { href: href('lineage', nodeId('DATASET', d.namespace, d.name)), title: d.namespace }, d.name);
}

export function jobLink(j, params = {}) {
  return h('a', { href: href('lineage', nodeId('JOB', j.namespace, j.name), params), title: j.namespace }, j.name);
}

/** A run opens in the graph at its job, with the run's details in the Info tab. */
export function runLink(run, job, label = shortId(run.id)) {
  return h('a', { href: href('lineage', nodeId('JOB', job.namespace, job.name), { run: run.id }), class: 'mono', title: run.id }, label);
}

const NO_START = 'No START event of this run has arrived (some producers send only the run\u2019s end): its start time and duration are unknown.';

/** When a run started, or what is known of a run whose START event never arrived. */
export function runStarted(run) {
  if (run.startedAt) return formatTime(run.startedAt);
  return h('span', { class: 'no-start', title: NO_START }, run.endedAt ? `no START received, ended ${formatTime(run.endedAt)}` : 'no START received');
}

/** A run's duration; "running" or a dash where it cannot be known yet or at all. */
export function runDuration(run) {
  if (run.durationMs !== null && run.durationMs !== undefined) return formatDuration(run.durationMs);
  if (run.startedAt && run.state === 'RUNNING') return h('span', { class: 'no-start' }, 'running');
  return h('span', { class: 'no-start', title: run.startedAt ? null : NO_START, 'aria-label': 'unknown' }, '—');
}

export function section(title, ...children) {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), children);
}

export function jsonBlock(summary, value) {
  if (!value || (typeof value === 'object' && !Object.keys(value).length)) return null;
  return h('details', { class: 'json' }, h('summary', {}, summary), h('pre', {}, JSON.stringify(value, null, 2)));
}
