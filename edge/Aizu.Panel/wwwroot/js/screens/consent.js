// Consent: the city's purposes in plain language, the household's yes or no per purpose and kind of data,
// withdrawal on the same screen, signed receipts (view and download), renewal reminders. Every decision
// is recorded by the gateway's consent service in its ledger; this screen only asks and shows.
import { getJson, send } from '../api.js';
import { lang, onLanguage, t } from '../i18n.js';
import * as format from '../format.js';
import strings from './strings/consent.json' with { type: 'json' };

const state = { data: null, busy: false, root: null };
const $ = (id) => document.getElementById(id);
const GRANULARITIES = ['P1M', 'P1D', 'PT1H', 'PT30M'];

const key = (text) => String(text).replace(/[^A-Za-z0-9]/g, '_');
const categoryText = (category) => (t(`csCat_${key(category)}`) === `csCat_${key(category)}` ? category : t(`csCat_${key(category)}`));
const granularityText = (g) => (GRANULARITIES.includes(g) ? t(`csGran_${g}`) : g);
const reveals = (category, g) => (category === 'alert.ack' ? t('csRev_ack') : GRANULARITIES.includes(g) ? t(`csRev_${g}`) : '');
const local = (text) => (text ? (lang() === 'ja' ? text.ja : text.en) || text.en || text.ja || '' : '');
const date = (iso) => (iso ? new Date(iso).toLocaleDateString(lang() === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long' }) : '—');

function duration(iso) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(iso || '');
  if (!match) return iso || '—';
  const [, y, m, d] = match;
  const parts = [];
  if (y) parts.push(y === '1' ? t('csDuration_1Y') : t('csDuration_Y', y));
  if (m) parts.push(m === '1' ? t('csDuration_1M') : t('csDuration_M', m));
  if (d) parts.push(t('csDuration_D', d));
  return parts.join(' ') || iso;
}

function rounding(consent) {
  if (!consent.roundTo) return '';
  const unit = consent.category.endsWith('.energy') ? ` Wh` : '';
  return t('csRounding', `${format.number(consent.roundTo)}${unit}`);
}

function render() {
  return `
    <h1 data-i18n="csTitle"></h1>
    <p class="consent-intro" data-i18n="csIntro"></p>
    <p id="consent-uplink" class="card consent-note" hidden data-i18n="csNoUplink"></p>
    <section id="consent-integrity" class="card consent-integrity" role="alert" hidden>
      <h2 data-i18n="csIntegrityTitle"></h2>
      <p id="consent-integrity-problem" class="consent-integrity-problem"></p>
      <p data-i18n="csIntegrityWhatToDo"></p>
      <button type="button" id="consent-reconfirm" class="primary" data-i18n="csReconfirm"></button>
    </section>
    <p id="consent-stopped" class="card consent-note consent-stopped" role="alert" hidden></p>
    <div class="consent-feedback">
      <p id="consent-message" class="consent-message" role="status" aria-live="polite"></p>
      <p id="consent-error" class="error" role="alert"></p>
    </div>
    <div id="consent-reminders"></div>
    <p id="consent-requests" class="card consent-note consent-request-note" hidden data-i18n="csRequestsNote"></p>
    <p id="consent-catalogue" class="consent-catalogue"></p>
    <div id="consent-purposes" class="consent-purposes"></div>
    <section id="consent-other" hidden><h2 data-i18n="csOther"></h2><div id="consent-other-list"></div></section>
    <p class="consent-key"><a id="consent-key" href="api/consent/public-key" download="aizu-gateway-key.pem" data-i18n="csKey"></a></p>
    <dialog id="consent-receipt" class="consent-receipt" aria-labelledby="consent-receipt-title">
      <h2 id="consent-receipt-title" data-i18n="csReceiptTitle"></h2>
      <div id="consent-receipt-body"></div>
      <form method="dialog"><button type="submit" class="primary" data-i18n="csClose"></button></form>
    </dialog>`;
}

function statusBadge(consent) {
  const status = consent ? consent.status : 'none';
  const cls = consent?.active ? 'on' : consent?.pending ? 'ask' : 'off';
  return `<span class="consent-status consent-status-${cls}">${format.escape(t(`csStatus_${status}`))}</span>`;
}

function receiptsMarkup(consent) {
  if (!consent) return '';
  const receipts = consent.receipts.length
    ? `<ul class="consent-receipts">${consent.receipts.slice().reverse().map((r) => `
        <li data-receipt-id="${format.escape(r.receiptId)}" data-event="${format.escape(r.event)}">
          <span>${format.escape(t(`csEvent_${r.event}`))} · ${format.escape(format.dateTime(r.at))}</span>
          <button type="button" class="consent-view-receipt" data-receipt="${format.escape(r.receiptId)}" data-i18n="csViewReceipt">${format.escape(t('csViewReceipt'))}</button>
          <a href="api/consent/receipts/${encodeURIComponent(r.receiptId)}" download="aizu-receipt-${format.escape(r.receiptId)}.jws">${format.escape(t('csDownloadReceipt'))}</a>
        </li>`).join('')}</ul>`
    : `<p>${format.escape(t('csNoReceipts'))}</p>`;
  const rows = consent.history.map((e) => `<tr data-seq="${e.seq}" data-type="${format.escape(e.type)}"><td>${e.seq}</td><td>${format.escape(format.dateTime(e.at))}</td>
      <td>${format.escape(t(`csEvent_${e.type}`))}</td><td>${format.escape(t(`csActor_${e.actor}`))}</td><td>${e.version}</td>
      <td><code title="${format.escape(e.hash)}">${format.escape(e.hash.slice(0, 12))}…</code></td></tr>`).join('');
  return `<details class="consent-history"><summary>${format.escape(t('csReceipts'))} (${consent.receipts.length})</summary>
      ${receipts}
      <div class="table-scroll"><table class="data consent-ledger"><caption>${format.escape(t('csLedger'))}</caption>
        <thead><tr><th>${format.escape(t('csSeq'))}</th><th>${format.escape(t('csWhen'))}</th><th>${format.escape(t('csEvent'))}</th>
        <th>${format.escape(t('csBy'))}</th><th>${format.escape(t('csVersion'))}</th><th>${format.escape(t('csHash'))}</th></tr></thead>
        <tbody>${rows}</tbody></table></div></details>`;
}

function rowMarkup(purpose, category, consent) {
  const active = consent?.active;
  const chosen = consent && purpose.granularities.includes(consent.granularity) ? consent.granularity : purpose.proposedGranularity;
  const id = `${key(purpose.id)}-${key(category)}`;
  const options = purpose.granularities.map((g) => `<option value="${g}"${g === chosen ? ' selected' : ''}>${format.escape(granularityText(g))}</option>`).join('');
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
    .map((m) => `<option value="${m}"${m === purpose.defaultMonths ? ' selected' : ''}>${format.escape(m === 1 ? t('csMonths1') : t('csMonthsN', m))}</option>`).join('');
  const pendingRequest = consent?.status === 'requested';
  const renew = active && consent.canRenew && consent.daysLeft != null && consent.daysLeft <= (state.data?.reminderDays ?? 30);
  const detail = active
    ? `<p class="consent-active">${format.escape(t('csActiveUntil', granularityText(consent.granularity), date(consent.expiresAt)))} ${format.escape(rounding(consent))}</p>
       <p class="consent-reveals"><strong>${format.escape(t('csReveals'))}:</strong> ${format.escape(reveals(category, consent.granularity))}</p>`
    : `<p class="consent-reveals"><strong>${format.escape(t('csReveals'))}:</strong> <span class="consent-reveals-text">${format.escape(reveals(category, chosen))}</span></p>`;
  const choose = purpose.granularities.length > 0 ? `
      <div class="consent-choose">
        <label>${format.escape(t('csDetail'))} <select class="consent-granularity" id="consent-g-${id}">${options}</select></label>
        <label>${format.escape(t('csMonths'))} <select class="consent-months" id="consent-m-${id}">${months}</select></label>
        ${purpose.asksDistrict && state.data?.householdDistrict ? `<label class="consent-district"><input type="checkbox" class="consent-share-district"> ${format.escape(t('csShareDistrict', state.data.householdDistrict))}</label>` : ''}
      </div>` : '';
  const actions = active
    ? `<button type="button" class="consent-withdraw primary">${format.escape(t('csWithdraw'))}</button>
       ${renew ? `<button type="button" class="consent-renew">${format.escape(t('csRenew'))}</button>` : ''}`
    : `<button type="button" class="consent-grant primary">${format.escape(t('csGrant'))}</button>
       ${pendingRequest ? `<button type="button" class="consent-refuse">${format.escape(t('csRefuse'))}</button>
       <button type="button" class="consent-defer">${format.escape(t('csDefer'))}</button>` : ''}`;
  return `
    <div class="consent-row${consent?.pending ? ' consent-row-request' : ''}" data-purpose="${format.escape(purpose.id)}" data-category="${format.escape(category)}"
         data-consent-id="${format.escape(consent?.consentId ?? '')}" data-status="${format.escape(consent?.status ?? 'none')}">
      <div class="consent-row-head">
        <h3>${format.escape(categoryText(category))}</h3>
        ${statusBadge(consent)}
      </div>
      ${consent?.pending ? `<p class="consent-request-badge">${format.escape(t('csRequestBadge'))}</p>` : ''}
      ${consent?.changed ? `<p class="consent-changed">${format.escape(t('csChanged'))}</p>` : ''}
      ${detail}
      ${active && consent.district ? `<p class="consent-district-shared">${format.escape(t('csDistrictShared', consent.district))}</p>` : ''}
      ${consent?.deletionConfirmed ? `<p class="consent-deletion-confirmed">${format.escape(t('csDeletionConfirmed', date(consent.deletionConfirmed.at)))}</p>` : ''}
      ${active ? '' : choose}
      <div class="consent-actions">${actions}</div>
      ${receiptsMarkup(consent)}
    </div>`;
}

function purposeMarkup(purpose, consents) {
  const onward = purpose.onwardSharing ? t('csOnward', purpose.thirdParties.join(', ')) : t('csNoOnward');
  const rows = purpose.categories.map((category) => rowMarkup(purpose, category, consents.find((c) => c.purpose === purpose.id && c.category === category))).join('');
  return `
    <article class="card consent-purpose" data-purpose="${format.escape(purpose.id)}">
      <h2>${format.escape(local(purpose.title))} ${purpose.research ? `<span class="consent-research">${format.escape(t('csResearch'))}</span>` : ''}</h2>
      <p class="consent-description">${format.escape(local(purpose.description))}</p>
      <dl class="consent-terms">
        <div><dt>${format.escape(t('csRecipient'))}</dt><dd>${format.escape(purpose.recipient)} — ${format.escape(onward)}</dd></div>
        <div><dt>${format.escape(t('csRetention'))}</dt><dd>${format.escape(duration(purpose.retention))}</dd></div>
        ${purpose.validUntil ? `<div><dt>${format.escape(t('csProjectEnds'))}</dt><dd>${format.escape(date(purpose.validUntil))}</dd></div>` : ''}
      </dl>
      ${rows}
    </article>`;
}

function otherMarkup(consent) {
  const purpose = { id: consent.purpose, granularities: [], proposedGranularity: consent.granularity, defaultMonths: 12 };
  return `<article class="card consent-purpose" data-purpose="${format.escape(consent.purpose)}"><h2>${format.escape(consent.purpose)}</h2>${rowMarkup(purpose, consent.category, consent)}</article>`;
}

function paint() {
  const data = state.data;
  if (!data || !state.root) return;
  $('consent-uplink').hidden = !data.enabled || data.egressConfigured;
  paintIntegrity(data);
  const purposes = $('consent-purposes');
  if (!data.enabled) {
    purposes.innerHTML = `<p class="card">${format.escape(t('csDisabled'))}</p>`;
    return;
  }
  $('consent-catalogue').textContent = data.catalogue ? t('csCatalogue', data.catalogue.issuer, data.catalogue.sequence, date(data.catalogue.issuedAt)) : '';
  $('consent-requests').hidden = data.requests.length === 0;
  purposes.innerHTML = data.catalogue
    ? data.purposes.map((p) => purposeMarkup(p, data.consents)).join('')
    : `<p class="card">${format.escape(t('csNoCatalogue'))}</p>`;
  const offered = new Set(data.purposes.flatMap((p) => p.categories.map((c) => `${p.id}\n${c}`)));
  const others = data.consents.filter((c) => !offered.has(`${c.purpose}\n${c.category}`));
  $('consent-other').hidden = others.length === 0;
  $('consent-other-list').innerHTML = others.map(otherMarkup).join('');
  const title = (consent) => local(data.purposes.find((p) => p.id === consent.purpose)?.title) || consent.purpose;
  $('consent-reminders').innerHTML = data.reminders.map((r) => `
    <div class="card consent-reminder" role="status" data-consent-id="${format.escape(r.consentId)}">
      <p>${format.escape(t('csReminder', title(r), categoryText(r.category), date(r.expiresAt), r.daysLeft))}</p>
      ${r.canRenew ? `<button type="button" class="consent-renew primary" data-consent-id="${format.escape(r.consentId)}">${format.escape(t('csRenew'))}</button>`
    : `<p>${format.escape(t('csReminderNoRenew'))}</p>`}
    </div>`).join('');
}

// A ledger edited behind the gateway's back stops all sending (fail closed); the household sees why and
// re-confirms here, after withdrawing what it does not recognise. Other reasons sending stopped are shown as sent.
function paintIntegrity(data) {
  const integrity = data.integrity;
  const broken = Boolean(data.enabled && integrity && !integrity.trusted);
  $('consent-integrity').hidden = !broken;
  $('consent-integrity').dataset.headSeq = broken ? String(integrity.headSeq) : '';
  $('consent-integrity-problem').textContent = !broken ? ''
    : integrity.brokenAt != null ? t('csIntegrityAt', integrity.brokenAt, integrity.problem || '') : integrity.problem || '';
  const stopped = !broken && data.egressConfigured && integrity && !integrity.sending && integrity.sendingStoppedBecause;
  $('consent-stopped').hidden = !stopped;
  $('consent-stopped').textContent = stopped ? t('csStopped', integrity.sendingStoppedBecause) : '';
}

// After a re-confirmation the running gateway reopens egress at its next pass: look again until it has.
async function watchResume() {
  for (let i = 0; i < 30 && state.root; i += 1) {
    await new Promise((resolve) => { setTimeout(resolve, 3000); });
    await load();
    if (state.data?.integrity?.sending) {
      $('consent-message').textContent = t('csResumed');
      return;
    }
  }
}

async function reconfirm() {
  if (state.busy) return;
  state.busy = true;
  $('consent-error').textContent = '';
  $('consent-message').textContent = '';
  $('consent-reconfirm').disabled = true;
  try {
    await send('POST', 'api/consent/reconfirm', { headSeq: Number($('consent-integrity').dataset.headSeq) });
    await load();
    $('consent-message').textContent = t('csReconfirmed');
    watchResume();
  } catch (error) {
    $('consent-error').textContent = error.message;
  } finally {
    $('consent-reconfirm').disabled = false;
    state.busy = false;
  }
}

async function load() {
  try {
    state.data = await getJson('api/consent');
    $('consent-error').textContent = '';
    paint();
  } catch (error) {
    $('consent-error').textContent = error.message;
  }
}

async function decide(path, body, done) {
  if (state.busy) return;
  state.busy = true;
  $('consent-error').textContent = '';
  $('consent-message').textContent = '';
  for (const button of state.root.querySelectorAll('.consent-actions button, .consent-reminder button')) button.disabled = true;
  try {
    const result = await send('POST', path, body);
    await load();
    $('consent-message').textContent = t(`csDone_${result.consent.status === 'renewed' ? 'renewed' : done}`);
  } catch (error) {
    $('consent-error').textContent = error.message;
    paint();
  } finally {
    state.busy = false;
  }
}

function onClick(event) {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.id === 'consent-reconfirm') {
    reconfirm();
    return;
  }
  if (button.classList.contains('consent-view-receipt')) {
    showReceipt(button.dataset.receipt);
    return;
  }
  const row = button.closest('.consent-row');
  const id = button.dataset.consentId || row?.dataset.consentId;
  if (button.classList.contains('consent-grant') && row) {
    const granularity = row.querySelector('.consent-granularity')?.value;
    const months = Number(row.querySelector('.consent-months')?.value) || undefined;
    // Unticked (the default) sends nothing: the district is shared only on this explicit choice.
    const shareDistrict = row.querySelector('.consent-share-district')?.checked || undefined;
    decide('api/consent/grants', { purpose: row.dataset.purpose, category: row.dataset.category, granularity, months, shareDistrict }, 'given');
  } else if (button.classList.contains('consent-withdraw') && id) {
    decide(`api/consent/grants/${encodeURIComponent(id)}/withdraw`, undefined, 'withdrawn');
  } else if (button.classList.contains('consent-renew') && id) {
    decide(`api/consent/grants/${encodeURIComponent(id)}/renew`, {}, 'renewed');
  } else if (button.classList.contains('consent-refuse') && id) {
    decide(`api/consent/grants/${encodeURIComponent(id)}/refuse`, undefined, 'refused');
  } else if (button.classList.contains('consent-defer') && id) {
    decide(`api/consent/grants/${encodeURIComponent(id)}/defer`, undefined, 'deferred');
  }
}

function onChange(event) {
  const select = event.target.closest('.consent-granularity');
  if (!select) return;
  const row = select.closest('.consent-row');
  const text = row.querySelector('.consent-reveals-text');
  if (text) text.textContent = reveals(row.dataset.category, select.value);
  // 30-minute research data lasts 6 months unless the household chooses otherwise.
  const months = row.querySelector('.consent-months');
  if (months) months.value = select.value === 'PT30M' ? '6' : '12';
}

async function showReceipt(receiptId) {
  const dialog = $('consent-receipt');
  const body = $('consent-receipt-body');
  try {
    const r = await getJson(`api/consent/receipts/${encodeURIComponent(receiptId)}/view`);
    const row = (label, value) => (value == null || value === '' ? '' : `<div><dt>${format.escape(t(label))}</dt><dd>${format.escape(value)}</dd></div>`);
    body.innerHTML = `
      <p class="consent-signature ${r.verified ? 'ok' : 'bad'}" data-verified="${r.verified}">${format.escape(r.verified ? t('csSignatureOk') : t('csSignatureBad', r.problem || ''))}</p>
      <dl class="consent-receipt-fields">
        ${row('csDecision', r.event ? t(`csEvent_${r.event}`) : null)}
        ${row('csWhen', r.eventTime ? format.dateTime(r.eventTime) : null)}
        ${row('csBy', r.actor ? t(`csActor_${r.actor}`) : null)}
        ${row('csPurpose', r.purposeTitle ? `${r.purposeTitle} (${r.purpose})` : r.purpose)}
        ${row('csData', r.category ? categoryText(r.category) : null)}
        ${row('csDetail', r.granularity ? granularityText(r.granularity) : null)}
        ${row('csRecipient', r.recipient ? `${r.recipient} — ${r.onwardSharing ? t('csOnward', '') : t('csNoOnward')}` : null)}
        ${row('csValidity', r.validFrom ? `${date(r.validFrom)} – ${date(r.expiresAt)}` : null)}
        ${row('csRetention', r.retention ? duration(r.retention) : null)}
        ${row('csController', r.controller)}
        ${row('csPolicy', r.policyUrl)}
        ${row('csPseudonym', r.principalId)}
        ${row('csLedgerEntry', `${r.seq} · ${r.ledgerHash ?? ''}`)}
      </dl>
      <p><strong>${format.escape(t('csSigned'))}</strong></p>
      <pre class="consent-jws" id="consent-receipt-jws">${format.escape(r.jws)}</pre>
      <p><a href="api/consent/receipts/${encodeURIComponent(r.receiptId)}" download="aizu-receipt-${format.escape(r.receiptId)}.jws">${format.escape(t('csDownloadReceipt'))}</a></p>`;
    if (!dialog.open) dialog.showModal();
  } catch (error) {
    $('consent-error').textContent = error.message;
  }
}

function mount(section) {
  state.root = section;
  section.addEventListener('click', onClick);
  section.addEventListener('change', onChange);
  onLanguage(paint);
}

async function show() {
  await load();
}

export default { id: 'consent', nav: 'navConsent', access: 'household', strings, render, mount, show };
