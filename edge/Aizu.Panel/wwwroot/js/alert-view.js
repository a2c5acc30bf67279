// One city alert as HTML, shared by the full-screen takeover, the banner and the alerts screen, and the
// "確認しました / I'm safe" button with an honest account of where the answer went.
import { send } from './api.js';
import { addStrings, lang, t } from './i18n.js';
import * as format from './format.js';
import alertStrings from './strings/alert-view.json' with { type: 'json' };

// Registered here once, for the alert layer and the alerts screen alike.
addStrings(alertStrings);

const esc = format.escape;

// The band colour as the badge's background, with black or white text, whichever reads.
export function paintBadge(root) {
  for (const badge of root.querySelectorAll('[data-colour]')) {
    const hex = badge.dataset.colour;
    if (!/^#[0-9a-fA-F]{6}$/.test(hex)) continue;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    badge.style.backgroundColor = hex;
    badge.style.color = (0.299 * r + 0.587 * g + 0.114 * b) > 150 ? '#000' : '#fff';
    badge.style.borderColor = hex.toLowerCase() === '#ffffff' ? '#999' : hex;
  }
}

export function levelLabel(alert) {
  return alert.jAlertType ? `${t('alertJAlert')}` : t('alertLevel', alert.level);
}

export function shownInOtherLanguage(alert) {
  const wanted = lang();
  const primary = String(alert.language || '').toLowerCase().split('-')[0];
  if (primary === wanted) return null;
  const name = primary === 'ja' ? t('alertLanguageJa') : primary === 'en' ? t('alertLanguageEn') : alert.language;
  return t('alertOtherLanguage', name);
}

function safeLink(web) {
  try {
    const url = new URL(web);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// The alert's details. idPrefix names its parts for tests and labels (e.g. 'alert-takeover').
export function alertDetails(alert, idPrefix) {
  const other = shownInOtherLanguage(alert);
  const link = alert.web ? safeLink(alert.web) : null;
  const testBanner = alert.isTest ? `<p class="alert-test" id="${idPrefix}-test">${esc(alert.testBanner || t('alertTestTitle'))}</p>` : '';
  return `${testBanner}
    <p class="alert-level"><span class="alert-badge" data-colour="${esc(alert.colourHex)}">${esc(levelLabel(alert))}</span>
      <span class="alert-event">${esc(alert.event)}</span></p>
    <h2 class="alert-headline" id="${idPrefix}-headline" lang="${esc(alert.language)}">${esc(alert.headline || alert.event)}</h2>
    ${alert.instruction ? `<div class="alert-instruction"><h3>${esc(t('alertWhatToDo'))}</h3><p id="${idPrefix}-instruction" lang="${esc(alert.language)}">${esc(alert.instruction)}</p></div>` : ''}
    ${alert.description ? `<p class="alert-description" lang="${esc(alert.language)}">${esc(alert.description)}</p>` : ''}
    <dl class="alert-facts">
      <div><dt>${esc(t('alertArea'))}</dt><dd lang="${esc(alert.language)}">${esc(alert.area)}</dd></div>
      <div><dt>${esc(t('alertSender'))}</dt><dd lang="${esc(alert.language)}">${esc(alert.senderName)}</dd></div>
      <div><dt>${esc(t('alertIssued'))}</dt><dd><time datetime="${esc(alert.issued)}">${esc(format.dateTime(alert.issued))}</time></dd></div>
      <div><dt>${esc(t('alertExpires'))}</dt><dd><time class="alert-expires" datetime="${esc(alert.expires)}">${esc(format.dateTime(alert.expires))}</time></dd></div>
    </dl>
    ${alert.areaMatch === 'Unknown' ? `<p class="alert-note">${esc(t('alertAreaUnknown'))}</p>` : ''}
    ${other ? `<p class="alert-note">${esc(other)}</p>` : ''}
    ${link ? `<p><a href="${esc(link)}" rel="noopener noreferrer" target="_blank">${esc(t('alertMore'))}</a> <span class="alert-link">${esc(link)}</span></p>` : ''}`;
}

// What happened to an "I'm safe", in a sentence.
export function ackExplanation(ack) {
  if (!ack) return '';
  const consents = (ack.consents || []).join(', ');
  const sentence = {
    Queued: () => t('alertAckQueued', consents),
    AlreadyQueued: () => t('alertAckAlreadyQueued', consents),
    NotConsented: () => t('alertAckNotConsented'),
    NotConfigured: () => t('alertAckNotConfigured'),
    Refused: () => t('alertAckRefused', ack.detail || ''),
  }[ack.forwarding];
  const pressed = t('alertAckPressed', format.time(ack.at));
  return `${pressed} ${sentence ? sentence() : (ack.detail || '')}`;
}

export function ackMarkup(alert, idPrefix) {
  const ack = alert.acknowledgement;
  return `<div class="alert-ack">
      <button type="button" class="primary alert-ack-button" id="${idPrefix}-ack" data-alert-id="${esc(alert.id)}">${esc(ack ? t('alertAckAgain') : t('alertAck'))}</button>
      <p class="alert-ack-result" id="${idPrefix}-ack-result" role="status" data-forwarding="${esc(ack?.forwarding || '')}" data-sent="${ack ? String(Boolean(ack.sentToCity)) : ''}">${esc(ackExplanation(ack))}</p>
    </div>`;
}

// Presses "I'm safe" for the alert behind button; shows the outcome next to it and returns it.
export async function acknowledge(button) {
  const result = button.parentElement.querySelector('.alert-ack-result');
  button.disabled = true;
  try {
    const ack = await send('POST', `api/alerts/${encodeURIComponent(button.dataset.alertId)}/ack`);
    result.dataset.forwarding = ack.forwarding;
    result.dataset.sent = String(Boolean(ack.sentToCity));
    result.textContent = ackExplanation(ack);
    button.textContent = t('alertAckAgain');
    return ack;
  } catch (error) {
    result.dataset.forwarding = 'Error';
    result.textContent = error.status === 404 ? t('alertAckGone') : t('alertAckFailed', error.message);
    return null;
  } finally {
    button.disabled = false;
  }
}
