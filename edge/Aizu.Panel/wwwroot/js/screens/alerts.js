// Alerts: the city's current disaster alerts for this home with what to do, the "I'm safe" button, the
// notice that this is a supplementary channel, and the alerts that have ended. The page-wide layer
// (alerts-layer.js) polls; this screen shows what it last received.
import { onLanguage, t } from '../i18n.js';
import * as format from '../format.js';
import layer from '../alerts-layer.js';
import { ackMarkup, acknowledge, alertDetails, levelLabel, paintBadge } from '../alert-view.js';
import strings from './strings/alerts.json' with { type: 'json' };

const state = { root: null, unsubscribe: null, data: null };
const $ = (id) => document.getElementById(id);

function render() {
  return `
    <h1 data-i18n="alertsTitle"></h1>
    <p class="alert-notice card" id="alerts-notice"></p>
    <p id="alerts-status" class="error" role="status"></p>
    <section aria-labelledby="alerts-current-title">
      <h2 id="alerts-current-title" data-i18n="alertsCurrent"></h2>
      <p id="alerts-disabled" hidden data-i18n="alertsDisabled"></p>
      <p id="alerts-empty" hidden data-i18n="alertsNone"></p>
      <div id="alerts-current" class="alerts-list"></div>
      <p class="alerts-ack-intro" data-i18n="alertsAckIntro"></p>
    </section>
    <section aria-labelledby="alerts-history-title">
      <h2 id="alerts-history-title" data-i18n="alertsHistory"></h2>
      <p id="alerts-no-history" hidden data-i18n="alertsNoHistory"></p>
      <table id="alerts-history" class="data alerts-history"></table>
    </section>`;
}

function reasonText(reason) {
  return t({ Updated: 'alertsReasonUpdated', Cancelled: 'alertsReasonCancelled', Expired: 'alertsReasonExpired' }[reason] || reason);
}

function draw() {
  const data = state.data;
  if (!state.root || !data) return;
  const notice = data.notice || {};
  const [first, second] = document.documentElement.lang === 'ja' ? [notice.ja, notice.en] : [notice.en, notice.ja];
  $('alerts-notice').innerHTML = `<span>${format.escape(first)}</span> <span class="alert-notice-other">${format.escape(second)}</span>`;
  $('alerts-disabled').hidden = data.enabled;

  // The layer's list, already checked against the browser's clock.
  const current = layer.currentAlerts();
  const focused = document.activeElement?.id;
  $('alerts-empty').hidden = !data.enabled || current.length > 0;
  $('alerts-current').innerHTML = current.map((a, i) => `
    <article class="card alert-card" data-alert-id="${format.escape(a.id)}" data-level="${a.level}" aria-labelledby="alerts-item-${i}-headline">
      ${alertDetails(a, `alerts-item-${i}`)}
      ${ackMarkup(a, `alerts-item-${i}`)}
    </article>`).join('');
  for (const card of $('alerts-current').querySelectorAll('.alert-card')) {
    const alert = current.find((a) => a.id === card.dataset.alertId);
    if (alert) card.style.borderLeftColor = alert.colourHex;
  }

  const history = data.history || [];
  $('alerts-no-history').hidden = !data.enabled || history.length > 0;
  $('alerts-history').hidden = history.length === 0;
  $('alerts-history').innerHTML = history.length === 0 ? '' : `
    <thead><tr><th>${format.escape(t('alertsEnded'))}</th><th>${format.escape(t('alertsAlert'))}</th><th>${format.escape(t('alertsReason'))}</th></tr></thead>
    <tbody>${history.map((h) => `<tr data-alert-id="${format.escape(h.alert.id)}">
      <td><time datetime="${format.escape(h.ended)}">${format.escape(format.dateTime(h.ended))}</time></td>
      <td><span class="alert-badge" data-colour="${format.escape(h.alert.colourHex)}">${format.escape(levelLabel(h.alert))}</span>
        ${h.alert.isTest ? `<span class="alert-test-tag">${format.escape(t('alertTestTitle').split(' — ')[0])}</span>` : ''}
        <span lang="${format.escape(h.alert.language)}">${format.escape(h.alert.headline || h.alert.event)}</span>
        <small>${format.escape(format.dateTime(h.alert.issued))} · ${format.escape(h.alert.area)}</small></td>
      <td>${format.escape(reasonText(h.reason))}</td></tr>`).join('')}</tbody>`;
  paintBadge(state.root);
  if (focused && $(focused) && state.root.contains($(focused))) $(focused).focus();
}

function onData(data) {
  state.data = data;
  $('alerts-status').textContent = '';
  draw();
}

function mount(section) {
  state.root = section;
  section.addEventListener('click', async (event) => {
    const button = event.target.closest('.alert-ack-button');
    if (!button) return;
    await acknowledge(button);
    layer.refresh();
  });
  onLanguage(draw);
}

async function show() {
  state.unsubscribe?.();
  state.unsubscribe = layer.onAlerts(onData);
  if (!state.data) $('alerts-status').textContent = t('alertsLoading');
  const data = await layer.refresh();
  if (!data) $('alerts-status').textContent = t('alertsUnreachable');
  draw();
}

function hide() {
  state.unsubscribe?.();
  state.unsubscribe = null;
}

export default { id: 'alerts', nav: 'navAlerts', access: 'viewer', strings, render, mount, show, hide };
