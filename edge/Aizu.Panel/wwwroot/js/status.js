// The footer: is the meter talking, is the clock trusted, is the store writing.
import { getJson } from './api.js';
import { connect, onConnection, subscribe } from './live.js';
import { onLanguage, t } from './i18n.js';
import * as format from './format.js';

const REFRESH_MS = 30 * 1000;
const $ = (id) => document.getElementById(id);
const state = { linkUp: null, reconnecting: false, lastReadingAt: null, storeProblem: null, started: false };

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
}

async function refresh() {
  try {
    const status = await getJson('api/status');
    state.linkUp = status.meterLinkUp;
    state.reconnecting = false;
    if (status.lastReadingAt) state.lastReadingAt = status.lastReadingAt;
    state.storeProblem = status.storeProblem;
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

export default { start };
