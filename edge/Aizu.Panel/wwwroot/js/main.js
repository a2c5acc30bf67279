// The panel's shell: first-start password, sign-in, navigation between screens and the language.
// No framework and nothing fetched from outside the gateway: it runs on a home LAN without internet.
import { addStrings, onLanguage, preferredLanguage, setLanguage, t, lang, translate } from './i18n.js';
import { getJson, send, useSession } from './api.js';
// The shell's own strings; each screen module carries its own.
import shellStrings from './strings/shell.json' with { type: 'json' };
import status from './status.js';
import home from './screens/home.js';
import history from './screens/history.js';
import alerts from './screens/alerts.js';
import alertsLayer from './alerts-layer.js';
import consent from './screens/consent.js';
import egress from './screens/egress.js';
import climate from './screens/climate.js';
import settings from './screens/settings.js';

// Order is the navigation order. access: 'viewer' shows in kiosk mode, 'household' needs sign-in.
const screens = [home, history, climate, alerts, consent, egress, settings];

const $ = (id) => document.getElementById(id);
const state = { session: null, active: null, mounted: new Set() };

addStrings(shellStrings);
for (const screen of screens) addStrings(screen.strings);

function allowed(screen) {
  const s = state.session;
  return s && (s.authenticated || (s.kiosk && screen.access === 'viewer'));
}

function buildScreens() {
  const nav = $('nav');
  nav.replaceChildren();
  for (const screen of screens) {
    let section = $(`screen-${screen.id}`);
    if (!section) {
      section = document.createElement('section');
      section.id = `screen-${screen.id}`;
      section.className = `screen screen-${screen.id}`;
      section.hidden = true;
      section.setAttribute('aria-labelledby', `nav-${screen.id}`);
      $('screens').append(section);
    }
    if (!allowed(screen)) continue;
    const link = document.createElement('a');
    link.id = `nav-${screen.id}`;
    link.href = `#/${screen.id}`;
    link.dataset.i18n = screen.nav;
    link.textContent = t(screen.nav);
    nav.append(link);
  }
}

function parseRoute() {
  const [path, query] = (location.hash.replace(/^#\/?/, '') || 'home').split('?');
  return { id: path || 'home', params: new URLSearchParams(query || '') };
}

async function route() {
  if (!state.session) return;
  const { id, params } = parseRoute();
  if (id === 'signin') {
    showGate('login');
    return;
  }
  const screen = screens.find((s) => s.id === id && allowed(s)) || screens.find(allowed);
  if (!screen) {
    showGate('login');
    return;
  }
  $('gate').hidden = true;
  if (state.active && state.active !== screen) {
    state.active.hide?.();
    $(`screen-${state.active.id}`).hidden = true;
  }
  const section = $(`screen-${screen.id}`);
  if (!state.mounted.has(screen.id)) {
    section.innerHTML = screen.render();
    translate(section);
    screen.mount?.(section);
    state.mounted.add(screen.id);
  }
  section.hidden = false;
  for (const link of $('nav').children) link.toggleAttribute('aria-current', link.id === `nav-${screen.id}`);
  state.active = screen;
  await screen.show?.(params);
}

function showGate(mode) {
  if (state.active) {
    state.active.hide?.();
    $(`screen-${state.active.id}`).hidden = true;
    state.active = null;
  }
  const setup = mode === 'setup';
  $('gate').hidden = false;
  $('gate').dataset.mode = mode;
  $('gate-title').textContent = t(setup ? 'setupTitle' : 'signInTitle');
  $('gate-intro').textContent = t(setup ? 'setupIntro' : 'signInIntro');
  $('gate-submit').textContent = t(setup ? 'setupSubmit' : 'signIn');
  $('gate-confirm-row').hidden = !setup;
  $('gate-code-row').hidden = !setup;
  $('gate-code').required = setup;
  $('gate-confirm').required = setup;
  $('gate-password').autocomplete = setup ? 'new-password' : 'current-password';
  $('gate-error').textContent = '';
  (setup ? $('gate-code') : $('gate-password')).focus();
}

async function submitGate(event) {
  event.preventDefault();
  const mode = $('gate').dataset.mode;
  const password = $('gate-password').value;
  if (mode === 'setup' && password !== $('gate-confirm').value) {
    $('gate-error').textContent = t('passwordsDiffer');
    return;
  }
  try {
    await send('POST', mode === 'setup' ? 'api/session/setup' : 'api/session/login',
      mode === 'setup' ? { password, setupCode: $('gate-code').value } : { password });
    $('gate-password').value = '';
    $('gate-code').value = '';
    $('gate-confirm').value = '';
    if (location.hash.startsWith('#/signin')) location.hash = '#/home';
    await start();
  } catch (error) {
    $('gate-error').textContent = error.status === 401 ? t('wrongPassword')
      : error.status === 403 && mode === 'setup' ? t('wrongSetupCode')
      : error.status === 429 ? t('tooManyAttempts') : error.message;
  }
}

// Asks who we are, and from that what to show. Called at load and after every sign-in or sign-out.
async function start() {
  let session;
  try {
    session = await getJson('api/session');
  } catch {
    setTimeout(start, 3000);
    return;
  }
  state.session = session;
  useSession(session, () => start());
  // Alerts show over every screen for whoever may see the panel (kiosk included), and stop at sign-out.
  if (!session.authenticated && !session.kiosk) alertsLayer.stop();
  document.body.dataset.kiosk = String(session.kiosk && !session.authenticated);
  $('signout').hidden = !session.authenticated;
  $('signin-link').hidden = session.authenticated || !session.kiosk;
  if (session.setupRequired) {
    buildScreens();
    showGate('setup');
    return;
  }
  buildScreens();
  if (!session.authenticated && !session.kiosk) {
    showGate('login');
    return;
  }
  status.start();
  alertsLayer.start();
  await route();
}

$('gate-form').addEventListener('submit', submitGate);
$('signout').addEventListener('click', async () => {
  try { await send('POST', 'api/session/logout'); } finally { await start(); }
});
$('lang-toggle').addEventListener('click', () => setLanguage(lang() === 'ja' ? 'en' : 'ja', true));
onLanguage((current) => {
  $('lang-toggle').textContent = current === 'ja' ? 'English' : '日本語';
  $('lang-toggle').lang = current === 'ja' ? 'en' : 'ja';
  if ($('gate').hidden === false) showGate($('gate').dataset.mode);
});
window.addEventListener('hashchange', route);

setLanguage(preferredLanguage(), false);
start();
