// The money part of the home screen's "today": cost so far, the day's forecast, this month, and how today
// compares with yesterday and the same weekday last week at the same time of day.
import { getJson } from '../api.js';
import { t } from '../i18n.js';
import * as format from '../format.js';

let last = null;
const $ = (id) => document.getElementById(id);

export const costStrings = {
  en: {
    costSoFar: 'Cost so far', forecast: 'Forecast for today', thisMonth: 'This month so far',
    vsYesterday: 'Yesterday by this time', vsLastWeek: 'Same day last week', costDetails: 'How this is worked out',
    line_basic: 'Basic charge (today\'s share)', line_fuel: 'Fuel-cost adjustment', line_renewable: 'Renewable energy surcharge',
    line_export: 'Paid for export', moreThan: '{0} more', lessThan: '{0} less', same: 'about the same',
    forecastProfile: 'following the shape of {0}', forecastLinear: 'at today\'s average rate so far', forecastSoFar: 'too early to tell',
    noTariff: 'Set a tariff in the configuration to see costs.',
  },
  ja: {
    costSoFar: '今日の電気代（現在まで）', forecast: '今日の予測', thisMonth: '今月（現在まで）',
    vsYesterday: '昨日の同時刻まで', vsLastWeek: '先週の同じ曜日', costDetails: '計算の内訳',
    line_basic: '基本料金（本日分）', line_fuel: '燃料費調整額', line_renewable: '再エネ賦課金',
    line_export: '売電収入', moreThan: '{0} 多い', lessThan: '{0} 少ない', same: 'ほぼ同じ',
    forecastProfile: '{0}の使い方をもとに予測', forecastLinear: '今日のこれまでの平均から予測', forecastSoFar: 'まだ予測できません',
    noTariff: '料金を表示するには設定で料金プランを指定してください。',
  },
};

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
