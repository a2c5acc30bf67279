// The footer: is the meter talking, is the clock trusted, is the store writing.
import { getJson } from './api.js';
import { connect, onConnection, subscribe } from './live.js';
import { addStrings, onLanguage, t } from './i18n.js';
import * as format from './format.js';
import strings from './strings/status.json' with { type: 'json' };

const REFRESH_MS = 30 * 1000;
const $ = (id) => document.getElementById(id);
const state = { linkUp: null, reconnecting: false, lastReadingAt: null, storeProblem: null, started: false, storage: null };

function render() {
  const link = $('link-status');
  if (state.reconnecting) {
    link.dataset.state = 'unknown';
    link.textContent = t('reconnecting');
  } else if (state.linkUp !== null) {
    link.dataset.state = state.linkUp ? 'up' : 'down';
    link.textContent = state.linkUp ? t('linkUp') : t('linkDown');
  }
  if (state.lastReadingAt) {
    $('last-reading').textContent = format.time(state.lastReadingAt);
    $('last-reading').setAttribute('datetime', state.lastReadingAt);
  }
  const problem = $('store-problem');
  problem.hidden = !state.storeProblem;
  problem.textContent = state.storeProblem ? t('storeProblem') + state.storeProblem : '';
  renderStorageBanner();
}

async function refresh() {
  try {
    const status = await getJson('api/status');
    state.linkUp = status.meterLinkUp;
    state.reconnecting = false;
    if (status.lastReadingAt) state.lastReadingAt = status.lastReadingAt;
    state.storeProblem = status.storeProblem;
    state.storage = status.storage || null;
    $('clock-status').hidden = !(status.rejectedClock > 0 && !status.meterLinkUp);
  } catch {
    state.reconnecting = true;
  }
  render();
}

function start() {
  if (state.started) return;
  state.started = true;
  connect();
  subscribe((reading) => {
    state.lastReadingAt = reading.ts;
    state.linkUp = true;
    state.reconnecting = false;
    render();
  });
  onConnection((open) => { state.reconnecting = !open; render(); });
  onLanguage(render);
  refresh();
  setInterval(refresh, REFRESH_MS);
}

// The store's disk budget: a banner under the header while raw data had to be dropped for space,
// a damaged block was set aside, or the disk is below its free-space floor. Removed again when all is well.
addStrings(strings);

function renderStorageBanner() {
  const storage = state.storage;
  let banner = $('storage-banner');
  if (!storage || storage.state === 'ok') {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'storage-banner';
    banner.className = 'storage-banner';
    banner.setAttribute('role', 'status');
    $('banner-area').append(banner);
  }
  banner.dataset.state = storage.state;
  const parts = [storage.state === 'critical' ? t('storageCritical') : t('storageDegraded')];
  if (storage.rawChunksDroppedForSpace > 0) parts.push(t('storageDropped'));
  if (storage.problem) parts.push(storage.problem);
  banner.replaceChildren();
  const text = document.createElement('span');
  text.textContent = parts.join(' ');
  const link = document.createElement('a');
  link.href = '#/settings';
  link.textContent = t('storageSettings');
  banner.append(text, ' ', link);
}

export default { start };
