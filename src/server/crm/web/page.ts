/**
 * The CRM page: plain HTML + CSS in Fluent UI's colours and type ramp, a little vanilla script
 * over the JSON API (no bundle to build, so `npm start` needs nothing extra). All record text
 * goes into the DOM through textContent, never as HTML.
 */
import { FIELD_NAMES } from '../content/record-fields.js';
import { CRM_PAGE_TEXTS } from './texts.js';

const STYLE = `
:root { --brand: #0f6cbd; --brand-hover: #115ea3; --bg: #f5f5f5; --card: #fff; --fg: #242424; --fg2: #616161;
  --stroke: #d1d1d1; --danger: #c50f1f; --ok: #107c10; --radius: 4px;
  font-family: 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font-size: 14px; line-height: 20px; }
header { background: var(--brand); color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
header h1 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 0; flex: 1; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
.subtitle { color: var(--fg2); margin: 0 0 16px; }
[role=tablist] { display: flex; gap: 4px; border-bottom: 1px solid var(--stroke); margin-bottom: 16px; }
[role=tab] { background: none; border: none; padding: 10px 12px; font: inherit; font-weight: 600; color: var(--fg2); cursor: pointer; border-bottom: 3px solid transparent; }
[role=tab][aria-selected=true] { color: var(--fg); border-bottom-color: var(--brand); }
button { font: inherit; border-radius: var(--radius); padding: 5px 12px; min-height: 32px; cursor: pointer; border: 1px solid var(--stroke); background: #fff; color: var(--fg); font-weight: 600; }
button.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
button.primary:hover { background: var(--brand-hover); }
button.danger { color: var(--danger); border-color: var(--danger); }
button:focus-visible, [role=tab]:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, li:focus-visible { outline: 2px solid var(--fg); outline-offset: 2px; }
header button { background: transparent; color: #fff; border-color: rgba(255,255,255,.6); }
.toolbar { display: flex; justify-content: space-between; align-items: center; margin-bottom: 12px; }
ul.records { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
ul.records li { background: var(--card); border-radius: var(--radius); padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); cursor: pointer; display: grid; gap: 2px; }
ul.records li:hover { box-shadow: 0 4px 8px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); }
.title { font-weight: 600; font-size: 16px; line-height: 22px; }
.meta { color: var(--fg2); }
.guid { color: var(--fg2); font-size: 12px; }
form { background: var(--card); border-radius: var(--radius); padding: 16px; box-shadow: 0 8px 16px rgba(0,0,0,.14); display: grid; gap: 12px; margin-bottom: 16px; }
label { display: grid; gap: 4px; font-weight: 600; }
input, textarea, select { font: inherit; font-weight: 400; padding: 5px 8px; border: 1px solid var(--stroke); border-bottom-color: #616161; border-radius: var(--radius); background: #fff; color: var(--fg); }
.actions { display: flex; gap: 8px; }
pre { background: var(--bg); padding: 8px; border-radius: var(--radius); font-size: 12px; line-height: 16px; overflow: auto; max-height: 240px; white-space: pre-wrap; }
.bar { padding: 8px 12px; border-radius: var(--radius); margin-bottom: 12px; }
.bar.ok { background: #f1faf1; color: var(--ok); } .bar.err { background: #fdf3f4; color: var(--danger); }
.columns { display: grid; gap: 16px; align-items: start; }
@media (min-width: 900px) { .columns:has(form:not([hidden])) { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } form { position: sticky; top: 16px; } }
details { margin-top: 24px; } summary { cursor: pointer; font-weight: 600; }
`;

/** Browser-side script; `T` (texts), `FIELDS` (field names per datastore) are injected as JSON. */
const SCRIPT = `
const params = new URLSearchParams(location.search);
let lang = params.get('lang') || (navigator.language || 'de').slice(0, 2);
if (!T[lang]) lang = 'de';
let datastore = 'addressbook';
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => { const e = document.createElement(tag); Object.assign(e, props); for (const c of children) e.append(c); return e; };
function t() { return T[lang]; }
function say(text, ok) { const b = $('bar'); b.textContent = text; b.className = 'bar ' + (ok ? 'ok' : 'err'); b.hidden = false; }
async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) { const e = body.error || {}; throw new Error((t().errors[e.code] || t().error) + (e.details && e.details.field ? ': ' + (t().fields[e.details.field] || e.details.field) : '')); }
  return body;
}
function describe(r) {
  const f = r.fields;
  if (datastore === 'addressbook') return [[f.prefix, f.given, f.family].filter(Boolean).join(' ') || f.company, [f.company, f.phone, f.email].filter(Boolean).join(' · ')];
  if (datastore === 'calendar') return [f.summary, [f.start.replace('T', ' '), f.location].filter(Boolean).join(' · ')];
  return [f.summary, [f.due, t().status[f.status] || f.status].filter(Boolean).join(' · ')];
}
function renderTabs() {
  document.documentElement.lang = lang;
  document.title = t().title;
  $('title').textContent = t().title; $('subtitle').textContent = t().subtitle; $('lang').textContent = t().language;
  $('add').textContent = t().add; $('conflicts-title').textContent = t().conflicts; $('conflicts-hint').textContent = t().conflictsHint;
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = tab.dataset.ds === datastore;
    tab.textContent = t().tabs[tab.dataset.ds]; tab.setAttribute('aria-selected', String(on)); tab.tabIndex = on ? 0 : -1;
  }
}
function input(name, value) {
  if (name === 'status') { const s = el('select', { name }); for (const k of Object.keys(t().status)) s.append(el('option', { value: k, textContent: t().status[k], selected: k === value })); return s; }
  if (name === 'note' || name === 'description') return el('textarea', { name, value, rows: 3 });
  const type = name === 'start' || name === 'end' ? 'datetime-local' : name === 'due' ? 'date' : name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text';
  return el('input', { name, value, type });
}
function openForm(record) {
  const form = $('form'); form.replaceChildren(); form.hidden = false;
  form.append(el('h2', { textContent: record ? t().edit : t().add, className: 'title' }));
  for (const name of FIELDS[datastore]) form.append(el('label', {}, t().fields[name], input(name, record ? record.fields[name] : (name === 'status' ? 'NEEDS-ACTION' : ''))));
  const actions = el('div', { className: 'actions' }, el('button', { type: 'submit', className: 'primary', textContent: t().save }), el('button', { type: 'button', textContent: t().cancel, onclick: () => { form.hidden = true; } }));
  if (record) actions.append(el('button', { type: 'button', className: 'danger', textContent: t().delete, onclick: () => remove(record) }));
  form.append(actions);
  if (record) form.append(el('label', {}, t().raw, el('pre', { textContent: record.content })));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const fields = {}; for (const name of FIELDS[datastore]) fields[name] = form.elements[name].value;
    try {
      const path = record ? '/api/records/' + encodeURIComponent(record.guid) + '?datastore=' + datastore : '/api/records?datastore=' + datastore;
      await api(path, { method: record ? 'PUT' : 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields }) });
      form.hidden = true; say(t().saved, true); load();
    } catch (e) { say(e.message, false); }
  };
  form.querySelector('input, textarea, select').focus();
}
async function remove(record) {
  if (!confirm(t().confirmDelete)) return;
  try { await api('/api/records/' + encodeURIComponent(record.guid) + '?datastore=' + datastore, { method: 'DELETE' }); $('form').hidden = true; say(t().deleted, true); load(); }
  catch (e) { say(e.message, false); }
}
async function load() {
  renderTabs();
  const list = $('records'); list.replaceChildren(el('li', { textContent: t().loading }));
  try {
    const records = await api('/api/records?datastore=' + datastore);
    list.replaceChildren(...records.map((r) => { const [a, b] = describe(r); const li = el('li', { tabIndex: 0 }, el('span', { className: 'title', textContent: a || '—' }), el('span', { className: 'meta', textContent: b }), el('span', { className: 'guid', textContent: r.guid + ' · ' + r.modified.slice(0, 16).replace('T', ' ') })); li.onclick = () => openForm(r); li.onkeydown = (e) => { if (e.key === 'Enter') openForm(r); }; return li; }));
    if (records.length === 0) list.replaceChildren(el('li', { textContent: t().empty }));
    const conflicts = await api('/api/conflicts?datastore=' + datastore);
    $('conflicts').replaceChildren(...conflicts.map((c) => el('pre', { textContent: c.guid + ' · ' + c.deviceId + ' · ' + c.at + '\\n' + c.content })));
    $('conflicts-count').textContent = ' (' + conflicts.length + ')';
  } catch (e) { say(e.message, false); }
}
for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.onclick = () => { datastore = tab.dataset.ds; $('form').hidden = true; load(); };
  tab.onkeydown = (e) => { const tabs = [...document.querySelectorAll('[role=tab]')]; const i = tabs.indexOf(tab); const n = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null; if (n) { n.focus(); n.click(); } };
}
$('add').onclick = () => openForm(null);
$('lang').onclick = () => { lang = lang === 'de' ? 'en' : 'de'; load(); };
load();
`;

export function crmPageHtml(): string {
  const data = `const T = ${JSON.stringify(CRM_PAGE_TEXTS)}; const FIELDS = ${JSON.stringify(FIELD_NAMES)};`;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox-CRM</title><style>${STYLE}</style></head>
<body>
<header><h1 id="title">Sandbox-CRM</h1><button id="lang" type="button">English</button></header>
<main>
<p class="subtitle" id="subtitle"></p>
<div role="tablist" aria-label="CRM">
<button role="tab" data-ds="addressbook" aria-controls="records">Kontakte</button>
<button role="tab" data-ds="calendar" aria-controls="records">Termine</button>
<button role="tab" data-ds="todo" aria-controls="records">Aufgaben</button>
</div>
<div id="bar" class="bar" role="status" aria-live="polite" hidden></div>
<div class="toolbar"><span></span><button id="add" class="primary" type="button">Neu</button></div>
<div class="columns">
<ul id="records" class="records" role="list" aria-live="polite"></ul>
<form id="form" hidden></form>
</div>
<details><summary><span id="conflicts-title"></span><span id="conflicts-count"></span></summary><p id="conflicts-hint" class="meta"></p><div id="conflicts"></div></details>
</main>
<script>${data}${SCRIPT}</script>
</body></html>`;
}
