// Compare tab (jobs): pick two runs; the API's compareRuns says what changed (inputs/outputs, columns, SQL,
// duration). Changed datasets are highlighted in the graph, which is widened to a window from the older run's start
// so that what only that run read or wrote (history edges) is drawn too; the SQL difference is shown line by line.
import { gql } from '../graphql.js';
import { h, clear, facts, table, message } from '../dom.js';
import { updateParams } from '../router.js';
import { nodeKey } from '../nodes.js';
import { formatTime, formatDuration, shortId } from '../format.js';
import { stateBadge, datasetLink, section } from './common.js';

const RUNS = `query CompareCandidates($ns: String!, $name: String!) {
  job(namespace: $ns, name: $name) { runs(first: 50) { edges { node { id state startedAt durationMs } } } }
}`;
const DS = 'namespace name';
const COMPARE = `query Compare($a: ID!, $b: ID!) {
  compareRuns(a: $a, b: $b) {
    sameJob durationDeltaMs sqlChanged sqlA sqlB
    a { id state startedAt } b { id state startedAt }
    inputsAdded { ${DS} } inputsRemoved { ${DS} } outputsAdded { ${DS} } outputsRemoved { ${DS} }
    schemaChanges { dataset { ${DS} } added { name type } removed { name type } retyped { name typeA typeB } }
  }
}`;

export async function render(panel, { node, params, signal, highlight, includeSince }) {
  const { job } = await gql(RUNS, { ns: node.namespace, name: node.name }, { signal });
  const runs = job?.runs.edges.map((e) => e.node) ?? [];
  if (runs.length < 2) return clear(panel, message('Comparing needs two runs of this job; it has ' + runs.length + '.'));
  const a = params.get('a') ?? runs[1].id;
  const b = params.get('b') ?? runs[0].id;
  const picker = (id, label, value) =>
    h(
      'label',
      { class: 'field' },
      label,
      h(
        'select',
        { id },
        runs.map((r) => h('option', { value: r.id, selected: r.id === value }, `${formatTime(r.startedAt) || 'not started'} · ${r.state} · ${shortId(r.id)}`)),
      ),
    );
  const result = h('div', { class: 'compare-result', 'aria-live': 'polite' }, message('Comparing…'));
  clear(
    panel,
    h(
      'form',
      {
        class: 'compare-form',
        onsubmit: (e) => {
          e.preventDefault();
          updateParams({ a: panel.querySelector('#compare-a').value, b: panel.querySelector('#compare-b').value });
        },
      },
      picker('compare-a', 'Baseline run (a)', a),
      picker('compare-b', 'Compared run (b)', b),
      h('button', { type: 'submit' }, 'Compare'),
    ),
    result,
  );
  const { compareRuns: c } = await gql(COMPARE, { a, b }, { signal });
  const changed = [...c.inputsAdded, ...c.inputsRemoved, ...c.outputsAdded, ...c.outputsRemoved, ...c.schemaChanges.map((s) => s.dataset)];
  const starts = [c.a.startedAt, c.b.startedAt].filter(Boolean).sort((x, y) => new Date(x) - new Date(y));
  await includeSince(starts[0] ?? 'all');
  if (signal.aborted) return;
  const highlighted = highlight(changed.map((d) => nodeKey('DATASET', d.namespace, d.name)));
  const list = (title, items, id) => (items.length ? section(title, h('ul', { id }, items.map((d) => h('li', {}, datasetLink(d))))) : null);
  clear(
    result,
    facts([
      ['Same job', c.sameJob ? 'yes' : 'no'],
      ['a', [stateBadge(c.a.state), ` ${formatTime(c.a.startedAt)}`]],
      ['b', [stateBadge(c.b.state), ` ${formatTime(c.b.startedAt)}`]],
      ['Duration change', c.durationDeltaMs === null ? 'unknown' : (c.durationDeltaMs > 0 ? '+' : '') + formatDuration(c.durationDeltaMs)],
      ['SQL', c.sqlChanged ? 'changed' : 'unchanged'],
      ['In the graph', `${highlighted} changed node${highlighted === 1 ? '' : 's'} highlighted`],
    ]),
    !changed.length && !c.sqlChanged ? h('p', { id: 'compare-nothing' }, 'No input, output, column or SQL difference between these runs.') : null,
    list('Inputs added', c.inputsAdded, 'inputs-added'),
    list('Inputs removed', c.inputsRemoved, 'inputs-removed'),
    list('Outputs added', c.outputsAdded, 'outputs-added'),
    list('Outputs removed', c.outputsRemoved, 'outputs-removed'),
    c.schemaChanges.length
      ? section(
          'Column changes',
          c.schemaChanges.map((s) =>
            table(
              s.dataset.name,
              ['Change', 'Column', 'Type'],
              [
                ...s.added.map((f) => ['added', f.name, f.type ?? '']),
                ...s.removed.map((f) => ['removed', f.name, f.type ?? '']),
                ...s.retyped.map((f) => ['retyped', f.name, `${f.typeA ?? '?'} → ${f.typeB ?? '?'}`]),
              ],
              { class: 'data schema-change' },
            ),
          ),
        )
      : null,
    c.sqlChanged ? section('SQL difference', sqlDiff(c.sqlA ?? '', c.sqlB ?? '')) : null,
  );
}

/** Line diff by longest common subsequence: SQL texts are short enough for the quadratic table. */
function sqlDiff(a, b) {
  const x = a ? a.split('\n') : []; // no SQL is no lines, not one empty line
  const y = b ? b.split('\n') : [];
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      lines.push(h('span', { class: 'diff-same' }, '  ' + x[i++]));
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) lines.push(h('ins', { class: 'diff-add' }, '+ ' + y[j++]));
    else lines.push(h('del', { class: 'diff-del' }, '− ' + x[i++]));
  }
  return h('pre', { class: 'code diff', id: 'sql-diff' }, lines.flatMap((l) => [l, '\n']));
}
