// Inputs/Outputs tab: a job's inputs and outputs with the row, byte and file counts of its latest run (or of the
// run in the URL); a dataset's producers and consumers with their latest runs.
import { gql } from '../graphql.js';
import { h, clear, table, message } from '../dom.js';
import { formatCount, formatBytes, formatTime } from '../format.js';
import { stateBadge, datasetLink, jobLink, runLink, section } from './common.js';

const RUN_IO = 'id state startedAt job { namespace name } inputs { dataset { namespace name } rowCount bytes fileCount } outputs { dataset { namespace name } rowCount bytes fileCount }';
const JOB_IO = `query JobIO($ns: String!, $name: String!, $run: ID!, $withRun: Boolean!) {
  job(namespace: $ns, name: $name) {
    inputs { namespace name } outputs { namespace name }
    latestRun { ${RUN_IO} }
  }
  run(id: $run) @include(if: $withRun) { ${RUN_IO} }
}`;
const JOB_REF = 'namespace name latestRun { id state startedAt job { namespace name } }';
const DATASET_IO = `query DatasetIO($ns: String!, $name: String!) {
  dataset(namespace: $ns, name: $name) { producers { ${JOB_REF} } consumers { ${JOB_REF} } }
}`;

export async function render(panel, { node, params, signal }) {
  if (node.kind === 'DATASET') {
    const { dataset: d } = await gql(DATASET_IO, { ns: node.namespace, name: node.name }, { signal });
    if (!d) return clear(panel, message('No event has mentioned this dataset.'));
    const jobs = (caption, list, id) =>
      list.length
        ? table(caption, ['Job', 'Latest run', 'Started'], list.map((j) => [jobLink(j), j.latestRun ? [stateBadge(j.latestRun.state), ' ', runLink(j.latestRun, j)] : stateBadge(null), formatTime(j.latestRun?.startedAt)]), { id })
        : message(`${caption}: none.`);
    return clear(
      panel,
      section('Produced by', jobs('Jobs that write this dataset', d.producers, 'producers')),
      section('Consumed by', jobs('Jobs that read this dataset', d.consumers, 'consumers')),
    );
  }
  const runId = params.get('run');
  const data = await gql(JOB_IO, { ns: node.namespace, name: node.name, run: runId ?? '', withRun: Boolean(runId) }, { signal });
  const j = data.job;
  if (!j) return clear(panel, message('No event has mentioned this job.'));
  const run = runId ? data.run : j.latestRun;
  const stats = new Map();
  for (const rd of [...(run?.inputs ?? []), ...(run?.outputs ?? [])]) stats.set(`${rd.dataset.namespace}\u0000${rd.dataset.name}`, rd);
  const rows = (list) =>
    list.map((d) => {
      const s = stats.get(`${d.namespace}\u0000${d.name}`);
      return [datasetLink(d), d.namespace, formatCount(s?.rowCount), formatBytes(s?.bytes), formatCount(s?.fileCount)];
    });
  const headers = ['Dataset', 'Namespace', 'Rows', 'Bytes', 'Files'];
  return clear(
    panel,
    run
      ? h('p', {}, 'Counts from run ', runLink(run, run.job), ' ', stateBadge(run.state), ` started ${formatTime(run.startedAt)}.`)
      : h('p', {}, 'No run yet: no counts.'),
    section('Inputs', j.inputs.length ? table('Datasets this job reads', headers, rows(j.inputs), { id: 'job-inputs' }) : message('No inputs.')),
    section('Outputs', j.outputs.length ? table('Datasets this job writes', headers, rows(j.outputs), { id: 'job-outputs' }) : message('No outputs.')),
  );
}
