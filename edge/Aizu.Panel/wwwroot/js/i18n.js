// Strings per language. Each screen brings its own; the shell merges them. Japanese is chosen when the
// browser ranks it above English, and the household's toggle wins after that.
const tables = { en: {}, ja: {} };
const listeners = [];
let current = 'en';

export function addStrings(strings) {
  for (const lang of Object.keys(tables)) Object.assign(tables[lang], strings[lang] || {});
}

export const lang = () => current;

export function t(key, ...args) {
  const text = tables[current][key] ?? tables.en[key] ?? key;
  return args.length ? text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)])) : text;
}

export function preferredLanguage() {
  try {
    const saved = localStorage.getItem('aizu.lang');
    if (saved in tables) return saved;
  } catch { /* storage disabled: fall through */ }
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return 'en';
}

export function setLanguage(next, remember) {
  current = next in tables ? next : 'en';
  if (remember) {
    try { localStorage.setItem('aizu.lang', current); } catch { /* not remembered then */ }
  }
  document.documentElement.lang = current;
  translate(document);
  for (const listener of listeners) listener(current);
}

export function onLanguage(listener) { listeners.push(listener); }

// data-i18n sets the text, data-i18n-aria the accessible name, data-i18n-placeholder a field's hint.
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
}

export const locale = () => (current === 'ja' ? 'ja-JP' : 'en-GB');
