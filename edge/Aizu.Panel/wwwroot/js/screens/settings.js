// Settings: the tariff in plain words, language, how long data is kept and the store's health, the
// InfluxDB mirror, whether each indoor sensor answers, downloading the data, changing the password and erasing the readings.
import { getJson, send } from '../api.js';
import { lang, onLanguage, setLanguage, t, locale } from '../i18n.js';
import * as format from '../format.js';
import strings from './strings/settings.json' with { type: 'json' };

const state = { data: null, sensors: [], visible: false, exportEdited: false };
const $ = (id) => document.getElementById(id);
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function render() {
  const resolutions = ['day', 'hour', 'quarter-hour', 'minute', 'raw']
    .map((r) => `<option value="${r}" data-i18n="resolution.${r}"></option>`).join('');
  return `
    <h1 data-i18n="settingsTitle"></h1>
    <section class="card settings-section" aria-labelledby="settings-tariff-title">
      <h2 id="settings-tariff-title" data-i18n="tariffTitle"></h2>
      <div id="settings-tariff"></div>
      <p id="settings-tariff-edit" class="muted settings-note"></p>
    </section>
    <section class="card settings-section" aria-labelledby="settings-lang-title">
      <h2 id="settings-lang-title" data-i18n="languageTitle"></h2>
      <div class="segmented" role="group" aria-labelledby="settings-lang-title">
        <button type="button" id="settings-lang-en" lang="en" data-lang="en">English</button>
        <button type="button" id="settings-lang-ja" lang="ja" data-lang="ja">日本語</button>
      </div>
      <p class="muted settings-note" data-i18n="languageNote"></p>
    </section>
    <section class="card settings-section" aria-labelledby="settings-storage-title">
      <h2 id="settings-storage-title" data-i18n="storageTitle"></h2>
      <dl id="settings-storage" class="settings-facts"></dl>
      <ul id="settings-storage-problems" class="settings-problems"></ul>
    </section>
    <section class="card settings-section" aria-labelledby="settings-influx-title">
      <h2 id="settings-influx-title" data-i18n="influxTitle"></h2>
      <dl id="settings-influx" class="settings-facts"></dl>
    </section>
    <section id="settings-sensors-section" class="card settings-section" aria-labelledby="settings-sensors-title" hidden>
      <h2 id="settings-sensors-title" data-i18n="sensorsTitle"></h2>
      <dl id="settings-sensors" class="settings-facts"></dl>
    </section>
    <section class="card settings-section" aria-labelledby="settings-export-title">
      <h2 id="settings-export-title" data-i18n="exportTitle"></h2>
      <p data-i18n="exportIntro"></p>
      <form id="export-form" class="settings-form">
        <label><span data-i18n="exportFrom"></span> <input id="export-from" type="date" required></label>
        <label><span data-i18n="exportTo"></span> <input id="export-to" type="date" required></label>
        <label><span data-i18n="exportResolution"></span> <select id="export-resolution">${resolutions}</select></label>
        <label><span data-i18n="exportFormat"></span> <select id="export-format"><option value="csv">CSV</option><option value="json">JSON</option></select></label>
        <a id="export-link" class="button primary" href="api/export" download data-i18n="exportDownload"></a>
      </form>
    </section>
    <section class="card settings-section" aria-labelledby="settings-password-title">
      <h2 id="settings-password-title" data-i18n="passwordTitle"></h2>
      <form id="password-form" class="settings-form">
        <input type="text" name="username" value="household" autocomplete="username" hidden>
        <label><span data-i18n="currentPassword"></span> <input id="password-current" type="password" required autocomplete="current-password" maxlength="256"></label>
        <label><span data-i18n="newPassword"></span> <input id="password-new" type="password" required minlength="8" maxlength="256" autocomplete="new-password"></label>
        <label><span data-i18n="repeatPassword"></span> <input id="password-repeat" type="password" required minlength="8" maxlength="256" autocomplete="new-password"></label>
        <button id="password-submit" type="submit" class="primary" data-i18n="changePassword"></button>
        <p id="password-result" role="status" aria-live="polite"></p>
      </form>
    </section>
    <section class="card settings-section settings-erase" aria-labelledby="settings-erase-title">
      <h2 id="settings-erase-title" data-i18n="eraseTitle"></h2>
      <p data-i18n="eraseWhat"></p>
      <p class="muted settings-note" data-i18n="eraseKept"></p>
      <p id="erase-consents" role="status"></p>
      <form id="erase-form" class="settings-form">
        <input type="text" name="username" value="household" autocomplete="username" hidden>
        <label class="settings-check"><input id="erase-confirm" type="checkbox" required> <span data-i18n="eraseUnderstand"></span></label>
        <label><span data-i18n="erasePassword"></span> <input id="erase-password" type="password" required autocomplete="current-password" maxlength="256"></label>
        <button id="erase-submit" type="submit" class="danger" data-i18n="eraseSubmit"></button>
        <p id="erase-error" class="error" role="alert"></p>
        <p id="erase-result" role="status" aria-live="polite"></p>
      </form>
    </section>`;
}

function price(amount, currency, perUnit) {
  if (amount == null) return '—';
  // Prices per kWh keep their decimals even in yen (29.80 円); charges use the currency's own.
  const digits = perUnit ? 2 : (currency === 'JPY' ? 0 : 2);
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) }).format(amount);
}

function dayNames(days) {
  if (!days) return t('everyDay');
  const base = new Date(Date.UTC(2024, 0, 1)); // a Monday
  return days.map((d) => new Date(base.getTime() + DAYS.indexOf(d) * 86400000)
    .toLocaleDateString(locale(), { weekday: 'short', timeZone: 'UTC' })).join(', ');
}

function tariffHtml(tariff) {
  if (!tariff) return `<p>${format.escape(t('noTariff'))}</p>`;
  const c = tariff.currency;
  const parts = [];
  if (tariff.kind === 'flat') {
    parts.push(`<p>${format.escape(t('tariffFlat', price(tariff.flatPricePerKWh, c, true)))}</p>`);
  } else if (tariff.kind === 'tiered') {
    const rows = tariff.tiers.map((tier, i) => {
      const range = tier.upToKWh == null ? t('tierLast', tier.fromKWh)
        : i === 0 ? t('tierFirst', tier.upToKWh) : t('tierMiddle', tier.fromKWh, tier.upToKWh);
      return `<tr><td>${format.escape(tier.name)}</td><td>${format.escape(range)}</td><td>${format.escape(t('perKWh', price(tier.pricePerKWh, c, true)))}</td></tr>`;
    });
    parts.push(`<p>${format.escape(t('tariffTiered'))}</p><table class="data settings-tariff-table"><tbody>${rows.join('')}</tbody></table>`);
  } else {
    const rows = tariff.periods.map((p) => `<tr><td>${format.escape(p.name)}</td><td>${format.escape(`${p.start}–${p.end}`)}</td><td>${format.escape(dayNames(p.days))}</td><td>${format.escape(t('perKWh', price(p.pricePerKWh, c, true)))}</td></tr>`);
    parts.push(`<p>${format.escape(t('tariffTou'))}</p><table class="data settings-tariff-table"><tbody>${rows.join('')}</tbody></table>`);
  }
  const extras = [];
  if (tariff.basicChargePerMonth) extras.push(t('basicCharge', price(tariff.basicChargePerMonth, c, false)));
  if (tariff.fuelCostAdjustmentPerKWh) extras.push(t('fuelAdjustment', price(tariff.fuelCostAdjustmentPerKWh, c, true)));
  if (tariff.renewableSurchargePerKWh) extras.push(t('renewableSurcharge', price(tariff.renewableSurchargePerKWh, c, true)));
  if (tariff.exportPricePerKWh) extras.push(t('exportPrice', price(tariff.exportPricePerKWh, c, true)));
  extras.push(t('tariffZone', tariff.timeZone));
  parts.push(`<ul class="settings-list">${extras.map((e) => `<li>${format.escape(e)}</li>`).join('')}</ul>`);
  return parts.join('');
}

function bytes(n) {
  if (n == null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) { value /= 1024; i += 1; }
  return `${format.number(value, i >= 3 ? 1 : 0)} ${units[i]}`;
}

function facts(list) {
  return list.filter(([, v]) => v != null).map(([k, v]) => `<div><dt>${format.escape(t(k))}</dt><dd>${format.escape(v)}</dd></div>`).join('');
}

function months(n) { return n > 0 ? t('keptMonths', n) : t('keptForever'); }

function renderStorage(storage) {
  const h = storage.health;
  $('settings-storage').innerHTML = facts([
    ['storeState', t(`state.${h.state}`)],
    ['rawKept', months(storage.rawMonths)],
    ['minuteKept', months(storage.minuteMonths)],
    ['quarterKept', months(storage.quarterHourMonths)],
    ['hourKept', months(storage.hourMonths)],
    ['dayKept', months(storage.dayMonths)],
    ['readingsStored', storage.readings == null ? null : format.number(storage.readings, 0)],
    ['seriesStored', storage.series == null ? null : format.number(storage.series, 0)],
    ['oldestRaw', h.oldestRawReading ? format.dateTime(h.oldestRawReading) : null],
    ['freeSpace', bytes(h.freeBytes)],
    ['freeFloor', bytes(h.floorBytes)],
    ['rawAlwaysKept', t('keptDays', storage.rawDaysAlwaysKept)],
    ['commitWindow', storage.commitWindowSeconds > 0 ? t('commitEvery', format.number(storage.commitWindowSeconds, 0)) : t('commitEachBatch')],
    ['databaseFile', storage.databasePath],
  ]);
  $('settings-storage').dataset.state = h.state;
  const problems = [];
  if (h.rawChunksDroppedForSpace > 0) problems.push(t('droppedForSpace', format.number(h.rawChunksDroppedForSpace, 0)));
  if (h.quarantinedChunks > 0) problems.push(t('quarantined', format.number(h.quarantinedChunks, 0)));
  if (h.refusedReadings > 0) problems.push(t('refused', format.number(h.refusedReadings, 0)));
  if (h.problem) problems.push(t('lastProblem', format.dateTime(h.problemAt), h.problem));
  $('settings-storage-problems').innerHTML = problems.map((p) => `<li>${format.escape(p)}</li>`).join('');
}

function renderInflux(influx) {
  const host = $('settings-influx');
  if (!influx) {
    host.innerHTML = `<div><dd>${format.escape(t('influxNone'))}</dd></div>`;
    host.dataset.state = 'none';
    return;
  }
  host.dataset.state = influx.state;
  host.innerHTML = facts([
    ['storeState', t(`influx.${influx.state}`)],
    ['influxTarget', influx.target || null],
    ['influxLastSuccess', influx.lastSuccessAt ? format.dateTime(influx.lastSuccessAt) : null],
    ['influxThrough', influx.mirroredThrough ? format.dateTime(influx.mirroredThrough) : null],
    ['influxSent', format.number(influx.pointsSent, 0)],
    ['influxBacklog', influx.backlog == null ? null : format.number(influx.backlog, 0)],
    ['influxError', influx.lastError ? `${influx.lastError} (${format.dateTime(influx.lastErrorAt)})` : null],
  ]);
}

function sensorState(sensor) {
  if (sensor.answering) return t('sensorAnswering', format.dateTime(sensor.lastAnsweredAt));
  if (!sensor.lastError) return t('sensorNotYetRead');
  return sensor.notAnsweringSince
    ? t('sensorNotAnswering', format.dateTime(sensor.notAnsweringSince), sensor.lastError)
    : t('sensorNeverAnswered', sensor.lastError);
}

// From /api/status: a sensor that stops answering is shown here at once, not only when the climate page's value goes stale.
function renderSensors(sensors) {
  $('settings-sensors-section').hidden = sensors.length === 0;
  const host = $('settings-sensors');
  host.dataset.state = sensors.every((s) => s.answering) ? 'ok' : 'degraded';
  host.innerHTML = sensors.map((s) =>
    `<div data-state="${s.answering ? 'ok' : 'degraded'}"><dt>${format.escape(s.sensor)}</dt><dd>${format.escape(sensorState(s))}</dd></div>`).join('');
}

function renderLanguage() {
  for (const button of document.querySelectorAll('#screen-settings [data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
  }
}

function renderAll() {
  renderLanguage();
  const data = state.data;
  if (!data) return;
  $('settings-tariff').innerHTML = tariffHtml(data.tariff);
  $('settings-tariff-edit').textContent = data.configFile ? t('tariffEditFile', data.configFile) : t('tariffEditDefault');
  renderStorage(data.storage);
  renderInflux(data.influx);
  renderSensors(state.sensors);
  const consents = $('erase-consents');
  consents.textContent = data.activeConsents == null ? '' : data.activeConsents > 0 ? t('eraseConsents', data.activeConsents) : t('eraseNoConsents');
  consents.className = data.activeConsents > 0 ? 'error' : 'muted settings-note';
}

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function setExportRange(today) {
  $('export-from').value = `${today.slice(0, 8)}01`;
  $('export-to').value = today;
  updateExportLink();
}

function updateExportLink() {
  const query = new URLSearchParams({
    from: $('export-from').value,
    to: $('export-to').value,
    resolution: $('export-resolution').value,
    format: $('export-format').value,
  });
  $('export-link').href = `api/export?${query}`;
  $('export-link').setAttribute('download', `aizu-${query.get('from')}-${query.get('to')}-${query.get('resolution')}.${query.get('format')}`);
}

async function changePassword(event) {
  event.preventDefault();
  const result = $('password-result');
  result.className = '';
  if ($('password-new').value !== $('password-repeat').value) {
    result.className = 'error';
    result.textContent = t('passwordsDiffer');
    return;
  }
  try {
    await send('POST', 'api/session/password', { current: $('password-current').value, password: $('password-new').value });
    result.textContent = t('passwordChanged');
    $('password-form').reset();
  } catch (error) {
    result.className = 'error';
    result.textContent = error.status === 401 ? t('passwordWrong') : error.status === 429 ? t('tooManyAttempts') : error.message;
  }
}

async function erase(event) {
  event.preventDefault();
  $('erase-error').textContent = '';
  $('erase-result').textContent = '';
  if (!$('erase-confirm').checked) {
    $('erase-confirm').focus();
    return;
  }
  try {
    const result = await send('POST', 'api/erase', { password: $('erase-password').value });
    $('erase-form').reset();
    $('erase-result').textContent = t('eraseDone', format.number(result.readings, 0), format.number(result.series, 0), format.dateTime(result.erasedAt));
    await load();
  } catch (error) {
    $('erase-error').textContent = error.status === 403 ? t('erasePasswordWrong') : error.status === 429 ? t('tooManyAttempts') : error.message;
    $('erase-password').select();
  }
}

async function load() {
  try {
    const [settings, status] = await Promise.all([getJson('api/settings'), getJson('api/status')]);
    state.data = settings;
    state.sensors = status.sensors || [];
    // The export's default range is the household's month so far: the browser's own date differs from the
    // household's for part of every day when the two are in different zones.
    if (state.data.today && !state.exportEdited) setExportRange(state.data.today);
    renderAll();
  } catch (error) {
    $('settings-tariff').textContent = error.message;
  }
}

function mount() {
  for (const button of document.querySelectorAll('#screen-settings [data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang, true));
  }
  setExportRange(isoDate(new Date()));
  $('export-resolution').value = 'hour';
  for (const id of ['export-from', 'export-to']) $(id).addEventListener('change', () => { state.exportEdited = true; });
  for (const id of ['export-from', 'export-to', 'export-resolution', 'export-format']) $(id).addEventListener('change', updateExportLink);
  updateExportLink();
  $('password-form').addEventListener('submit', changePassword);
  $('erase-form').addEventListener('submit', erase);
  onLanguage(() => state.visible && renderAll());
}

async function show() {
  state.visible = true;
  renderLanguage();
  await load();
}

function hide() { state.visible = false; }

export default { id: 'settings', nav: 'navSettings', access: 'household', strings, render, mount, show, hide };
