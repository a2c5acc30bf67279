// The analyst page: everything it shows comes from /api with the analyst's token; the release rules are applied
// by the server, the page only shows what was released and which rule withheld the rest.
import strings from './app-strings.json' with { type: 'json' };

let lang = (navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
try { lang = localStorage.getItem('aizu.analyst.lang') || lang; } catch { /* storage off */ }
let me = null;
let lastTable = null;
let lastQuery = null;
let lastPublished = null;

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => (strings[lang][key] ?? strings.en[key] ?? key).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
const number = (value, digits = 0) => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits }).format(value);
const token = () => { try { return sessionStorage.getItem('aizu.analyst.token') || ''; } catch { return ''; } };

function translate() {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  $('lang').textContent = lang === 'ja' ? 'English' : '日本語';
  if (lastTable) render(lastTable);
  if (lastPublished) renderPublished(lastPublished);
  if (me) budget();
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text() };
}

async function signIn() {
  try { sessionStorage.setItem('aizu.analyst.token', $('token').value.trim()); } catch { /* kept for this page only */ }
  const { status, body } = await api('/api/me');
  if (status !== 200) { $('signin-error').textContent = t('badToken'); $('signin-error').hidden = false; return; }
  me = body;
  $('signin').hidden = true;
  $('query').hidden = false;
  $('purpose').replaceChildren(...me.purposes.map((p) => new Option(p.purpose, p.purpose)));
  budget();
}

function query() {
  return new URLSearchParams({ purpose: $('purpose').value, level: $('level').value, period: $('period').value, from: $('from').value, to: $('to').value });
}

async function show() {
  lastQuery = query();
  // The columnar layout carries the same cells in under half the bytes (a year of days is 19 032 cells); the page
  // turns it back into cells. The CSV download asks for its own format.
  const { status, body } = await api(`/api/statistics?${lastQuery}&layout=columns`);
  $('refused').hidden = status === 200;
  if (status !== 200) {
    $('refused').textContent = t('refused', body.refused || body.error);
    $('result').hidden = true;
    $('csv').disabled = true;
    return;
  }

  lastTable = { ...body, cells: cellsOf(body) };
  $('csv').disabled = false;
  render(lastTable);
  budget();
}

// Cell i of the columnar layout is areas[cells.area[i]] over periods[cells.period[i]], each other field an array.
function cellsOf(body) {
  if (body.layout !== 'columns') return body.cells;
  const c = body.cells;
  return c.status.map((status, i) => ({
    area: body.areas[c.area[i]], period: body.periods[c.period[i]], status, rule: c.rule[i], energyWh: c.energyWh[i],
    meanWh: c.meanWh[i], households: c.households[i], consents: c.consents[i], provenance: c.provenance[i],
  }));
}

function areaName(area) { return area === '' ? t('all') : area; }

// The table's grid: a row per area, a column per period; fill(td, cell) writes one cell.
function grid(cells, fill) {
  const periods = [...new Set(cells.map((c) => c.period))];
  const areas = [...new Set(cells.map((c) => c.area))];
  const byKey = new Map(cells.map((c) => [`${c.area}|${c.period}`, c]));
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: t('area') }));
  for (const period of periods) head.append(Object.assign(document.createElement('th'), { textContent: period === 'total' ? t('total') : period }));
  const rows = areas.map((area) => {
    const row = document.createElement('tr');
    row.append(Object.assign(document.createElement('td'), { textContent: areaName(area) }));
    for (const period of periods) {
      const td = document.createElement('td');
      td.dataset.area = area;
      td.dataset.period = period;
      fill(td, byKey.get(`${area}|${period}`));
      row.append(td);
    }
    return row;
  });
  return { areas, byKey, rows: [head, ...rows] };
}

function render(table) {
  const rules = $('rules');
  rules.hidden = false;
  rules.textContent = t('rules', table.purpose, table.rules.minHouseholds, number(table.rules.maxShare * 100, 1), table.audit);
  const { areas, byKey, rows } = grid(table.cells, (td, cell) => {
    if (cell.status === 'released') {
      td.textContent = `${number(cell.energyWh / 1000, 1)} kWh`;
      td.append(Object.assign(document.createElement('small'), { textContent: t('households', cell.households) }));
      td.title = cell.provenance;
    } else {
      td.className = 'suppressed';
      td.dataset.rule = cell.rule;
      td.textContent = t('suppressedBy', t(cell.rule));
    }
  });
  $('table').replaceChildren(...rows);
  chart(areas.map((area) => byKey.get(`${area}|total`)));
  $('result').hidden = false;
}

// A plain SVG bar chart of each area's total; a withheld total is drawn as an empty dashed bar with its rule.
function chart(totals) {
  const svg = $('chart');
  const width = svg.clientWidth || 800;
  const height = 240;
  const max = Math.max(1, ...totals.filter((c) => c.status === 'released').map((c) => c.energyWh));
  const band = width / totals.length;
  const ns = 'http://www.w3.org/2000/svg';
  const title = svg.querySelector('title');
  title.textContent = t('chartTitle');
  svg.replaceChildren(title);
  totals.forEach((cell, i) => {
    const released = cell.status === 'released';
    const barHeight = released ? (cell.energyWh / max) * (height - 50) : height - 50;
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', String(i * band + band * 0.15));
    bar.setAttribute('width', String(band * 0.7));
    bar.setAttribute('y', String(height - 30 - barHeight));
    bar.setAttribute('height', String(barHeight));
    bar.setAttribute('class', released ? 'released' : 'suppressed');
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(i * band + band / 2));
    label.setAttribute('y', String(height - 12));
    label.setAttribute('text-anchor', 'middle');
    label.textContent = areaName(cell.area);
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', String(i * band + band / 2));
    value.setAttribute('y', String(height - 34 - barHeight));
    value.setAttribute('text-anchor', 'middle');
    value.textContent = released ? `${number(cell.energyWh / 1000)} kWh` : t(cell.rule);
    svg.append(bar, label, value);
  });
}

const series = () => `${$('period').value}-level${$('level').value}`;

async function budget() {
  if (!me || me.purposes.length === 0) return;
  const purpose = me.purposes.find((p) => p.purpose === $('purpose').value) || me.purposes[0];
  const { status, body } = await api(`/api/budget?${new URLSearchParams({ purpose: purpose.purpose, series: series() })}`);
  if (status !== 200) return;
  $('budget').hidden = false;
  $('budget-text').textContent = t('budget', series(), number(body.remaining, 4), number(body.total, 4), number(body.clipWh));
}

// The published (differentially private) table: the server clips, adds discrete Laplace noise and charges the series.
async function publish() {
  const ask = query();
  ask.set('epsilon', $('epsilon').value);
  ask.set('series', series());
  const { status, body } = await api(`/api/published?${ask}`);
  $('published-refused').hidden = status === 200;
  if (status !== 200) {
    $('published-refused').textContent = t('refused', body.refused || body.error);
  } else {
    lastPublished = body;
    renderPublished(body);
  }

  budget();
}

function renderPublished(table) {
  $('published-text').hidden = false;
  $('published-text').textContent = t('published', number(table.epsilon, 4), table.delta, number(table.clipWh), number(table.energyNoiseScale), number(table.budget.remaining, 4), table.audit);
  const { rows } = grid(table.cells, (td, cell) => {
    td.className = 'noisy';
    td.textContent = `${number(cell.energyWh / 1000, 1)} kWh`;
    td.append(Object.assign(document.createElement('small'), { textContent: t('noisy', number(cell.households)) }));
  });
  $('published').replaceChildren(...rows);
}

async function csv() {
  if (!lastQuery) return;
  const { status, body } = await api(`/api/statistics?${lastQuery}&format=csv`);
  if (status !== 200) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type: 'text/csv' }));
  link.download = `aizu-${lastQuery.get('purpose')}-${lastQuery.get('period')}-${lastQuery.get('from')}.csv`;
  link.id = 'csv-link';
  document.body.append(link);
  link.click();
}

$('signin-button').addEventListener('click', signIn);
$('show').addEventListener('click', show);
$('csv').addEventListener('click', csv);
$('publish').addEventListener('click', publish);
$('purpose').addEventListener('change', budget);
$('level').addEventListener('change', budget);
$('period').addEventListener('change', budget);
$('lang').addEventListener('click', () => {
  lang = lang === 'ja' ? 'en' : 'ja';
  try { localStorage.setItem('aizu.analyst.lang', lang); } catch { /* not remembered */ }
  translate();
});
translate();
