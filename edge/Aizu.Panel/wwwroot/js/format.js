// Numbers, energy, money and times as the household reads them, in the panel's language.
import { locale } from './i18n.js';

export function power(watts) {
  const abs = Math.abs(watts);
  if (abs < 1000) return `${Math.round(watts)} W`;
  return `${(watts / 1000).toFixed(abs < 10000 ? 2 : 1)} kW`;
}

export const kWh = (value, digits = 2) => (value == null ? '—' : `${Number(value).toFixed(digits)} kWh`);

export function money(amount, currency) {
  if (amount == null) return '—';
  const digits = currency === 'JPY' ? 0 : 2;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: currency || 'JPY', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(amount);
}

export function time(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleTimeString(locale());
}

export function dateTime(iso, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(locale(), { timeZone: timeZone || undefined, dateStyle: 'medium', timeStyle: 'short' });
}

export function number(value, digits) {
  if (value == null) return '—';
  return Number(value).toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
