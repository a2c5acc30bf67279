// The money part of the home screen's "today": cost so far, the day's forecast, this month, and how today
// compares with yesterday and the same weekday last week at the same time of day.
import { getJson } from '../api.js';
import { t } from '../i18n.js';
import * as format from '../format.js';
import costStrings from './strings/home-cost.json' with { type: 'json' };

let last = null;
const $ = (id) => document.getElementById(id);

export { costStrings };

export function costMarkup() {
  return `
      <div id="today-cost" class="cost" hidden>
        <dl>
          <div><dt data-i18n="costSoFar"></dt><dd id="today-cost-value">—</dd></div>
          <div><dt data-i18n="forecast"></dt><dd id="today-forecast">—</dd><dd id="today-forecast-method" class="muted"></dd></div>
          <div><dt data-i18n="thisMonth"></dt><dd id="month-cost">—</dd></div>
        </dl>
        <details><summary data-i18n="costDetails"></summary><table id="today-cost-lines" class="data"></table></details>
      </div>
      <ul id="today-compare" class="compare">
        <li><span data-i18n="vsYesterday"></span>: <strong id="today-vs-yesterday">—</strong></li>
        <li><span data-i18n="vsLastWeek"></span>: <strong id="today-vs-week">—</strong></li>
      </ul>`;
}

function difference(today, other) {
  if (other == null) return '—';
  const delta = Number(today) - Number(other);
  if (Math.abs(delta) < 0.05) return `${format.kWh(other)} (${t('same')})`;
  return `${format.kWh(other)} (${t(delta > 0 ? 'moreThan' : 'lessThan', format.kWh(Math.abs(delta)))})`;
}

function lineName(line) {
  return line.kind === 'energy' ? (line.name === 'energy' ? t('import') : line.name) : t(`line_${line.kind}`);
}

export function renderCost() {
  const cost = last;
  if (!cost || !$('today-cost')) return;
  const compare = cost.comparison;
  $('today-vs-yesterday').textContent = difference(compare.todayKWh, compare.yesterdayKWh);
  $('today-vs-week').textContent = difference(compare.todayKWh, compare.sameWeekdayLastWeekKWh);
  $('today-cost').hidden = !cost.configured;
  if (!cost.configured) return;
  const money = (amount) => format.money(amount, cost.currency);
  $('today-cost-value').textContent = money(cost.today.net);
  $('today-cost-value').dataset.amount = String(cost.today.net);
  $('today-forecast').textContent = `${money(cost.forecast.net)} · ${format.kWh(cost.forecast.importKWh, 1)}`;
  $('month-cost').textContent = money(cost.month.net);
  const method = cost.forecast.method;
  $('today-forecast-method').textContent = method === 'Profile'
    ? t('forecastProfile', new Date(`${cost.forecast.reference}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' }))
    : t(method === 'Linear' ? 'forecastLinear' : 'forecastSoFar');
  $('today-cost-lines').innerHTML = cost.today.lines.map((line) => `<tr><td>${format.escape(lineName(line))}</td>`
    + `<td>${line.kWh == null ? '' : format.kWh(line.kWh, 3)}</td>`
    + `<td>${line.pricePerKWh == null ? '' : format.escape(`${format.number(line.pricePerKWh, 2)} ${cost.currency}/kWh`)}</td>`
    + `<td>${format.escape(format.money(line.amount, cost.currency === 'JPY' ? 'JPY' : cost.currency))}</td></tr>`).join('');
}

export async function refreshCost() {
  try {
    last = await getJson('api/today/cost');
    renderCost();
  } catch { /* keep the last figures; the footer tells what is wrong */ }
}
