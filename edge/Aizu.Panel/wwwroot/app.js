// Aizu local panel: live power over server-sent events, today's energy and the meter link.
// No framework and nothing fetched from outside the gateway: it runs on a home LAN without internet.
'use strict';

(() => {
  const POWER = 'elec.power';
  const SPARK_WINDOW_MS = 5 * 60 * 1000;
  const REFRESH_MS = 30 * 1000;

  const strings = {
    en: {
      livePower: 'Live power', exporting: 'Exporting', updated: 'Updated', today: 'Today',
      import: 'Bought from the grid', export: 'Sold to the grid', lastReading: 'Last reading',
      linkUp: 'Meter link up', linkDown: 'Meter link down', reconnecting: 'Reconnecting…',
      storeProblem: 'Storage problem: ', sparkline: 'Power over the last 5 minutes', toggle: '日本語',
    },
    ja: {
      livePower: '現在の電力', exporting: '売電中', updated: '更新', today: '今日',
      import: '買電量', export: '売電量', lastReading: '最終受信',
      linkUp: 'メーター接続中', linkDown: 'メーターと通信できません', reconnecting: '再接続中…',
      storeProblem: '記録エラー: ', sparkline: '直近5分間の電力', toggle: 'English',
    },
  };

  const $ = (id) => document.getElementById(id);
  const state = { lang: 'en', linkUp: null, lastReadingAt: null, points: [] };

  // Japanese when the browser ranks it above English; the toggle's choice wins after that.
  function preferredLanguage() {
    try {
      const saved = localStorage.getItem('aizu.lang');
      if (saved in strings) return saved;
    } catch { /* storage disabled: fall through */ }
    for (const tag of navigator.languages || [navigator.language || 'en']) {
      const primary = String(tag).toLowerCase().split('-')[0];
      if (primary === 'ja' || primary === 'en') return primary;
    }
    return 'en';
  }

  function applyLanguage(lang) {
    state.lang = lang;
    const t = strings[lang];
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) {
      el.textContent = t[el.dataset.i18n];
    }
    $('lang-toggle').textContent = t.toggle;
    $('sparkline').setAttribute('aria-label', t.sparkline);
    renderLink();
    renderLastReading();
  }

  function formatPower(watts) {
    const abs = Math.abs(watts);
    if (abs < 1000) return `${Math.round(watts)} W`;
    return `${(watts / 1000).toFixed(abs < 10000 ? 2 : 1)} kW`;
  }

  const formatKWh = (kWh) => `${kWh.toFixed(2)} kWh`;

  function formatTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '—' : date.toLocaleTimeString(state.lang === 'ja' ? 'ja-JP' : 'en-GB');
  }

  function onReading(event) {
    const reading = JSON.parse(event.data);
    if (reading.series !== POWER) return;

    const power = $('live-power');
    power.textContent = formatPower(reading.value);
    power.classList.toggle('exporting', reading.value < 0);
    $('live-direction').hidden = !(reading.value < 0);

    const updated = $('live-updated');
    updated.textContent = reading.ts;
    updated.dataset.ts = reading.ts;
    updated.setAttribute('datetime', reading.ts);

    state.lastReadingAt = reading.ts;
    state.linkUp = true;
    renderLink();
    renderLastReading();
    addPoint(Date.parse(reading.ts), reading.value);
  }

  function addPoint(t, v) {
    if (Number.isNaN(t) || state.points.some((p) => p.t === t)) return;
    state.points.push({ t, v });
    state.points.sort((a, b) => a.t - b.t);
    // Relative to the newest reading, not the browser's clock, which may differ from the gateway's.
    const newest = state.points[state.points.length - 1].t;
    state.points = state.points.filter((p) => p.t >= newest - SPARK_WINDOW_MS);
    drawSparkline();
  }

  function drawSparkline() {
    const canvas = $('sparkline');
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, width, height);
    const points = state.points;
    if (points.length < 2) return;

    const newest = points[points.length - 1].t;
    const oldest = newest - SPARK_WINDOW_MS;
    let min = Math.min(0, ...points.map((p) => p.v));
    let max = Math.max(...points.map((p) => p.v));
    if (max - min < 100) max = min + 100;
    const pad = 4 * ratio;
    const x = (t) => ((t - oldest) / SPARK_WINDOW_MS) * (width - 2 * pad) + pad;
    const y = (v) => height - pad - ((v - min) / (max - min)) * (height - 2 * pad);

    const styles = getComputedStyle(document.documentElement);
    if (min < 0) {
      ctx.strokeStyle = styles.getPropertyValue('--muted');
      ctx.lineWidth = ratio;
      ctx.beginPath();
      ctx.moveTo(pad, y(0));
      ctx.lineTo(width - pad, y(0));
      ctx.stroke();
    }

    ctx.strokeStyle = styles.getPropertyValue('--accent');
    ctx.lineWidth = 2.5 * ratio;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    points.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.t), y(p.v)) : ctx.lineTo(x(p.t), y(p.v))));
    ctx.stroke();
  }

  function renderLink(reconnecting) {
    const el = $('link-status');
    const t = strings[state.lang];
    if (reconnecting) {
      el.dataset.state = 'unknown';
      el.textContent = t.reconnecting;
    } else if (state.linkUp !== null) {
      el.dataset.state = state.linkUp ? 'up' : 'down';
      el.textContent = state.linkUp ? t.linkUp : t.linkDown;
    }
  }

  function renderLastReading() {
    const el = $('last-reading');
    if (!state.lastReadingAt) return;
    el.textContent = formatTime(state.lastReadingAt);
    el.setAttribute('datetime', state.lastReadingAt);
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  async function refreshToday() {
    try {
      const today = await getJson('api/today');
      $('today-import').textContent = today.importKWh == null ? '—' : formatKWh(today.importKWh);
      const exported = today.exportKWh != null && today.exportKWh > 0;
      $('today-export-row').hidden = !exported;
      if (exported) $('today-export').textContent = formatKWh(today.exportKWh);
      if (today.latestPowerW != null && state.points.length === 0 && $('live-power').textContent === '—') {
        $('live-power').textContent = formatPower(today.latestPowerW);
      }
    } catch { /* keep the last numbers; the status line tells what is wrong */ }
  }

  // Seeds the sparkline from the store so a new page does not start from a single dot.
  async function loadRecent() {
    try {
      for (const reading of await getJson('api/live/recent')) addPoint(Date.parse(reading.ts), reading.value);
    } catch { /* the live stream fills it in */ }
  }

  async function refreshStatus() {
    try {
      const status = await getJson('api/status');
      state.linkUp = status.meterLinkUp;
      if (status.lastReadingAt) state.lastReadingAt = status.lastReadingAt;
      const problem = $('store-problem');
      problem.hidden = !status.storeProblem;
      problem.textContent = status.storeProblem ? strings[state.lang].storeProblem + status.storeProblem : '';
      renderLink();
      renderLastReading();
    } catch {
      renderLink(true);
    }
  }

  function connect() {
    // EventSource reconnects by itself after a gateway restart or a Wi-Fi hiccup.
    const source = new EventSource('api/live');
    source.addEventListener('reading', onReading);
    source.addEventListener('error', () => renderLink(true));
    source.addEventListener('open', () => renderLink());
  }

  $('lang-toggle').addEventListener('click', () => {
    const next = state.lang === 'ja' ? 'en' : 'ja';
    try { localStorage.setItem('aizu.lang', next); } catch { /* not remembered then */ }
    applyLanguage(next);
  });
  window.addEventListener('resize', drawSparkline);

  applyLanguage(preferredLanguage());
  connect();
  loadRecent();
  refreshToday();
  refreshStatus();
  setInterval(refreshToday, REFRESH_MS);
  setInterval(refreshStatus, REFRESH_MS);
})();
