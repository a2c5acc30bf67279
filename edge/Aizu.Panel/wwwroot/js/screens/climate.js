// Indoor climate: per room the latest temperature, humidity and CO2 with comfort bands, a small line of
// the last 24 hours for each, and a hint to open a window when the air is stale.
import { getJson } from '../api.js';
import { subscribe } from '../live.js';
import { onLanguage, t } from '../i18n.js';
import * as format from '../format.js';
import strings from './strings/climate.json' with { type: 'json' };

const REFRESH_MS = 60 * 1000;
const QUANTITIES = [
  { key: 'temperature', unit: '°C', digits: 1 },
  { key: 'humidity', unit: '%', digits: 0 },
  { key: 'co2', unit: 'ppm', digits: 0 },
  { key: 'pressure', unit: 'hPa', digits: 0 },
];
const ROOM_NAMES = ['living', 'bedroom', 'hallway', 'kitchen', 'kids', 'study', 'office', 'dining', 'bathroom', 'attic', 'basement'];
const state = { data: null, timer: null, charts: [], visible: false, live: new Map(), loading: null };
const $ = (id) => document.getElementById(id);

function roomName(room) {
  return ROOM_NAMES.includes(room) ? t(`room.${room}`) : room;
}

function render() {
  return `
    <h1 data-i18n="climateTitle"></h1>
    <p id="climate-hint" class="climate-hint" role="status" aria-live="polite" hidden></p>
    <p id="climate-empty" hidden data-i18n="climateEmpty"></p>
    <div id="climate-rooms" class="climate-rooms"></div>
    <p id="climate-bands" class="muted"></p>`;
}

function valueText(q, value) {
  return `${format.number(value, q.digits)} ${q.unit}`;
}

function level(bands, key, value) {
  if (!bands) return null;
  if (key === 'temperature') return value < bands.temperatureMin ? 'cold' : value > bands.temperatureMax ? 'hot' : 'ok';
  if (key === 'humidity') return value < bands.humidityMin ? 'dry' : value > bands.humidityMax ? 'humid' : 'ok';
  if (key === 'co2') return value < bands.co2Good ? 'good' : value <= bands.co2Poor ? 'ventilate' : 'poor';
  return null;
}

function roomCard(room) {
  const rows = QUANTITIES.filter((q) => room[q.key]).map((q) => {
    const id = `climate-${room.room}-${q.key}`;
    return `
      <div class="climate-quantity" data-quantity="${q.key}">
        <dt>${format.escape(t(q.key))}</dt>
        <dd><span id="${format.escape(id)}" class="climate-value">—</span>
          <span id="${format.escape(id)}-level" class="climate-level"></span></dd>
        <div id="${format.escape(id)}-line" class="climate-line" role="img"></div>
      </div>`;
  }).join('');
  return `<article class="card climate-room" data-room="${format.escape(room.room)}">
      <h2>${format.escape(roomName(room.room))}</h2>
      <dl>${rows}</dl>
    </article>`;
}

function showValue(roomId, q, quantity) {
  const id = `climate-${roomId}-${q.key}`;
  const value = $(id);
  const badge = $(`${id}-level`);
  if (!value || !badge) return;
  const live = state.live.get(`indoor.${roomId}.${q.key}`);
  const current = live && Date.parse(live.ts) >= Date.parse(quantity.at) ? live.value : quantity.value;
  const at = live && Date.parse(live.ts) >= Date.parse(quantity.at) ? live.ts : quantity.at;
  value.textContent = valueText(q, current);
  value.title = t('measuredAt', format.dateTime(at, state.data?.timeZone));
  const stale = quantity.stale && !(live && Date.parse(live.ts) > Date.parse(quantity.at));
  const lvl = stale ? 'stale' : level(state.data?.bands, q.key, current);
  badge.textContent = lvl ? (lvl === 'stale' ? t('stale') : t(`level.${lvl}`)) : '';
  badge.dataset.level = lvl || '';
}

function drawLine(host, q, quantity, room) {
  if (typeof uPlot === 'undefined' || !host || quantity.times.length === 0) return;
  const styles = getComputedStyle(document.documentElement);
  const color = styles.getPropertyValue(q.key === 'co2' ? '--accent' : q.key === 'humidity' ? '--export' : '--fg').trim();
  const width = Math.max(160, host.clientWidth || 240);
  host.setAttribute('aria-label', t('lineOf', t(q.key), roomName(room)));
  const chart = new uPlot({
    width,
    height: 56,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), state.data.timeZone),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false },
    scales: { x: { time: true } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: color, width: 2, points: { show: quantity.times.length < 3 }, spanGaps: false }],
  }, [quantity.times, quantity.values], host);
  state.charts.push(chart);
}

function hint() {
  const el = $('climate-hint');
  const rooms = state.data?.rooms || [];
  let worst = null;
  for (const room of rooms) {
    if (!room.co2 || room.co2.stale) continue;
    const live = state.live.get(`indoor.${room.room}.co2`);
    const ppm = live && Date.parse(live.ts) >= Date.parse(room.co2.at) ? live.value : room.co2.value;
    if (!worst || ppm > worst.ppm) worst = { room: room.room, ppm };
  }
  if (!worst) {
    el.hidden = true;
    return;
  }
  const lvl = level(state.data.bands, 'co2', worst.ppm);
  el.hidden = false;
  el.dataset.level = lvl;
  const ppm = format.number(worst.ppm, 0);
  el.textContent = lvl === 'poor' ? t('ventilateNowHint', roomName(worst.room), ppm)
    : lvl === 'ventilate' ? t('ventilateHint', roomName(worst.room), ppm) : t('airGood');
}

function renderAll() {
  const data = state.data;
  if (!data) return;
  for (const chart of state.charts) chart.destroy();
  state.charts = [];
  $('climate-empty').hidden = data.rooms.length > 0;
  $('climate-rooms').innerHTML = data.rooms.map(roomCard).join('');
  for (const room of data.rooms) {
    for (const q of QUANTITIES) {
      const quantity = room[q.key];
      if (!quantity) continue;
      showValue(room.room, q, quantity);
      drawLine($(`climate-${room.room}-${q.key}-line`), q, quantity, room.room);
    }
  }
  const b = data.bands;
  $('climate-bands').textContent = t('bandsNote', b.temperatureMin, b.temperatureMax, b.humidityMin, b.humidityMax, b.co2Good);
  hint();
}

function onReading(reading) {
  if (!reading.series.startsWith('indoor.')) return;
  state.live.set(reading.series, reading);
  if (!state.visible || !state.data) return;
  const [, room, key] = reading.series.split('.');
  const q = QUANTITIES.find((x) => x.key === key);
  const quantity = state.data.rooms.find((r) => r.room === room)?.[key];
  if (!q || !quantity) {
    // A room or sensor that was not there at the last load: fetch the overview again.
    load();
    return;
  }
  showValue(room, q, quantity);
  if (key === 'co2') hint();
}

function load() {
  state.loading ??= (async () => {
    try {
      state.data = await getJson('api/climate?hours=24');
      renderAll();
    } catch (error) {
      $('climate-empty').hidden = false;
      $('climate-empty').textContent = error.message;
    } finally {
      state.loading = null;
    }
  })();
  return state.loading;
}

let resizeTimer = null;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => state.visible && renderAll(), 200);
}

function mount() {
  subscribe(onReading);
  window.addEventListener('resize', onResize);
  onLanguage(() => state.visible && renderAll());
}

async function show() {
  state.visible = true;
  clearInterval(state.timer);
  state.timer = setInterval(load, REFRESH_MS);
  await load();
}

function hide() {
  state.visible = false;
  clearInterval(state.timer);
}

export default { id: 'climate', nav: 'navClimate', access: 'viewer', strings, render, mount, show, hide };
