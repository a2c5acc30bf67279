// Settings: the tariff in plain words, language, how long data is kept and the store's health, the
// InfluxDB mirror, whether each indoor sensor answers, downloading the data, changing the password and erasing the readings.
import { getJson, send } from '../api.js';
import { lang, onLanguage, setLanguage, t, locale } from '../i18n.js';
import * as format from '../format.js';

const state = { data: null, sensors: [], visible: false, exportEdited: false };
const $ = (id) => document.getElementById(id);
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const strings = {
  en: {
    navSettings: 'Settings', settingsTitle: 'Settings',
    tariffTitle: 'Tariff', noTariff: 'No tariff is configured: the panel shows energy, not money.',
    tariffFlat: 'A flat price of {0} per kWh, at any time.',
    tariffTiered: 'The price per kWh rises with what you use in a calendar month:',
    tariffTou: 'The price per kWh depends on the time of day:',
    tierFirst: 'up to {0} kWh', tierMiddle: '{0}–{1} kWh', tierLast: 'over {0} kWh',
    everyDay: 'every day', perKWh: '{0} per kWh',
    basicCharge: 'Basic charge: {0} a month.', fuelAdjustment: 'Fuel-cost adjustment: {0} per kWh.',
    renewableSurcharge: 'Renewable energy surcharge: {0} per kWh.', exportPrice: 'Energy you sell to the grid earns {0} per kWh.',
    tariffZone: 'Days and times are counted in {0}.',
    tariffEditFile: 'To change the tariff, edit the section “Aizu:Tariff” in {0} and restart the gateway. It cannot be changed here, so that a mistyped price cannot silently change your costs.',
    tariffEditDefault: 'To change the tariff, edit the section “Aizu:Tariff” in the gateway’s configuration file (/etc/aizu/aizu.json, or the file given with --config) and restart the gateway.',
    languageTitle: 'Language', languageNote: 'This browser remembers the choice.',
    storageTitle: 'Data kept on the gateway',
    rawKept: 'Every reading (raw)', minuteKept: '1-minute summaries', quarterKept: '15-minute summaries', hourKept: 'Hourly summaries', dayKept: 'Daily summaries',
    keptMonths: '{0} months', keptForever: 'kept until erased', freeSpace: 'Free space', freeFloor: 'Free space kept', rawAlwaysKept: 'Raw data never dropped for space', keptDays: 'the last {0} days', readingsStored: 'Readings stored',
    commitWindow: 'Written to disk', commitEvery: 'every {0} s: a power cut loses at most the last {0} s of samples; energy totals are read back from the meter', commitEachBatch: 'at every reading',
    seriesStored: 'Measurements', databaseFile: 'Database file', storeState: 'State', oldestRaw: 'Oldest reading kept',
    'state.ok': 'All well', 'state.degraded': 'Needs attention', 'state.critical': 'Disk nearly full',
    droppedForSpace: '{0} blocks of raw readings were dropped to keep free space (summaries are kept).',
    quarantined: '{0} damaged blocks were set aside.', refused: '{0} readings with an impossible time were not stored.',
    lastProblem: 'Last problem ({0}): {1}',
    influxTitle: 'InfluxDB mirror', influxNone: 'Not configured. The gateway can copy every reading to your own InfluxDB (see the household guide).',
    'influx.starting': 'Starting', 'influx.upToDate': 'Up to date', 'influx.catchingUp': 'Catching up', 'influx.retrying': 'Retrying – nothing is lost', 'influx.stopped': 'Stopped',
    influxTarget: 'Writes to', influxLastSuccess: 'Last success', influxBacklog: 'Waiting to be copied', influxSent: 'Copied so far', influxError: 'Last error', influxThrough: 'Complete up to',
    sensorsTitle: 'Indoor sensors', sensorAnswering: 'Answering (last reading {0})', sensorNotYetRead: 'Not read yet',
    sensorNotAnswering: 'Not answering since {0}: {1}', sensorNeverAnswered: 'Not answering: {0}',
    exportTitle: 'Download your data', exportIntro: 'Everything the gateway stored, as a file for a spreadsheet (CSV) or a program (JSON).',
    exportFrom: 'From', exportTo: 'To', exportResolution: 'Detail', exportFormat: 'Format', exportDownload: 'Download',
    'resolution.raw': 'Every reading (large)', 'resolution.minute': 'Per minute', 'resolution.quarter-hour': 'Per 15 minutes', 'resolution.hour': 'Per hour', 'resolution.day': 'Per day',
    passwordTitle: 'Change the panel password', currentPassword: 'Current password', newPassword: 'New password', repeatPassword: 'Repeat the new password',
    changePassword: 'Change password', passwordChanged: 'The password was changed.', passwordWrong: 'The current password is not correct.',
    eraseTitle: 'Erase my data',
    eraseWhat: 'Erases every meter and sensor reading and every summary made from them (history, cost, indoor climate). It cannot be undone. The gateway keeps running and starts collecting again.',
    eraseKept: 'Kept on purpose: your consent records and receipts and the log of what left your home — they are your proof of what you allowed and what was sent — and the panel password. A copy in your own InfluxDB is not touched; delete it there.',
    eraseConsents: '{0} consent(s) are still given. Withdraw them on the consent screen first, so nothing based on these readings is sent afterwards.',
    eraseNoConsents: 'No consent is given at the moment.',
    eraseUnderstand: 'I understand that the readings cannot be recovered', erasePassword: 'Panel password', eraseSubmit: 'Erase readings',
    erasePasswordWrong: 'The password is not correct; nothing was erased.', eraseDone: 'Erased {0} readings of {1} measurements at {2}.',
  },
  ja: {
    navSettings: '設定', settingsTitle: '設定',
    tariffTitle: '料金プラン', noTariff: '料金プランが設定されていません。電力量は表示されますが、金額は表示されません。',
    tariffFlat: '時間帯にかかわらず、1 kWhあたり{0}の均一料金です。',
    tariffTiered: '1か月の使用量に応じて、1 kWhあたりの単価が上がる料金です（段階料金）。',
    tariffTou: '時間帯によって1 kWhあたりの単価が変わる料金です。',
    tierFirst: '{0} kWhまで', tierMiddle: '{0}〜{1} kWh', tierLast: '{0} kWh超',
    everyDay: '毎日', perKWh: '1 kWhあたり{0}',
    basicCharge: '基本料金：月{0}', fuelAdjustment: '燃料費調整額：1 kWhあたり{0}',
    renewableSurcharge: '再エネ賦課金：1 kWhあたり{0}', exportPrice: '売電単価：1 kWhあたり{0}',
    tariffZone: '日付と時刻は{0}で数えます。',
    tariffEditFile: '料金プランを変更するには、{0} の「Aizu:Tariff」の項目を編集し、ゲートウェイを再起動してください。単価の入力ミスで料金表示が気づかないうちに変わることがないよう、この画面では変更できません。',
    tariffEditDefault: '料金プランを変更するには、ゲートウェイの設定ファイル（/etc/aizu/aizu.json、または --config で指定したファイル）の「Aizu:Tariff」の項目を編集し、ゲートウェイを再起動してください。',
    languageTitle: '表示言語', languageNote: 'このブラウザーに記憶されます。',
    storageTitle: 'ゲートウェイに保存されるデータ',
    rawKept: 'すべての測定値（生データ）', minuteKept: '1分ごとの集計', quarterKept: '15分ごとの集計', hourKept: '1時間ごとの集計', dayKept: '1日ごとの集計',
    keptMonths: '{0}か月', keptForever: '消去するまで保存', freeSpace: '空き容量', freeFloor: '確保する空き容量', rawAlwaysKept: '容量不足でも消さない生データ', keptDays: '直近{0}日分', readingsStored: '保存されている測定値',
    commitWindow: 'ディスクへの書き込み', commitEvery: '{0}秒ごと（停電時に失われるのは最大で直近{0}秒の測定値。電力量の合計はメーターから読み直します）', commitEachBatch: '測定値ごと',
    seriesStored: '測定項目', databaseFile: 'データベースファイル', storeState: '状態', oldestRaw: '最も古い測定値',
    'state.ok': '正常', 'state.degraded': '要確認', 'state.critical': 'ディスクの空きがほとんどありません',
    droppedForSpace: '空き容量を確保するため、生データ{0}ブロックを削除しました（集計は残っています）。',
    quarantined: '破損したブロック{0}個を隔離しました。', refused: '時刻が不正な測定値{0}件は保存していません。',
    lastProblem: '直近の問題（{0}）：{1}',
    influxTitle: 'InfluxDBへのミラー', influxNone: '設定されていません。すべての測定値をご自身のInfluxDBにコピーできます（家庭向けガイドをご覧ください）。',
    'influx.starting': '開始中', 'influx.upToDate': '最新です', 'influx.catchingUp': '未送信分を送信中', 'influx.retrying': '再試行中（データは失われません）', 'influx.stopped': '停止',
    influxTarget: '送信先', influxLastSuccess: '最終成功', influxBacklog: '未送信', influxSent: '送信済み', influxError: '直近のエラー', influxThrough: '送信済みの範囲',
    sensorsTitle: '室内センサー', sensorAnswering: '応答あり（最終測定 {0}）', sensorNotYetRead: 'まだ読み取っていません',
    sensorNotAnswering: '{0}から応答がありません：{1}', sensorNeverAnswered: '応答がありません：{0}',
    exportTitle: 'データのダウンロード', exportIntro: 'ゲートウェイに保存されたデータを、表計算ソフト用（CSV）またはプログラム用（JSON）のファイルで取り出せます。',
    exportFrom: '開始日', exportTo: '終了日', exportResolution: '細かさ', exportFormat: '形式', exportDownload: 'ダウンロード',
    'resolution.raw': 'すべての測定値（大きなファイル）', 'resolution.minute': '1分ごと', 'resolution.quarter-hour': '15分ごと', 'resolution.hour': '1時間ごと', 'resolution.day': '1日ごと',
    passwordTitle: 'パネルのパスワード変更', currentPassword: '現在のパスワード', newPassword: '新しいパスワード', repeatPassword: '新しいパスワード（確認）',
    changePassword: 'パスワードを変更', passwordChanged: 'パスワードを変更しました。', passwordWrong: '現在のパスワードが正しくありません。',
    eraseTitle: 'データの消去',
    eraseWhat: '電力量計とセンサーのすべての測定値と、それをもとにした集計（履歴、料金、室内環境）を消去します。元に戻すことはできません。ゲートウェイは動作を続け、新しいデータの収集を再開します。',
    eraseKept: '意図して残すもの：同意の記録と受領証、家の外に送られたデータの記録（何を許可し何が送られたかの証拠になります）、パネルのパスワード。ご自身のInfluxDBにあるコピーは消去されませんので、InfluxDB側で削除してください。',
    eraseConsents: '有効な同意が{0}件あります。消去した測定値にもとづくデータが送られないよう、先に同意の画面で撤回してください。',
    eraseNoConsents: '現在、有効な同意はありません。',
    eraseUnderstand: '測定値は復元できないことを理解しました', erasePassword: 'パネルのパスワード', eraseSubmit: '測定値を消去',
    erasePasswordWrong: 'パスワードが正しくありません。何も消去していません。', eraseDone: '{2}に{1}項目・{0}件の測定値を消去しました。',
  },
};

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
