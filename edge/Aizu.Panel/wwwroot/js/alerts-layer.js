// City alerts over whatever screen is open: a full-screen takeover for level 4 and above and J-Alert types,
// a banner otherwise, and a tone made in the browser (Web Audio; no sound files). It polls the gateway every
// few seconds and again whenever the live stream reconnects, and clears an alert at its expiry itself, so
// a stale alert does not stay up while the gateway is unreachable.
import { getJson } from './api.js';
import { addStrings, lang, onLanguage, t } from './i18n.js';
import { connect, onConnection } from './live.js';
import { ackMarkup, acknowledge, alertDetails, paintBadge } from './alert-view.js';
import * as format from './format.js';
import strings from './strings/alerts-layer.json' with { type: 'json' };

const POLL_MS = 4000;
const TONE_REPEAT_MS = 20000;

addStrings(strings);

const $ = (id) => document.getElementById(id);
const state = {
  running: false, timer: null, expiryTimer: null, data: null, signature: '', minimised: new Set(),
  announced: new Set(), sounded: new Set(), listeners: new Set(), takeoverId: null,
  audio: null, sound: 'off', toneTimer: null, fetching: null,
};

// Alerts still valid by the browser's clock too (the gateway's check is the first one).
export function currentAlerts() {
  const now = Date.now();
  return (state.data?.current || []).filter((a) => !(Date.parse(a.expires) <= now));
}

export function latest() { return state.data; }

// The alerts screen listens here rather than polling a second time.
export function onAlerts(listener) {
  state.listeners.add(listener);
  if (state.data) listener(state.data);
  return () => state.listeners.delete(listener);
}

export async function refresh() {
  if (!state.running) return null;
  if (state.fetching) return state.fetching;
  state.fetching = (async () => {
    try {
      const data = await getJson(`api/alerts?lang=${encodeURIComponent(lang())}`);
      state.data = data;
      const signature = JSON.stringify(data);
      if (signature !== state.signature) {
        state.signature = signature;
        update();
        for (const listener of state.listeners) listener(data);
      }
    } catch {
      // Keep what is shown; expiry is still enforced on this side by the timer below.
    } finally {
      state.fetching = null;
    }
    return state.data;
  })();
  return state.fetching;
}

export function start() {
  if (state.running) return;
  state.running = true;
  ensureElements();
  // Any touch or key on the page lets the browser start audio later, when an alert comes.
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, unlockAudio, { once: true, capture: true });
  connect();
  refresh();
  state.timer = setInterval(refresh, POLL_MS);
}

// Signed out (and not a kiosk): nothing to show, and polling would only be refused.
export function stop() {
  state.running = false;
  clearInterval(state.timer);
  clearTimeout(state.expiryTimer);
  state.data = null;
  state.signature = '';
  update();
}

function ensureElements() {
  if (!$('alert-banner')) {
    const banner = document.createElement('div');
    banner.id = 'alert-banner';
    banner.className = 'alert-banner';
    banner.setAttribute('role', 'region');
    banner.hidden = true;
    $('banner-area').append(banner);
  }
  if (!$('alert-takeover')) {
    const takeover = document.createElement('div');
    takeover.id = 'alert-takeover';
    takeover.className = 'alert-takeover';
    takeover.setAttribute('role', 'alertdialog');
    takeover.setAttribute('aria-modal', 'true');
    takeover.tabIndex = -1;
    takeover.dataset.sound = state.sound;
    takeover.hidden = true;
    takeover.addEventListener('keydown', onTakeoverKey);
    takeover.addEventListener('click', onClick);
    document.body.append(takeover);
    $('alert-banner').addEventListener('click', onClick);
  }
  if (!$('alert-announcer')) {
    const live = document.createElement('p');
    live.id = 'alert-announcer';
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'assertive');
    document.body.append(live);
  }
}

function update() {
  if (!$('alert-takeover')) return;
  const current = state.running ? currentAlerts() : [];
  const ids = new Set(current.map((a) => a.id));
  for (const id of [...state.minimised]) if (!ids.has(id)) state.minimised.delete(id);
  const full = current.filter((a) => a.takeover && !state.minimised.has(a.id));
  const banner = current.filter((a) => !full.includes(a));
  renderTakeover(full);
  renderBanner(banner, full.length > 0);
  announce(current);
  scheduleExpiry(current);
  sound(current);
}

function renderTakeover(full) {
  const box = $('alert-takeover');
  const focused = document.activeElement?.id;
  if (full.length === 0) {
    const wasOpen = !box.hidden;
    box.hidden = true;
    box.replaceChildren();
    state.takeoverId = null;
    document.body.classList.remove('alert-open');
    if (wasOpen && box.contains(document.activeElement)) $('screens')?.focus();
    return;
  }
  const alert = full[0];
  const more = full.length - 1;
  box.dataset.alertId = alert.id;
  box.dataset.level = String(alert.level);
  box.style.setProperty('--alert-colour', alert.colourHex);
  box.setAttribute('aria-labelledby', 'alert-takeover-headline');
  box.setAttribute('aria-describedby', alert.instruction ? 'alert-takeover-instruction' : 'alert-takeover-headline');
  box.innerHTML = `
    <div class="alert-takeover-body" data-colour-band="${format.escape(alert.colourHex)}">
      <p class="alert-kind">${format.escape(t('alertTakeoverLabel'))}</p>
      ${alertDetails(alert, 'alert-takeover')}
      ${ackMarkup(alert, 'alert-takeover')}
      ${soundMarkup()}
      ${more > 0 ? `<p class="alert-more">${format.escape(t('alertMoreCount', more))}</p>` : ''}
      <p class="alert-notice" id="alert-takeover-notice">${noticeText()}</p>
      <p class="alert-takeover-actions"><button type="button" id="alert-takeover-close" data-action="minimise" data-alert-id="${format.escape(alert.id)}">${format.escape(t('alertMinimise'))}</button></p>
    </div>`;
  box.querySelector('.alert-takeover-body').style.borderTopColor = alert.colourHex;
  paintBadge(box);
  box.hidden = false;
  document.body.classList.add('alert-open');
  if (state.takeoverId !== alert.id) {
    state.takeoverId = alert.id;
    // A new alert takes the focus, so a keyboard or screen-reader user lands on it.
    (box.querySelector('.alert-ack-button') || box).focus();
  } else if (focused && $(focused) && box.contains($(focused))) {
    $(focused).focus();
  } else if (!box.contains(document.activeElement)) {
    box.querySelector('.alert-ack-button')?.focus();
  }
}

function renderBanner(alerts, takeoverOpen) {
  const banner = $('alert-banner');
  banner.setAttribute('aria-label', t('alertBannerLabel'));
  if (alerts.length === 0) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const focused = document.activeElement?.id;
  banner.innerHTML = alerts.map((a, i) => `
    <div class="alert-banner-item" data-alert-id="${format.escape(a.id)}" data-level="${a.level}">
      ${a.isTest ? `<p class="alert-test">${format.escape(a.testBanner || t('alertTestTitle'))}</p>` : ''}
      <p class="alert-banner-line">
        <span class="alert-badge" data-colour="${format.escape(a.colourHex)}">${format.escape(a.jAlertType ? t('alertJAlert') : t('alertLevel', a.level))}</span>
        <strong lang="${format.escape(a.language)}">${format.escape(a.headline || a.event)}</strong>
        <span class="alert-banner-until">${format.escape(t('alertExpires'))} <time datetime="${format.escape(a.expires)}">${format.escape(format.dateTime(a.expires))}</time></span>
      </p>
      ${a.instruction ? `<p class="alert-banner-instruction" id="alert-banner-instruction-${i}" lang="${format.escape(a.language)}">${format.escape(a.instruction)}</p>` : ''}
      <p class="alert-banner-actions">
        ${a.takeover ? `<button type="button" id="alert-banner-full-${i}" data-action="expand" data-alert-id="${format.escape(a.id)}">${format.escape(t('alertShowFull'))}</button>` : ''}
        <a href="#/alerts" id="alert-banner-details-${i}">${format.escape(t('alertDetailsLink'))}</a>
      </p>
    </div>`).join('') + (takeoverOpen ? '' : `${soundMarkup()}<p class="alert-notice">${noticeText()}</p>`);
  paintBadge(banner);
  banner.hidden = false;
  if (focused && $(focused) && banner.contains($(focused))) $(focused).focus();
}

function noticeText() {
  const notice = state.data?.notice;
  if (!notice) return '';
  const [first, second] = lang() === 'ja' ? [notice.ja, notice.en] : [notice.en, notice.ja];
  return `<span>${format.escape(first)}</span> <span class="alert-notice-other">${format.escape(second)}</span>`;
}

function announce(current) {
  for (const alert of current) {
    if (state.announced.has(alert.id)) continue;
    state.announced.add(alert.id);
    const live = $('alert-announcer');
    if (live) live.textContent = t('alertNew', `${alert.headline || alert.event} — ${alert.instruction || ''}`);
  }
}

// Clears an alert at its expiry even if the next poll does not come (the gateway may be gone).
function scheduleExpiry(current) {
  clearTimeout(state.expiryTimer);
  const next = Math.min(...current.map((a) => Date.parse(a.expires)).filter((v) => !Number.isNaN(v)));
  if (!Number.isFinite(next)) return;
  state.expiryTimer = setTimeout(() => {
    update();
    for (const listener of state.listeners) listener(state.data);
    refresh();
  }, Math.max(250, Math.min(next - Date.now() + 50, 2 ** 31 - 1)));
}

function onTakeoverKey(event) {
  if (event.key === 'Escape') {
    event.preventDefault();
    minimise($('alert-takeover').dataset.alertId);
    return;
  }
  if (event.key !== 'Tab') return;
  // Keep the keyboard inside the dialog while it is open.
  const focusable = [...$('alert-takeover').querySelectorAll('button, a[href]')].filter((el) => !el.disabled);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function minimise(id) {
  if (!id) return;
  state.minimised.add(id);
  stopTone();
  update();
  $('alert-banner')?.querySelector(`[data-action="expand"]`)?.focus();
}

async function onClick(event) {
  const target = event.target.closest('button');
  if (!target) return;
  unlockAudio();
  if (target.classList.contains('alert-ack-button')) {
    const ack = await acknowledge(target);
    if (ack) stopTone();
    refresh();
  } else if (target.dataset.action === 'minimise') {
    minimise(target.dataset.alertId);
  } else if (target.dataset.action === 'expand') {
    state.minimised.delete(target.dataset.alertId);
    state.takeoverId = null;
    update();
  } else if (target.dataset.action === 'sound') {
    await enableSound();
  }
}

// ---- Sound ------------------------------------------------------------------------------------------
// Browsers start audio only after the person has touched the page. The tone plays when allowed; when it
// is not, a "tap to enable sound" button says so instead of pretending.

function soundMarkup() {
  if (state.sound !== 'blocked') return '';
  return `<p class="alert-sound"><button type="button" class="alert-sound-button" data-action="sound">${format.escape(t('alertSoundOn'))}</button>
    <span>${format.escape(t('alertSoundBlocked'))}</span></p>`;
}

function context() {
  if (state.audio) return state.audio;
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return null;
  try {
    state.audio = new Context();
  } catch {
    state.audio = null;
  }
  return state.audio;
}

function setSound(value) {
  if (state.sound === value) return;
  state.sound = value;
  const box = $('alert-takeover');
  if (box) box.dataset.sound = value;
  document.body.dataset.alertSound = value;
  // Show or hide the enable button without waiting for new data.
  if (state.running) {
    const current = currentAlerts();
    const full = current.filter((a) => a.takeover && !state.minimised.has(a.id));
    renderTakeover(full);
    renderBanner(current.filter((a) => !full.includes(a)), full.length > 0);
  }
}

async function canPlay() {
  const ctx = context();
  if (!ctx) return false;
  if (ctx.state === 'running') return true;
  try {
    // Without a gesture resume() stays pending or fails; do not wait for it forever.
    await Promise.race([ctx.resume(), new Promise((resolve) => { setTimeout(resolve, 300); })]);
  } catch { /* blocked */ }
  return ctx.state === 'running';
}

function unlockAudio() {
  const ctx = context();
  if (ctx && ctx.state !== 'running') ctx.resume().catch(() => {});
}

async function enableSound() {
  const ctx = context();
  if (!ctx) return;
  try { await ctx.resume(); } catch { /* still blocked */ }
  if (ctx.state === 'running') {
    setSound('playing');
    playTone();
  }
}

// Two alternating tones, three times: recognisable as an alarm, made here, nothing downloaded.
function playTone() {
  const ctx = context();
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime + 0.05;
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  gain.gain.setValueAtTime(0.0001, start);
  for (let i = 0; i < 6; i++) {
    const osc = ctx.createOscillator();
    osc.type = 'square';
    osc.frequency.value = i % 2 === 0 ? 880 : 660;
    osc.connect(gain);
    const at = start + i * 0.45;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
    osc.start(at);
    osc.stop(at + 0.42);
  }
}

function stopTone() {
  clearInterval(state.toneTimer);
  state.toneTimer = null;
}

async function sound(current) {
  const audible = current.filter((a) => a.audible);
  const fresh = audible.filter((a) => !state.sounded.has(a.id));
  const repeating = audible.some((a) => a.takeover && !state.minimised.has(a.id) && !a.acknowledgement);
  if (!repeating) stopTone();
  if (audible.length === 0) {
    setSound('off');
    return;
  }
  if (fresh.length === 0 && !repeating) return;
  for (const a of fresh) state.sounded.add(a.id);
  if (!(await canPlay())) {
    setSound('blocked');
    return;
  }
  setSound('playing');
  if (fresh.length > 0) playTone();
  if (repeating && !state.toneTimer) {
    // A full-screen alert keeps sounding until someone presses "I'm safe" or minimises it.
    state.toneTimer = setInterval(() => {
      const still = currentAlerts().some((a) => a.audible && a.takeover && !state.minimised.has(a.id) && !a.acknowledgement);
      if (still) playTone(); else stopTone();
    }, TONE_REPEAT_MS);
  }
}

onConnection((open) => { if (open) refresh(); });
onLanguage(() => {
  if (!state.running) return;
  state.signature = '';
  update();
  refresh();
});

export default { start, stop, refresh, onAlerts, currentAlerts, latest };
