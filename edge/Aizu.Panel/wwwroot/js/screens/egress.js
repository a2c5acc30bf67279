// What left my home: every message the gateway sent to the city (and what waits or was dropped), newest
// first, filterable, each shown exactly as sent: topic, properties and the payload bytes.
import { getJson } from '../api.js';
import { onLanguage, t } from '../i18n.js';
import * as format from '../format.js';
import strings from './strings/egress.json' with { type: 'json' };

const STATUSES = ['sent', 'refused', 'pending', 'dropped'];
const FILTERS = ['purpose', 'category', 'status', 'from', 'to'];
const state = { filter: {}, entries: [], next: null, page: null, root: null, status: null };
const $ = (id) => document.getElementById(id);

// MQTT 5 PUBACK reason codes a broker may answer with.
const REASONS = {
  0x00: 'Success', 0x10: 'No matching subscribers', 0x80: 'Unspecified error', 0x83: 'Implementation specific error',
  0x87: 'Not authorized', 0x90: 'Topic name invalid', 0x91: 'Packet identifier in use', 0x97: 'Quota exceeded', 0x99: 'Payload format invalid',
};

function render() {
  const statuses = STATUSES.map((s) => `<option value="${s}" data-i18n="egStatus_${s}"></option>`).join('');
  return `
    <h1 data-i18n="egTitle"></h1>
    <p data-i18n="egIntro"></p>
    <p id="egress-none" class="card consent-note" hidden data-i18n="egNotConfigured"></p>
    <section id="egress-link" class="card egress-link" hidden>
      <h2 data-i18n="egLinkTitle"></h2>
      <p id="egress-link-state" class="egress-link-state"></p>
      <p id="egress-link-error" class="egress-link-error" hidden></p>
      <p id="egress-stopped" class="egress-stopped" hidden></p>
      <p id="egress-outbox" class="egress-outbox" hidden></p>
      <p id="egress-outbox-dropped" class="egress-outbox-dropped" hidden></p>
    </section>
    <form id="egress-filters" class="egress-filters">
      <label><span data-i18n="egPurpose"></span> <select id="egress-purpose" name="purpose"><option value="" data-i18n="egAll"></option></select></label>
      <label><span data-i18n="egCategory"></span> <select id="egress-category" name="category"><option value="" data-i18n="egAll"></option></select></label>
      <label><span data-i18n="egStatus"></span> <select id="egress-status" name="status"><option value="" data-i18n="egAll"></option>${statuses}</select></label>
      <label><span data-i18n="egFrom"></span> <input type="date" id="egress-from" name="from"></label>
      <label><span data-i18n="egTo"></span> <input type="date" id="egress-to" name="to"></label>
      <div class="egress-filter-buttons">
        <button type="submit" class="primary" data-i18n="egApply"></button>
        <button type="button" id="egress-reset" data-i18n="egReset"></button>
      </div>
    </form>
    <p id="egress-error" class="error" role="alert"></p>
    <p id="egress-empty" hidden></p>
    <ol id="egress-list" class="egress-list" aria-live="polite"></ol>
    <button type="button" id="egress-more" hidden data-i18n="egOlder"></button>`;
}

function pretty(entry) {
  if (entry.payloadText == null) return null;
  try {
    return JSON.stringify(JSON.parse(entry.payloadText), null, 2);
  } catch {
    return null;
  }
}

function outcome(entry) {
  if (entry.status === 'refused') {
    if (entry.reasonCode == null) return t('egNoAnswer');
    const code = entry.reasonCode.toString(16).toUpperCase().padStart(2, '0');
    return t('egRefusedCode', code, REASONS[entry.reasonCode] || entry.reason || '?');
  }
  return entry.reason || '';
}

function entryMarkup(entry, index) {
  const kind = t(`egKind_${entry.kind}`);
  const json = pretty(entry);
  const exact = entry.payloadText ?? entry.payload;
  const why = (entry.status === 'sent' || (entry.status === 'pending' && !entry.reason)) ? '' : outcome(entry);
  const properties = entry.userProperties.map((p) => `<tr><th scope="row">${format.escape(p.name)}</th><td><code>${format.escape(p.value)}</code></td></tr>`).join('');
  return `
    <li class="card egress-entry" data-status="${entry.status}" data-msg-id="${format.escape(entry.messageId)}" data-topic="${format.escape(entry.topic)}" data-key="${format.escape(entry.key)}">
      <div class="egress-head">
        <time datetime="${format.escape(entry.at)}">${format.escape(format.dateTime(entry.at, state.page?.timeZone))}</time>
        <span class="egress-status egress-status-${entry.status}">${format.escape(t(`egStatus_${entry.status}`))}</span>
        <span class="egress-kind">${format.escape(kind)}</span>
      </div>
      <dl class="egress-meta">
        ${entry.purpose ? `<div><dt>${format.escape(t('egPurpose'))}</dt><dd>${format.escape(entry.purpose)}${entry.category ? ` · ${format.escape(entry.category)}` : ''}</dd></div>` : ''}
        ${entry.consent ? `<div><dt>${format.escape(t('egConsent'))}</dt><dd><code>${format.escape(entry.consent)}</code></dd></div>` : ''}
        <div><dt>${format.escape(t('egTopic'))}</dt><dd><code class="egress-topic">${format.escape(entry.topic)}</code>${entry.retain ? ` <small>(${format.escape(t('egRetained'))})</small>` : ''}</dd></div>
        ${entry.attempt > 1 ? `<div><dt>#</dt><dd>${format.escape(t('egAttempt', entry.attempt))}</dd></div>` : ''}
        ${why ? `<div class="egress-why"><dt>${format.escape(t('egReason'))}</dt><dd class="egress-reason">${format.escape(why)}</dd></div>` : ''}
      </dl>
      <details class="egress-properties"><summary>${format.escape(t('egProperties'))} (${entry.userProperties.length}) · <code>${format.escape(entry.contentType)}</code></summary>
        <div class="table-scroll"><table class="data">${properties}</table></div></details>
      ${json != null ? `<pre class="egress-payload" aria-label="${format.escape(t('egPayload'))}">${format.escape(json)}</pre>` : ''}
      <details class="egress-exact"${json == null ? ' open' : ''}><summary>${format.escape(t('egExact', entry.payloadBytes))}</summary>
        ${entry.payloadText == null ? `<p>${format.escape(t('egBinary'))}</p>` : ''}
        <pre class="egress-raw">${format.escape(exact)}</pre>
        <button type="button" class="egress-download" data-index="${index}">${format.escape(t('egDownload'))}</button>
      </details>
    </li>`;
}

function paintOptions() {
  const page = state.page;
  if (!page) return;
  const purposes = [...new Set(page.purposes.map((p) => p.purpose))];
  const categories = [...new Set(page.purposes.filter((p) => !state.filter.purpose || p.purpose === state.filter.purpose).map((p) => p.category).filter(Boolean))];
  const fill = (select, values, chosen) => {
    const all = `<option value="">${format.escape(t('egAll'))}</option>`;
    const list = chosen && !values.includes(chosen) ? [...values, chosen] : values;
    select.innerHTML = all + list.map((v) => `<option value="${format.escape(v)}">${format.escape(v)}</option>`).join('');
    select.value = chosen || '';
  };
  fill($('egress-purpose'), purposes, state.filter.purpose);
  fill($('egress-category'), categories, state.filter.category);
  $('egress-status').value = state.filter.status || '';
  $('egress-from').value = state.filter.from || '';
  $('egress-to').value = state.filter.to || '';
}

// The city link and the outbox (from GET /api/status): is the broker reachable, what waits, what the budget dropped.
function paintLink() {
  const link = state.status?.cityLink;
  const egress = state.status?.egress;
  const section = $('egress-link');
  section.hidden = !link && !egress;
  if (section.hidden) return;
  const when = (iso) => format.dateTime(iso, state.page?.timeZone);
  const show = (id, text) => { $(id).hidden = !text; $(id).textContent = text || ''; };
  section.dataset.state = !link ? 'unknown' : link.connected ? 'up' : 'down';
  show('egress-link-state', !link ? '' : link.connected ? t('egLinkUp', when(link.since))
    : link.since ? t('egLinkDown', when(link.since)) : t('egLinkConnecting'));
  const trouble = link && !link.connected && link.lastError
    ? [t('egLinkError', link.lastError), link.failedAttempts > 0 ? t('egLinkAttempts', link.failedAttempts) : ''].join(' ').trim() : '';
  show('egress-link-error', trouble);
  show('egress-stopped', egress && !egress.sending && egress.stoppedBecause ? t('egStopped', egress.stoppedBecause) : '');
  show('egress-outbox', egress?.outboxPending != null ? t('egOutbox', format.number(egress.outboxPending), format.number(egress.outboxMaxPending)) : '');
  $('egress-outbox').dataset.pending = egress?.outboxPending ?? '';
  show('egress-outbox-dropped', egress?.outboxDroppedOverBudget > 0
    ? t('egOutboxDropped', format.number(egress.outboxDroppedOverBudget), egress.lastOutboxDropAt ? when(egress.lastOutboxDropAt) : '—') : '');
}

function paint() {
  paintLink();
  const page = state.page;
  if (!page || !state.root) return;
  $('egress-none').hidden = page.configured;
  $('egress-filters').hidden = !page.configured;
  paintOptions();
  $('egress-list').innerHTML = state.entries.map(entryMarkup).join('');
  const filtered = FILTERS.some((f) => state.filter[f]);
  $('egress-empty').hidden = !page.configured || state.entries.length > 0;
  $('egress-empty').textContent = filtered ? t('egEmpty') : t('egNothing');
  $('egress-more').hidden = !state.next;
}

function query(before) {
  const params = new URLSearchParams();
  for (const f of FILTERS) if (state.filter[f]) params.set(f, state.filter[f]);
  if (before) params.set('before', before);
  return params;
}

async function load(more) {
  try {
    // The link card is drawn from /api/status when the screen is shown, not again for every older page.
    const [page, status] = await Promise.all([getJson(`api/egress?${query(more ? state.next : null)}`), more ? state.status : getJson('api/status')]);
    state.status = status;
    state.page = page;
    state.entries = more ? [...state.entries, ...page.entries] : page.entries;
    state.next = page.nextBefore;
    $('egress-error').textContent = '';
    paint();
  } catch (error) {
    $('egress-error').textContent = error.message;
  }
}

function download(entry) {
  const bytes = Uint8Array.from(atob(entry.payload), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: entry.contentType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${entry.messageId}.${/json/.test(entry.contentType) ? 'json' : 'bin'}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function mount(section) {
  state.root = section;
  $('egress-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const f of FILTERS) {
      const value = $(`egress-${f}`).value;
      if (value) params.set(f, value);
    }
    location.hash = `#/egress${params.toString() ? `?${params}` : ''}`;
  });
  $('egress-purpose').addEventListener('change', () => {
    state.filter.purpose = $('egress-purpose').value;
    state.filter.category = '';
    paintOptions();
  });
  $('egress-reset').addEventListener('click', () => { location.hash = '#/egress'; });
  $('egress-more').addEventListener('click', () => load(true));
  $('egress-list').addEventListener('click', (event) => {
    const button = event.target.closest('.egress-download');
    if (button) download(state.entries[Number(button.dataset.index)]);
  });
  onLanguage(paint);
}

async function show(params) {
  state.filter = {};
  for (const f of FILTERS) if (params.get(f)) state.filter[f] = params.get(f);
  if (state.filter.status && !STATUSES.includes(state.filter.status)) delete state.filter.status;
  state.next = null;
  await load(false);
}

export default { id: 'egress', nav: 'navEgress', access: 'household', strings, render, mount, show };
