// Versions tab (jobs): the job's versions newest first, as Job.versions answers them: when each was seen, its runs,
// whether it is the current one, and what it changed against the version before (datasets added or removed, the
// SQL's unified diff, other defining facets).
import { gql } from '../graphql.js';
import { h, clear, facts, message } from '../dom.js';
import { formatTime } from '../format.js';
import { stateBadge, datasetLink, runLink, section } from './common.js';

const DS = 'namespace name';
const VERSIONS = `query JobVersions($ns: String!, $name: String!, $after: String) {
  job(namespace: $ns, name: $name) {
    namespace name
    versions(first: 20, after: $after) {
      edges { node {
        hash firstSeen lastSeen current runCount latestRun { id state startedAt }
        inputs { ${DS} } outputs { ${DS} } sql
        changes {
          previousHash inputsAdded { ${DS} } inputsRemoved { ${DS} } outputsAdded { ${DS} } outputsRemoved { ${DS} }
          sqlChanged sqlDiff sourceCodeLocationChanged jobTypeChanged
        }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const short = (hash) => hash.slice(0, 12);

export async function render(panel, { node, signal }) {
  const list = h('ol', { class: 'versions', id: 'job-versions' });
  const more = h('div', {});
  let job = null;
  const load = async (after) => {
    const data = await gql(VERSIONS, { ns: node.namespace, name: node.name, after }, { signal });
    job = data.job;
    if (!job) return false;
    for (const e of job.versions.edges) list.append(version(e.node, job));
    clear(
      more,
      job.versions.pageInfo.hasNextPage
        ? h('button', { type: 'button', onclick: () => load(job.versions.pageInfo.endCursor) }, 'Older versions')
        : null,
    );
    return true;
  };
  if (!(await load(null))) return clear(panel, message('No event has mentioned this job.'));
  if (!list.children.length) return clear(panel, message('No run of this job has ended yet: it has no version.'));
  clear(
    panel,
    h('p', { class: 'description' }, 'A version is what defines the job: the datasets its runs read and wrote and its SQL, code location and type. Newest first; each says what changed against the one below it.'),
    list,
    more,
  );
}

function version(v, job) {
  const c = v.changes;
  const datasets = (title, items, cls) =>
    items.length ? h('li', { class: cls }, `${title}: `, items.flatMap((d, i) => [i ? ', ' : '', datasetLink(d)])) : null;
  const changeList = c
    ? h(
        'ul',
        { class: 'version-changes' },
        datasets('Inputs added', c.inputsAdded, 'inputs-added'),
        datasets('Inputs removed', c.inputsRemoved, 'inputs-removed'),
        datasets('Outputs added', c.outputsAdded, 'outputs-added'),
        datasets('Outputs removed', c.outputsRemoved, 'outputs-removed'),
        c.sourceCodeLocationChanged ? h('li', {}, 'Code location changed') : null,
        c.jobTypeChanged ? h('li', {}, 'Job type changed') : null,
        c.sqlChanged ? h('li', {}, 'SQL changed') : null,
      )
    : h('p', { class: 'first-version' }, 'The first version seen.');
  return h(
    'li',
    { class: `version${v.current ? ' version-current' : ''}`, 'data-hash': v.hash },
    h('h3', {}, h('span', { class: 'mono', title: v.hash }, short(v.hash)), v.current ? h('span', { class: 'badge current-badge' }, 'current') : null),
    facts([
      ['Seen', `${formatTime(v.firstSeen)} – ${formatTime(v.lastSeen)}`],
      ['Runs', [String(v.runCount), v.latestRun ? [' · latest ', stateBadge(v.latestRun.state), ' ', runLink(v.latestRun, job)] : null]],
      ['Reads', v.inputs.length ? v.inputs.flatMap((d, i) => [i ? ', ' : '', datasetLink(d)]) : 'nothing'],
      ['Writes', v.outputs.length ? v.outputs.flatMap((d, i) => [i ? ', ' : '', datasetLink(d)]) : 'nothing'],
      c ? ['Changed from', h('span', { class: 'mono', title: c.previousHash }, short(c.previousHash))] : null,
    ].filter(Boolean)),
    changeList,
    c?.sqlDiff ? section('SQL difference', unifiedDiff(c.sqlDiff)) : null,
    !c && v.sql ? section('SQL', h('pre', { class: 'code' }, v.sql)) : null,
  );
}

/** A unified diff drawn line by line: added lines green, removed red, hunk headers muted. */
function unifiedDiff(text) {
  const lines = text.split('\n').map((line) => {
    if (line.startsWith('+++') || line.startsWith('---')) return h('span', { class: 'diff-file' }, line);
    if (line.startsWith('@@')) return h('span', { class: 'diff-hunk' }, line);
    if (line.startsWith('+')) return h('ins', { class: 'diff-add' }, line);
    if (line.startsWith('-')) return h('del', { class: 'diff-del' }, line);
    return h('span', { class: 'diff-same' }, line);
  });
  return h('pre', { class: 'code diff version-sql-diff' }, lines.flatMap((l) => [l, '\n']));
}
