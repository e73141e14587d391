// Issues page: failed runs (job execution), runs far from their job's usual duration, and failed data-quality
// assertions, as the API's issues query reports them; `job` (a JOB node id) narrows them to one job's runs.
import { gql, isAbort } from '../graphql.js';
import { h, clear, message, errorMessage, table } from '../dom.js';
import { navigate, href } from '../router.js';
import { parseNodeId } from '../nodes.js';
import { formatTime } from '../format.js';
import { stateBadge, jobLink, datasetLink, runLink } from '../panel/common.js';
import { pageShell } from './common.js';
import { subscribe, coalesce } from '../live.js';

const ISSUES = `query Issues($since: DateTime, $kinds: [IssueKind!], $job: JobKeyInput) {
  issues(since: $since, kinds: $kinds, job: $job, first: 1000) {
    kind time summary errorMessage
    run { id state } job { namespace name } dataset { namespace name }
  }
}`;
const ISSUE_OPENED = `subscription IssueOpened($kinds: [IssueKind!], $job: JobKeyInput) {
  issueOpened(kinds: $kinds, job: $job) { kind run { id } }
}`;
const KINDS = [
  ['JOB_EXECUTION', 'Job execution', 'Runs that failed.'],
  ['JOB_DURATION', 'Job duration', 'Runs more than 3 standard deviations from their job’s mean duration.'],
  ['DATA_QUALITY', 'Data quality', 'Failed assertions.'],
];
const PERIODS = [
  ['1d', 'Last 24 hours', 1],
  ['7d', 'Last 7 days', 7],
  ['30d', 'Last 30 days', 30],
  ['365d', 'Last year', 365],
  ['all', 'All time', null],
];

export function mount(container, route) {
  const controller = new AbortController();
  const p = route.params;
  // Without a period in the link: the last 7 days, widened step by step while it holds no issue, so that a first
  // visit to a store of older events shows them rather than an empty page.
  const chosenPeriod = PERIODS.find(([v]) => v === p.get('since'));
  const period = chosenPeriod ?? PERIODS[1];
  const kinds = (p.get('kinds') ?? '').split(',').filter((k) => KINDS.some(([v]) => v === k));
  const jobRef = parseNodeId(p.get('job'));
  const job = jobRef?.kind === 'JOB' ? { namespace: jobRef.namespace, name: jobRef.name } : null;
  const { section, filters, results } = pageShell('Issues', 'Problems worth a look: failed runs, unusual durations and failed data-quality assertions.');
  container.append(section);
  const since = h('select', { id: 'issues-since' }, PERIODS.map(([v, l]) => h('option', { value: v, selected: v === period[0] }, l)));
  const boxes = KINDS.map(([v, l]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'kind', value: v, checked: !kinds.length || kinds.includes(v) }), l));
  filters.append(
    h('label', { class: 'field' }, 'Period', since),
    h('fieldset', { class: 'kinds' }, h('legend', {}, 'Kinds'), boxes),
    h('button', { type: 'submit' }, 'Apply'),
  );
  if (job) {
    filters.append(
      h(
        'p',
        { class: 'notice', id: 'issues-job', role: 'status' },
        `Only issues of job ${job.name} (${job.namespace}). `,
        h('a', { href: href('issues', null, { since: p.get('since'), kinds: p.get('kinds') }) }, 'Show every job'),
      ),
    );
  }
  filters.onsubmit = (e) => {
    e.preventDefault();
    const chosen = [...filters.querySelectorAll('input[name=kind]:checked')].map((i) => i.value);
    navigate('issues', null, { since: since.value, kinds: chosen.length === KINDS.length ? '' : chosen.join(','), job: p.get('job') });
  };

  const show = async () => {
    if (!results.children.length) results.append(message('Loading issues…'));
    const sinceIso = ([, , days]) => (days === null ? '1970-01-01T00:00:00Z' : new Date(Date.now() - days * 86_400_000).toISOString());
    try {
      let shown = period;
      let issues;
      for (;;) {
        ({ issues } = await gql(ISSUES, { since: sinceIso(shown), kinds: kinds.length ? kinds : null, job }, { signal: controller.signal }));
        const wider = PERIODS[PERIODS.indexOf(shown) + 1];
        if (chosenPeriod || issues.length || !wider) break;
        shown = wider;
      }
      clear(results);
      if (shown !== period) {
        since.value = shown[0];
        results.append(
          h('p', { class: 'notice', id: 'issues-widened', role: 'status' }, `No issues in the ${period[1].toLowerCase()}; showing ${shown[2] === null ? 'all time' : 'the ' + shown[1].toLowerCase()}.`),
        );
      }
      for (const [kind, label, explanation] of KINDS) {
        if (kinds.length && !kinds.includes(kind)) continue;
        const list = issues.filter((i) => i.kind === kind);
        results.append(
          h(
            'section',
            { class: 'issue-group', id: `issues-${kind.toLowerCase().replace('_', '-')}` },
            h('h2', {}, `${label} (${list.length})`),
            h('p', { class: 'intro' }, explanation),
            list.length
              ? table(
                  `${label} issues`,
                  ['Time', 'Job', 'Dataset', 'Run', 'What happened'],
                  list.map((i) => [formatTime(i.time), jobLink(i.job, { run: i.run.id }), i.dataset ? datasetLink(i.dataset) : '', [runLink(i.run, i.job), ' ', stateBadge(i.run.state)], i.summary]),
                )
              : message(`No ${label.toLowerCase()} issues in this period.`),
          ),
        );
      }
      results.dataset.state = 'ready';
    } catch (e) {
      if (!isAbort(e)) clear(results, errorMessage(e));
    }
  };
  show();
  // Live: an issue opened by a committed event reloads the list (a burst of them once).
  const live = subscribe(ISSUE_OPENED, { kinds: kinds.length ? kinds : null, job }, { next: coalesce(show), resync: show });
  return { update: () => false, unmount: () => { controller.abort(); live.close(); } };
}
