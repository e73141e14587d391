// Alerts page: the rules (create, mute, test, delete), incidents (acknowledge, resolve) with their downstream impact
// and owners, and the webhook delivery log. Reads go through gql() like every page; changes through mutate(), which
// asks for the write key. `incident` (an incident id) highlights one incident, as the links in alerts do.
import { gql, isAbort } from '../graphql.js';
import { mutate } from '../write-key.js';
import { h, clear, message, errorMessage, table } from '../dom.js';
import { href, navigate } from '../router.js';
import { formatTime } from '../format.js';
import { pageShell } from './common.js';

const RULE_FIELDS = `id name kind source muted mutedUntil mutedReason
  scope { namespace job dataset tag owner }
  webhook { url format signed }
  freshness { maxAge deadline timeZone }
  metric { metric column min max }`;

const PAGE = `query Alerts($status: AlertIncidentStatus) {
  alertRules { ${RULE_FIELDS} }
  alertIncidents(status: $status, first: 100) { edges { node {
    id status kind ruleName summary openedAt resolvedAt resolution occurrences acknowledged acknowledgedBy
    subject { kind namespace name id }
    impact { datasetCount jobCount columnCount truncated owners { name } }
  } } }
  alertDeliveries(first: 50) { edges { node {
    id incidentId event url format status attempts lastStatusCode lastError createdAt
  } } }
}`;

const KINDS = [
  ['JOB_FAILED', 'Job failed or aborted'],
  ['DURATION_ANOMALY', 'Duration anomaly (> 3σ)'],
  ['QUALITY_FAILED', 'Data-quality assertion failed'],
  ['METRIC_OUT_OF_RANGE', 'Metric out of range'],
  ['FRESHNESS', 'Freshness SLA'],
  ['SCHEMA_CHANGE', 'Breaking schema change'],
  ['LINEAGE_DROPPED', 'Job stopped reading or writing a dataset'],
];
const kindLabel = (k) => KINDS.find(([v]) => v === k)?.[1] ?? k;

export function mount(container, route) {
  const controller = new AbortController();
  const p = route.params;
  const status = p.get('status') === 'all' ? null : 'OPEN';
  const highlighted = p.get('incident');
  const { section, filters, results } = pageShell(
    'Alerts',
    'Rules that watch jobs and datasets, the incidents they opened (each with what lies downstream and whom to tell), and the webhooks sent.',
  );
  container.append(section);
  const statusSelect = h(
    'select',
    { id: 'alerts-status' },
    h('option', { value: 'open', selected: status === 'OPEN' }, 'Open incidents'),
    h('option', { value: 'all', selected: status === null }, 'All incidents'),
  );
  filters.append(h('label', { class: 'field' }, 'Show', statusSelect), h('button', { type: 'submit' }, 'Apply'));
  filters.onsubmit = (e) => {
    e.preventDefault();
    navigate('alerts', null, { status: statusSelect.value === 'all' ? 'all' : '' });
  };
  const notice = h('p', { id: 'alerts-notice', role: 'status', class: 'notice', hidden: true });
  section.insertBefore(notice, results);

  const act = async (label, work) => {
    notice.hidden = true;
    try {
      const done = await work();
      if (done === null) return; // key dialog cancelled
      notice.className = 'notice';
      notice.textContent = label;
      notice.hidden = false;
      await load();
    } catch (e) {
      notice.className = 'notice notice-warning';
      notice.textContent = `Could not ${label.toLowerCase()}: ${e.message}`;
      notice.hidden = false;
    }
  };

  async function load() {
    const data = await gql(PAGE, { status }, { signal: controller.signal });
    clear(
      results,
      rulesSection(data.alertRules, act),
      createForm(act),
      incidentsSection(data.alertIncidents.edges.map((e) => e.node), status, highlighted, act),
      deliveriesSection(data.alertDeliveries.edges.map((e) => e.node)),
    );
    results.dataset.state = 'ready';
  }

  (async () => {
    results.append(message('Loading alerts…'));
    try {
      await load();
    } catch (e) {
      if (!isAbort(e)) clear(results, errorMessage(e));
    }
  })();
  return { update: () => false, unmount: () => controller.abort() };
}

function scopeText(s) {
  const parts = Object.entries(s).filter(([, v]) => v);
  return parts.length ? parts.map(([k, v]) => `${k}: ${v}`).join(', ') : 'everything';
}

function condition(rule) {
  if (rule.freshness) {
    const f = rule.freshness;
    return f.maxAge ? `written within ${f.maxAge}` : `written daily by ${f.deadline} ${f.timeZone}`;
  }
  if (rule.metric) {
    const m = rule.metric;
    return `${m.column ? m.column + '.' : ''}${m.metric} in [${m.min ?? '−∞'}, ${m.max ?? '∞'}]`;
  }
  return '';
}

function rulesSection(rules, act) {
  const rows = rules.map((r) => [
    r.name,
    [kindLabel(r.kind), condition(r) ? h('br') : null, condition(r)],
    scopeText(r.scope),
    `${r.webhook.url} (${r.webhook.format.toLowerCase()}${r.webhook.signed ? ', signed' : ''})`,
    r.muted ? `Muted${r.mutedUntil ? ' until ' + formatTime(r.mutedUntil) : ''}${r.mutedReason ? ': ' + r.mutedReason : ''}` : 'Active',
    h(
      'span',
      { class: 'actions' },
      r.muted
        ? h('button', { type: 'button', class: 'unmute', onclick: () => act('Rule unmuted', () => mutate('mutation($id: ID!) { unmuteAlertRule(id: $id) { id } }', { id: r.id })) }, 'Unmute')
        : h('button', { type: 'button', class: 'mute', onclick: () => act('Rule muted', () => mutate('mutation($id: ID!) { muteAlertRule(id: $id) { id } }', { id: r.id })) }, 'Mute'),
      ' ',
      h('button', { type: 'button', class: 'test', onclick: () => act('Test notification queued', () => mutate('mutation($id: ID!) { testAlertRule(id: $id) { id } }', { id: r.id })) }, 'Send test'),
      ' ',
      r.source === 'API'
        ? h('button', { type: 'button', class: 'delete', onclick: () => act('Rule deleted', () => mutate('mutation($id: ID!) { deleteAlertRule(id: $id) }', { id: r.id })) }, 'Delete')
        : h('span', { class: 'message' }, r.source === 'FILE' ? 'from the rules file' : 'built in'),
    ),
  ]);
  return h(
    'section',
    { id: 'alerts-rules' },
    h('h2', {}, `Rules (${rules.length})`),
    rules.length ? table('Alert rules', ['Name', 'Watches', 'Scope', 'Webhook', 'Status', ''], rows) : message('No alert rules yet: create one below, or set TRIBUTARY_ALERT_WEBHOOK_URL.'),
  );
}

function createForm(act) {
  const input = (name, attrs = {}) => h('input', { name, id: `alert-rule-${name}`, ...attrs });
  const field = (label, el) => h('label', { class: 'field' }, label, el);
  const kind = h('select', { name: 'kind', id: 'alert-rule-kind' }, KINDS.map(([v, l]) => h('option', { value: v }, l)));
  const format = h('select', { name: 'format', id: 'alert-rule-format' }, ['JSON', 'SLACK', 'TEMPLATE'].map((f) => h('option', { value: f }, f.toLowerCase())));
  const freshness = h('fieldset', { class: 'kinds', hidden: true }, h('legend', {}, 'Freshness SLA'),
    field('Within (e.g. 6h)', input('maxAge')), field('Or daily by (HH:mm)', input('deadline', { placeholder: '07:00' })), field('Time zone', input('timeZone', { placeholder: 'UTC' })));
  const metric = h('fieldset', { class: 'kinds', hidden: true }, h('legend', {}, 'Metric'),
    field('Metric', input('metric', { placeholder: 'rowCount' })), field('Column', input('column')),
    field('Min', input('min', { type: 'number', step: 'any' })), field('Max', input('max', { type: 'number', step: 'any' })));
  const template = field('Template (Mustache)', h('textarea', { name: 'template', id: 'alert-rule-template', rows: 2, cols: 50, placeholder: '{"text": "{{summary}}"}' }));
  template.hidden = true;
  const showParameters = () => {
    freshness.hidden = kind.value !== 'FRESHNESS';
    metric.hidden = kind.value !== 'METRIC_OUT_OF_RANGE';
    template.hidden = format.value !== 'TEMPLATE';
  };
  kind.onchange = showParameters;
  format.onchange = showParameters;
  const form = h(
    'form',
    { id: 'alert-rule-form', class: 'filters', 'aria-label': 'Create an alert rule' },
    field('Name', input('name', { required: true })),
    field('Watches', kind),
    h('fieldset', { class: 'kinds' }, h('legend', {}, 'Scope (empty: everything; * matches any characters)'),
      field('Namespace', input('namespace')), field('Job', input('job')), field('Dataset', input('dataset')),
      field('Tag', input('tag')), field('Owner', input('owner'))),
    freshness,
    metric,
    field('Webhook URL', input('url', { type: 'url', required: true, size: 40 })),
    field('Format', format),
    template,
    field('Signing secret', input('secret', { type: 'password', autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Create rule'),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    const v = (name) => form.elements[name].value.trim() || null;
    const num = (name) => (v(name) === null ? null : Number(v(name)));
    const ruleInput = {
      name: v('name'),
      kind: kind.value,
      scope: { namespace: v('namespace'), job: v('job'), dataset: v('dataset'), tag: v('tag'), owner: v('owner') },
      webhook: { url: v('url'), format: format.value, template: v('template'), secret: v('secret') },
      freshness: kind.value === 'FRESHNESS' ? { maxAge: v('maxAge'), deadline: v('deadline'), timeZone: v('timeZone') } : null,
      metric: kind.value === 'METRIC_OUT_OF_RANGE' ? { metric: v('metric') ?? '', column: v('column'), min: num('min'), max: num('max') } : null,
    };
    act('Rule created', () => mutate('mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', { input: ruleInput }));
  };
  return h('section', { id: 'alerts-create' }, h('h2', {}, 'Create a rule'), form);
}

function subjectLink(s) {
  return h('a', { href: href('lineage', s.id), title: s.namespace }, s.name);
}

function impactText(i) {
  const counts = `${i.datasetCount} dataset(s), ${i.jobCount} job(s)${i.columnCount ? `, ${i.columnCount} column(s)` : ''}${i.truncated ? ' or more' : ''}`;
  const owners = i.owners.length ? `Owners: ${i.owners.map((o) => o.name).join(', ')}` : 'No owner named';
  return [counts, h('br'), owners];
}

function incidentsSection(incidents, status, highlighted, act) {
  const body = h(
    'tbody',
    {},
    incidents.map((i) =>
      h(
        'tr',
        { class: i.id === highlighted ? 'highlighted' : null, dataset: { incident: i.id }, 'aria-current': i.id === highlighted ? 'true' : null },
        h('td', {}, formatTime(i.openedAt)),
        h('td', {}, h('span', { class: `state state-${i.status === 'OPEN' ? 'failed' : 'completed'}` }, i.status), i.occurrences > 1 ? ` ×${i.occurrences}` : ''),
        h('td', {}, kindLabel(i.kind), h('br'), i.ruleName),
        h('td', {}, subjectLink(i.subject)),
        h('td', {}, i.summary, i.resolution ? [h('br'), `Resolved: ${i.resolution}`] : null),
        h('td', {}, impactText(i.impact)),
        h(
          'td',
          { class: 'actions' },
          i.acknowledged
            ? `Acknowledged${i.acknowledgedBy ? ' by ' + i.acknowledgedBy : ''}`
            : i.status === 'OPEN'
              ? h('button', { type: 'button', class: 'acknowledge', onclick: () => act('Incident acknowledged', () => mutate('mutation($id: ID!) { acknowledgeAlertIncident(id: $id) { id } }', { id: i.id })) }, 'Acknowledge')
              : '',
          ' ',
          i.status === 'OPEN'
            ? h('button', { type: 'button', class: 'resolve', onclick: () => act('Incident resolved', () => mutate('mutation($id: ID!) { resolveAlertIncident(id: $id) { id } }', { id: i.id })) }, 'Resolve')
            : '',
        ),
      ),
    ),
  );
  const label = status === 'OPEN' ? 'Open incidents' : 'Incidents';
  return h(
    'section',
    { id: 'alerts-incidents' },
    h('h2', {}, `${label} (${incidents.length})`),
    incidents.length
      ? h('table', { class: 'data' }, h('caption', {}, label), h('thead', {}, h('tr', {}, ['Opened', 'Status', 'Rule', 'Subject', 'What happened', 'Downstream', ''].map((x) => h('th', { scope: 'col' }, x)))), body)
      : message(status === 'OPEN' ? 'No open incidents.' : 'No incidents yet.'),
  );
}

function deliveriesSection(deliveries) {
  const rows = deliveries.map((d) => [
    formatTime(d.createdAt),
    d.event,
    h('span', { class: `state state-${d.status === 'DELIVERED' ? 'completed' : d.status === 'FAILED' ? 'failed' : 'running'}` }, d.status),
    String(d.attempts),
    [d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '', d.lastError && d.status !== 'DELIVERED' ? ` ${d.lastError}` : ''],
    `${d.url} (${d.format.toLowerCase()})`,
  ]);
  return h(
    'section',
    { id: 'alerts-deliveries' },
    h('h2', {}, `Deliveries (${deliveries.length})`),
    deliveries.length ? table('Webhook deliveries, newest first', ['Created', 'Event', 'Status', 'Attempts', 'Last answer', 'Webhook'], rows) : message('Nothing sent yet.'),
  );
}
