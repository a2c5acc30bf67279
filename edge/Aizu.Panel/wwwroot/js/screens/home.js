// Home: live power readable from across the room, the last minutes as a line, and today so far.
import { getJson } from '../api.js';
import { subscribe } from '../live.js';
import { onLanguage, t } from '../i18n.js';
import * as format from '../format.js';
import { costMarkup, costStrings, refreshCost, renderCost } from './home-cost.js';
import strings from './strings/home.json' with { type: 'json' };

const POWER = 'elec.power';
const SPARK_WINDOW_MS = 5 * 60 * 1000;
const REFRESH_MS = 30 * 1000;
const state = { points: [], timer: null, today: null };
const $ = (id) => document.getElementById(id);

function render() {
  return `
    <div class="live" aria-live="polite">
      <h1 data-i18n="livePower"></h1>
      <p id="live-power" class="power">—</p>
      <p id="live-direction" class="direction" data-i18n="exporting" hidden></p>
      <canvas id="sparkline" role="img" data-i18n-aria="sparkline"></canvas>
      <p class="updated"><span data-i18n="updated"></span> <time id="live-updated" data-ts=""></time></p>
    </div>
    <div class="today card">
      <h2 data-i18n="today"></h2>
      <dl id="today-figures">
        <div><dt data-i18n="import"></dt><dd id="today-import">—</dd></div>
        <div id="today-export-row" hidden><dt data-i18n="export"></dt><dd id="today-export">—</dd></div>
        <div id="today-gas-row" hidden><dt data-i18n="gasToday"></dt><dd id="today-gas">—</dd></div>
        <div id="today-water-row" hidden><dt data-i18n="waterToday"></dt><dd id="today-water">—</dd></div>
      </dl>${costMarkup()}
    </div>`;
}

function onReading(reading) {
  if (reading.series !== POWER) return;
  const power = $('live-power');
  power.textContent = format.power(reading.value);
  power.classList.toggle('exporting', reading.value < 0);
  $('live-direction').hidden = !(reading.value < 0);
  const updated = $('live-updated');
  updated.textContent = format.time(reading.ts);
  updated.dataset.ts = reading.ts;
  updated.setAttribute('datetime', reading.ts);
  addPoint(Date.parse(reading.ts), reading.value);
}

function addPoint(t0, v) {
  if (Number.isNaN(t0) || state.points.some((p) => p.t === t0)) return;
  state.points.push({ t: t0, v });
  state.points.sort((a, b) => a.t - b.t);
  // Relative to the newest reading, not the browser's clock, which may differ from the gateway's.
  const newest = state.points[state.points.length - 1].t;
  state.points = state.points.filter((p) => p.t >= newest - SPARK_WINDOW_MS);
  draw();
}

function draw() {
  const canvas = $('sparkline');
  if (!canvas || canvas.offsetParent === null) return;
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
  const min = Math.min(0, ...points.map((p) => p.v));
  let max = Math.max(...points.map((p) => p.v));
  if (max - min < 100) max = min + 100;
  const pad = 4 * ratio;
  const x = (tt) => ((tt - oldest) / SPARK_WINDOW_MS) * (width - 2 * pad) + pad;
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

function renderToday() {
  const today = state.today;
  if (!today) return;
  $('today-import').textContent = format.kWh(today.importKWh);
  const exported = today.exportKWh != null && today.exportKWh > 0;
  $('today-export-row').hidden = !exported;
  if (exported) $('today-export').textContent = format.kWh(today.exportKWh);
  if (today.latestPowerW != null && state.points.length === 0 && $('live-power').textContent === '—') {
    $('live-power').textContent = format.power(today.latestPowerW);
  }
}

async function refreshToday() {
  try {
    state.today = await getJson('api/today');
    renderToday();
    renderGas();
    await refreshCost();
  } catch { /* keep the last numbers; the footer tells what is wrong */ }
}

// Seeds the line from the store so a new page does not start from a single dot.
async function loadRecent() {
  try {
    for (const reading of await getJson('api/live/recent')) addPoint(Date.parse(reading.ts), reading.value);
  } catch { /* the live stream fills it in */ }
}

function mount() {
  subscribe(onReading);
  window.addEventListener('resize', draw);
  onLanguage(renderToday);
  onLanguage(renderCost);
  loadRecent();
}

function show() {
  refreshToday();
  state.timer = setInterval(refreshToday, REFRESH_MS);
  requestAnimationFrame(draw);
}

function hide() { clearInterval(state.timer); }

for (const lang of Object.keys(costStrings)) Object.assign(strings[lang], costStrings[lang]);

// Gas and water (M-Bus meters behind a DSMR P1 port): a row each, only in homes that have them.
const gasStrings = {
  en: { gasToday: 'Gas', waterToday: 'Water' },
  ja: { gasToday: 'ガス', waterToday: '水道' },
};
for (const lang of Object.keys(gasStrings)) Object.assign(strings[lang], gasStrings[lang]);

function renderGas() {
  const today = state.today;
  if (!today) return;
  for (const [key, id] of [['gasM3', 'today-gas'], ['waterM3', 'today-water']]) {
    const value = today[key];
    $(`${id}-row`).hidden = value == null;
    if (value != null) $(id).textContent = `${format.number(value, 3)} m³`;
  }
}

export default { id: 'home', nav: 'navHome', access: 'viewer', strings, render, mount, show, hide };
