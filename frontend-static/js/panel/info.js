// Info tab: a dataset's data dictionary, documentation, storage and schema history; a job's type, SQL, source
// code (when the operator exposes it) and facets; with ?run=, that run's details first.
import { gql } from '../graphql.js';
import { h, clear, facts, table, message } from '../dom.js';
import { href } from '../router.js';
import { nodeId } from '../nodes.js';
import { formatTime, formatDuration } from '../format.js';
import { stateBadge, datasetLink, jobLink, runLink, runStarted, section, jsonBlock } from './common.js';

const ACCESS = 'time run { id state job { namespace name } }';
const DATASET_INFO = `query DatasetInfo($ns: String!, $name: String!) {
  dataset(namespace: $ns, name: $name) {
    namespace name description owners taggings { tag fromFacet byHand } firstSeen lastSeen datasetType lifecycleState
    catalog { name framework type }
    dataSource { name uri } storage { storageLayer fileFormat }
    lastRead { ${ACCESS} } lastWritten { ${ACCESS} }
    symlinks { type direction dataset { namespace name } }
    fields { name leafName type description depth tags }
    schemaHistory(last: 10) {
      hash firstSeen lastSeen current
      changes { added { path type } removed { path type } retyped { path oldType newType } }
    }
    facets
  }
}`;

const RUN_FIELDS = `id state startedAt endedAt durationMs nominalStartTime nominalEndTime
  error { message programmingLanguage stackTrace } externalQueries { externalQueryId source }
  job { namespace name } parent { id state job { namespace name } } children { id state job { namespace name } } tags facets`;
const JOB_INFO = `query JobInfo($ns: String!, $name: String!, $run: ID!, $withRun: Boolean!) {
  job(namespace: $ns, name: $name) {
    namespace name description jobType integration processingType owners taggings { tag fromFacet byHand }
    parent { namespace name } children { namespace name } dependencies { namespace name } dependents { namespace name }
    latestRun { id state startedAt endedAt durationMs }
    sql { query dialect } sourceCode { hidden language code }
    sourceCodeLocation { type url repoUrl path version tag branch }
    facets
  }
  run(id: $run) @include(if: $withRun) { ${RUN_FIELDS} }
}`;

const RUN_LINEAGE_NODE = 'runId distance run { id state startedAt endedAt job { namespace name } }';
const RUN_LINEAGE_EDGE = 'from to version { namespace name createdAt rowCount datasetVersion }';
const RUN_LINEAGE = `query RunLineage($run: ID!) {
  upstream: runLineage(runId: $run, direction: UPSTREAM, depth: 5, maxNodes: 200) {
    nodes { ${RUN_LINEAGE_NODE} } edges { ${RUN_LINEAGE_EDGE} } truncated
  }
  downstream: runLineage(runId: $run, direction: DOWNSTREAM, depth: 5, maxNodes: 200) {
    nodes { ${RUN_LINEAGE_NODE} } edges { ${RUN_LINEAGE_EDGE} } truncated
  }
}`;

export async function render(panel, { node, params, signal }) {
  if (node.kind === 'DATASET') return renderDataset(panel, node, signal);
  return renderJob(panel, node, params.get('run'), signal);
}

async function renderDataset(panel, node, signal) {
  const { dataset: d } = await gql(DATASET_INFO, { ns: node.namespace, name: node.name }, { signal });
  if (!d) return clear(panel, message('No event has mentioned this dataset.'));
  const access = (a) => (a ? [formatTime(a.time), ' by ', runLink(a.run, a.run.job), ' (', a.run.job.name, ')'] : null);
  clear(
    panel,
    d.description ? h('p', { class: 'description' }, d.description) : null,
    facts([
      ['Type', d.datasetType],
      ['Owners', d.owners.join(', ')],
      ['Tags', tagList(d.taggings, 'dataset-tags')],
      ['Catalog', d.catalog ? h('span', { id: 'dataset-catalog' }, [d.catalog.name, d.catalog.framework, d.catalog.type].filter(Boolean).join(' · ')) : null],
      ['Data source', d.dataSource ? [...new Set([d.dataSource.name, d.dataSource.uri].filter(Boolean))].join(' · ') : null],
      ['Storage', d.storage ? [d.storage.storageLayer, d.storage.fileFormat].filter(Boolean).join(' · ') : null],
      ['Lifecycle', d.lifecycleState],
      ['Last written', access(d.lastWritten)],
      ['Last read', access(d.lastRead)],
      ['First seen', formatTime(d.firstSeen)],
      ['Last seen', formatTime(d.lastSeen)],
      ['Symlinks', d.symlinks.length ? d.symlinks.map((s, i) => [i ? ', ' : '', datasetLink(s.dataset), s.type ? ` (${s.type})` : '']) : null],
    ]),
    section(
      'Data dictionary',
      d.fields.length
        ? table(
            `${d.fields.length} columns`,
            ['Column', 'Type', 'Tags', 'Description'],
            d.fields.map((f) => [
              h(
                'a',
                { href: href('columns', nodeId('FIELD', d.namespace, d.name, f.name)), style: `padding-left:${f.depth * 1.2}em`, title: 'Column lineage' },
                f.depth ? f.leafName : f.name,
              ),
              h('span', { class: 'mono' }, f.type ?? ''),
              f.tags.length ? h('span', { class: 'tags' }, f.tags.map((t) => h('span', { class: 'tag' }, t))) : '',
              f.description ?? '',
            ]),
            { id: 'data-dictionary' },
          )
        : message('No schema reported.'),
    ),
    d.schemaHistory.length > 1 ? section('Schema history', schemaHistory(d.schemaHistory)) : null,
    jsonBlock('Facets', d.facets),
  );
}

/** Tags as chips; one set by hand (not only by the tags facet) is marked so. */
function tagList(taggings, id) {
  if (!taggings.length) return null;
  return h(
    'span',
    { class: 'tags', id },
    taggings.map((t) =>
      h('span', { class: t.byHand && !t.fromFacet ? 'tag tag-by-hand' : 'tag', title: t.fromFacet ? (t.byHand ? 'From the tags facet and set by hand' : 'From the tags facet') : 'Set by hand' }, t.tag),
    ),
  );
}

function schemaHistory(versions) {
  return h(
    'ol',
    { class: 'schema-history' },
    versions.map((v) => {
      const c = v.changes;
      const changes = c
        ? [
            ...c.added.map((f) => h('li', { class: 'diff-add' }, `+ ${f.path} ${f.type ?? ''}`)),
            ...c.removed.map((f) => h('li', { class: 'diff-del' }, `− ${f.path} ${f.type ?? ''}`)),
            ...c.retyped.map((f) => h('li', { class: 'diff-mod' }, `~ ${f.path}: ${f.oldType ?? '?'} → ${f.newType ?? '?'}`)),
          ]
        : [h('li', {}, 'oldest known version')];
      return h(
        'li',
        {},
        `${formatTime(v.firstSeen)} – ${formatTime(v.lastSeen)}${v.current ? ' (current)' : ''}`,
        h('ul', { class: 'diff' }, changes),
      );
    }),
  );
}

async function renderJob(panel, node, runId, signal) {
  const data = await gql(JOB_INFO, { ns: node.namespace, name: node.name, run: runId ?? '', withRun: Boolean(runId) }, { signal });
  const j = data.job;
  if (!j) return clear(panel, message('No event has mentioned this job.'));
  const latest = j.latestRun;
  const lineage = runId && data.run ? await gql(RUN_LINEAGE, { run: runId }, { signal }) : null;
  clear(
    panel,
    runId ? runSection(data.run, runId) : null,
    lineage ? runLineageSection(lineage) : null,
    j.description ? h('p', { class: 'description' }, j.description) : null,
    facts([
      ['Type', [j.integration, j.jobType, j.processingType].filter(Boolean).join(' · ')],
      ['Owners', j.owners.join(', ')],
      ['Tags', tagList(j.taggings, 'job-tags')],
      ['Parent', j.parent ? jobLink(j.parent) : null],
      ['Runs after', j.dependencies.length ? h('span', { id: 'job-dependencies' }, j.dependencies.map((c, i) => [i ? ', ' : '', jobLink(c)])) : null],
      ['Runs before', j.dependents.length ? h('span', { id: 'job-dependents' }, j.dependents.map((c, i) => [i ? ', ' : '', jobLink(c)])) : null],
      ['Children', j.children.length ? j.children.map((c, i) => [i ? ', ' : '', jobLink(c)]) : null],
      [
        'Latest run',
        latest
          ? [
              stateBadge(latest.state),
              ' ',
              runLink(latest, j),
              latest.startedAt ? ` started ${formatTime(latest.startedAt)}` : [' · ', runStarted(latest)],
              latest.durationMs != null ? `, took ${formatDuration(latest.durationMs)}` : '',
            ]
          : 'none yet',
      ],
    ]),
    j.sql ? section(`SQL${j.sql.dialect ? ' (' + j.sql.dialect + ')' : ''}`, h('pre', { class: 'code', id: 'job-sql' }, j.sql.query)) : null,
    j.sourceCode
      ? section(
          `Source code${j.sourceCode.language ? ' (' + j.sourceCode.language + ')' : ''}`,
          j.sourceCode.hidden
            ? message('Hidden: the operator has not enabled showing source code (TRIBUTARY_EXPOSE_SOURCE_CODE).')
            : h('pre', { class: 'code', id: 'job-source' }, j.sourceCode.code ?? ''),
        )
      : null,
    j.sourceCodeLocation
      ? section(
          'Source location',
          facts([
            ['URL', j.sourceCodeLocation.url ? h('a', { href: j.sourceCodeLocation.url, rel: 'noopener noreferrer' }, j.sourceCodeLocation.url) : null],
            ['Repository', j.sourceCodeLocation.repoUrl],
            ['Path', j.sourceCodeLocation.path],
            ['Version', [j.sourceCodeLocation.version, j.sourceCodeLocation.branch, j.sourceCodeLocation.tag].filter(Boolean).join(' · ')],
          ]),
        )
      : null,
    jsonBlock('Job facets', j.facets),
  );
}

function runSection(run, runId) {
  if (!run) return section('Run', message(`No run ${runId} is known.`, 'error'));
  return h(
    'section',
    { class: 'panel-section run-details', id: 'run-details' },
    h('h3', {}, 'Run ', h('span', { class: 'mono' }, run.id)),
    facts([
      ['State', stateBadge(run.state)],
      ['Started', runStarted({ startedAt: run.startedAt })], // the end is the next line
      ['Ended', formatTime(run.endedAt)],
      ['Duration', formatDuration(run.durationMs)],
      ['Nominal time', [formatTime(run.nominalStartTime), run.nominalEndTime ? ' – ' + formatTime(run.nominalEndTime) : ''].join('') || null],
      ['Parent run', run.parent ? [runLink(run.parent, run.parent.job), ` (${run.parent.job.name})`] : null],
      ['Child runs', run.children.length ? run.children.map((c, i) => [i ? ', ' : '', runLink(c, c.job, c.job.name), ' ', stateBadge(c.state)]) : null],
      ['Tags', run.tags.length ? h('span', { class: 'tags', id: 'run-tags' }, run.tags.map((t) => h('span', { class: 'tag' }, t))) : null],
      ['External queries', run.externalQueries.length ? run.externalQueries.map((q) => `${q.source ?? ''} ${q.externalQueryId}`.trim()).join(', ') : null],
    ]),
    run.error
      ? h(
          'div',
          { class: 'run-error', role: 'note' },
          h('p', {}, h('strong', {}, 'Error: '), run.error.message ?? ''),
          run.error.stackTrace ? h('details', {}, h('summary', {}, 'Stack trace'), h('pre', {}, run.error.stackTrace)) : null,
        )
      : null,
    jsonBlock('Run facets', run.facets),
  );
}

/**
 * Run-level lineage: which runs wrote the dataset versions this run read (and the runs before them), and which runs
 * read what it wrote. One line per version passed from a writer run to a reader run, nearest first.
 */
function runLineageSection({ upstream, downstream }) {
  const list = (graph, id, empty, writerSide) => {
    const runs = new Map(graph.nodes.map((n) => [n.runId, n]));
    const edges = [...graph.edges].sort(
      (x, y) => runs.get(writerSide ? x.from : x.to).distance - runs.get(writerSide ? y.from : y.to).distance,
    );
    if (!edges.length) return h('p', { id, class: 'empty' }, empty);
    const runLabel = (n) => [stateBadge(n.run.state), ' ', n.run.job.name, ' ', runLink(n.run, n.run.job)];
    return h(
      'ul',
      { id, class: 'run-lineage' },
      edges.map((e) => {
        const v = e.version;
        const detail = [formatTime(v.createdAt), v.rowCount != null ? `${v.rowCount} rows` : null, v.datasetVersion ? `version ${v.datasetVersion}` : null]
          .filter(Boolean)
          .join(' · ');
        return h(
          'li',
          { 'data-from': e.from, 'data-to': e.to },
          runLabel(runs.get(e.from)),
          ' wrote ',
          datasetLink(v),
          detail ? ` (${detail})` : '',
          ', read by ',
          runLabel(runs.get(e.to)),
        );
      }),
    );
  };
  return h(
    'section',
    { class: 'panel-section', id: 'run-lineage' },
    h('h3', {}, 'Run lineage'),
    h('h4', {}, 'What produced the data this run read'),
    list(upstream, 'run-upstream', 'No known run wrote what this run read.', true),
    upstream.truncated ? message('More runs lie further upstream.') : null,
    h('h4', {}, 'Runs that read what this run wrote'),
    list(downstream, 'run-downstream', 'No run has read what this run wrote.', false),
    downstream.truncated ? message('More runs lie further downstream.') : null,
  );
}
