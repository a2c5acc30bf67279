// History: day, week, month and year of energy bought (up) and sold (down), with previous/next.
import { getJson } from '../api.js';
import { onLanguage, t, locale } from '../i18n.js';
import * as format from '../format.js';
import strings from './strings/history.json' with { type: 'json' };

const SPANS = ['day', 'week', 'month', 'year'];
const state = { span: 'day', date: null, page: null, chart: null };
const $ = (id) => document.getElementById(id);

function render() {
  const spans = SPANS.map((s) => `<button type="button" class="span" data-span="${s}" data-i18n="${s}"></button>`).join('');
  return `
    <h1 data-i18n="navHistory"></h1>
    <div class="history-controls">
      <div class="segmented" role="group" id="history-spans">${spans}</div>
      <div class="pager">
        <button type="button" id="history-prev" data-i18n="previous"></button>
        <span id="history-label" aria-live="polite"></span>
        <button type="button" id="history-next" data-i18n="next"></button>
      </div>
    </div>
    <p class="totals"><span data-i18n="bought"></span> <strong id="history-import">—</strong>
      <span data-i18n="sold"></span> <strong id="history-export">—</strong></p>
    <div id="history-chart" class="chart" role="img" data-i18n-aria="historyChart"></div>
    <p id="history-empty" hidden data-i18n="noData"></p>
    <div id="history-periods-box" hidden>
      <h2 data-i18n="byPeriod"></h2>
      <table id="history-periods" class="data"></table>
    </div>
    <details><summary data-i18n="total"></summary><table id="history-table" class="data"></table></details>`;
}

function label(page) {
  const date = new Date(`${page.date}T12:00:00Z`);
  const opts = { day: { dateStyle: 'full' }, week: { dateStyle: 'medium' }, month: { year: 'numeric', month: 'long' }, year: { year: 'numeric' } }[page.span.toLowerCase()];
  const text = date.toLocaleDateString(locale(), { ...opts, timeZone: 'UTC' });
  return page.span.toLowerCase() === 'week' ? `${text} –` : text;
}

function bucketLabel(iso, span, zone) {
  const d = new Date(iso);
  const options = span === 'day' ? { hour: '2-digit', minute: '2-digit' }
    : span === 'year' ? { month: 'short' } : { month: 'short', day: 'numeric', weekday: span === 'week' ? 'short' : undefined };
  return d.toLocaleString(locale(), { ...options, timeZone: zone });
}

function draw() {
  const page = state.page;
  const host = $('history-chart');
  if (!page || !host || typeof uPlot === 'undefined') return;
  const span = page.span.toLowerCase();
  const xs = page.buckets.map((b) => Date.parse(b.start) / 1000);
  const bought = page.buckets.map((b) => b.importKWh);
  const sold = page.buckets.map((b) => (b.exportKWh == null ? null : -b.exportKWh));
  const styles = getComputedStyle(document.documentElement);
  const width = Math.max(240, host.clientWidth);
  const bars = uPlot.paths.bars({ size: [0.7, 60], align: 1 });
  const opts = {
    width,
    height: Math.round(Math.min(360, Math.max(200, width * 0.45))),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), page.timeZone),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      { stroke: styles.getPropertyValue('--muted'), values: (u, splits) => splits.map((s) => bucketLabel(s * 1000, span, page.timeZone)) },
      { stroke: styles.getPropertyValue('--muted'), label: 'kWh', size: 50 },
    ],
    series: [
      {},
      { label: t('bought'), fill: styles.getPropertyValue('--accent'), stroke: styles.getPropertyValue('--accent'), paths: bars, points: { show: false } },
      { label: t('sold'), fill: styles.getPropertyValue('--export'), stroke: styles.getPropertyValue('--export'), paths: bars, points: { show: false } },
    ],
  };
  state.chart?.destroy();
  state.chart = new uPlot(opts, [xs, bought, sold], host);
}

function renderPage() {
  const page = state.page;
  if (!page) return;
  const span = page.span.toLowerCase();
  $('history-label').textContent = label(page);
  $('history-label').dataset.date = page.date;
  $('history-next').disabled = page.next == null;
  $('history-import').textContent = format.kWh(page.importKWh);
  $('history-export').textContent = format.kWh(page.exportKWh);
  $('history-empty').hidden = page.importKWh != null || page.exportKWh != null;
  for (const button of document.querySelectorAll('#history-spans .span')) {
    button.setAttribute('aria-pressed', String(button.dataset.span === span));
  }
  const rows = page.buckets.map((b) => `<tr><td>${format.escape(bucketLabel(b.start, span, page.timeZone))}</td><td>${format.kWh(b.importKWh, 3)}</td><td>${format.kWh(b.exportKWh, 3)}</td></tr>`);
  $('history-table').innerHTML = `<thead><tr><th>${format.escape(t('when'))}</th><th>${format.escape(t('bought'))}</th><th>${format.escape(t('sold'))}</th></tr></thead><tbody>${rows.join('')}</tbody>`;
  renderPeriods(page);
  draw();
}

function renderPeriods(page) {
  const box = $('history-periods-box');
  box.hidden = !page.periods;
  if (!page.periods) return;
  const money = (amount) => format.money(amount, page.currency);
  const rows = page.periods.map((p) => `<tr><td>${format.escape(p.name)}</td><td>${format.kWh(p.kWh, 2)}</td>`
    + `<td>${p.pricePerKWh == null ? format.escape(t('variesByDay')) : format.escape(`${format.number(p.pricePerKWh, 2)} ${page.currency}/kWh`)}</td><td>${format.escape(money(p.amount))}</td></tr>`);
  $('history-periods').innerHTML = `<thead><tr><th>${format.escape(t('tariffPeriod'))}</th><th>kWh</th><th>${format.escape(t('price'))}</th>`
    + `<th>${format.escape(t('charge'))}</th></tr></thead><tbody>${rows.join('')}</tbody>`;
}

async function load() {
  const query = new URLSearchParams({ span: state.span });
  if (state.date) query.set('date', state.date);
  try {
    state.page = await getJson(`api/history?${query}`);
    state.date = state.page.date;
    renderPage();
  } catch (error) {
    $('history-label').textContent = error.message;
  }
}

function go(span, date) {
  const query = new URLSearchParams({ span });
  if (date) query.set('date', date);
  location.hash = `#/history?${query}`;
}

function mount() {
  for (const button of document.querySelectorAll('#history-spans .span')) {
    button.addEventListener('click', () => go(button.dataset.span, state.date));
  }
  $('history-prev').addEventListener('click', () => state.page && go(state.span, state.page.previous));
  $('history-next').addEventListener('click', () => state.page?.next && go(state.span, state.page.next));
  window.addEventListener('resize', draw);
  onLanguage(renderPage);
}

async function show(params) {
  state.span = SPANS.includes(params.get('span')) ? params.get('span') : state.span;
  state.date = params.get('date') || state.date;
  await load();
}

export default { id: 'history', nav: 'navHistory', access: 'viewer', strings, render, mount, show };
