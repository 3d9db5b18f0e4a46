// Issue 16, item 5: "About the map" and "Propose a partnership or a correction". The header's
// About button opens a panel (in fr, ko and en) that names who keeps the map and the data's date
// as the data file gives them, says what the words of the map mean and under which licences;
// its form writes a message whose record, added to the data, passes the same validation as the
// published file (the data tool, and the app's own "Open a dataset…" preview); the mail link goes
// to the data's e-mail address only when the data has one; "Open a dataset…" has left the toolbar
// for the panel. Accessible (axe, focus, Escape) and usable on a phone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DATA, focusReaches, newPage, openMap, ROOT, saveScreenshot, useBrowser } from './support.mjs';

const t = useBrowser();
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const LANGS = ['fr', 'ko', 'en'];
const ABOUT = { fr: 'À propos', ko: '소개', en: 'About' };
const TITLE = { fr: 'À propos de cette carte', ko: '이 지도에 대하여', en: 'About this map' };
const PROPOSE = { fr: 'Proposer un partenariat ou une correction', ko: '교류 제안 또는 정정 요청', en: 'Propose a partnership or a correction' };
const OPEN_DATASET = { fr: 'Ouvrir un jeu de données…', ko: '데이터 파일 열기…', en: 'Open a dataset…' };
// The data's date (data_as_of, 2026-11-28) as each language writes it.
const DATE = { fr: '28 novembre 2026', ko: '2026년 11월 28일', en: '28 November 2026' };
assert.equal(DATA.data_as_of, '2026-11-28');

/** The data tool (the same loader as the map), as scale.test.mjs runs it: exit status 0 = valid. */
const TOOL = path.join(ROOT, 'target', 'debug', 'partnerships-data');
function validate(doc) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-')), 'with-proposal.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  const [cmd, args] = fs.existsSync(TOOL) ? [TOOL, []] : ['cargo', ['run', '--quiet', '--bin', 'partnerships-data', '--']];
  // Throws (with the tool's report) on any problem.
  return execFileSync(cmd, [...args, 'validate', file], { cwd: ROOT }).toString();
}

/** The data file with a proposal applied as a maintainer would: its new authorities added, its
 *  partnership in place of the one of the same id, or at the end. */
function applied(message, base = DATA) {
  const doc = structuredClone(base);
  for (const a of message.authorities) if (!doc.authorities.some((b) => b.id === a.id)) doc.authorities.push(a);
  const i = doc.partnerships.findIndex((p) => p.id === message.partnership.id);
  if (i >= 0) doc.partnerships[i] = message.partnership;
  else doc.partnerships.push(message.partnership);
  return doc;
}

const dialog = (page) => page.locator('dialog.about-panel');
const isOpen = (page) => page.evaluate(() => document.querySelector('dialog.about-panel')?.open === true);

async function openAbout(page, lang) {
  await page.getByRole('button', { name: ABOUT[lang], exact: true }).click();
  await page.waitForFunction(() => document.querySelector('dialog.about-panel')?.open);
}

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

for (const lang of LANGS) {
  test(`About in ${lang}: the header's button opens the panel with the data's publisher and date, the meaning of every status, the licences; Escape closes it and gives the focus back`, async () => {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    await openMap(t.page, t.env.url, `?lang=${lang}`);
    assert.equal(await isOpen(t.page), false);
    await openAbout(t.page, lang);
    const panel = t.page.getByRole('dialog', { name: TITLE[lang] });
    await panel.waitFor();
    assert.equal(new URL(t.page.url()).searchParams.get('about'), '1', 'reachable by its address');
    // The focus is in the panel.
    assert.ok(await t.page.evaluate(() => document.querySelector('dialog.about-panel').contains(document.activeElement)));
    const text = await panel.innerText();
    // Who keeps it, as the data says, and the data's date.
    assert.ok(text.includes(DATA.publisher.name[lang]), `publisher in ${lang}`);
    assert.equal(await panel.locator('.about-publisher a').getAttribute('href'), DATA.publisher.url);
    assert.ok((await panel.locator('.about-date').innerText()).includes(DATE[lang]), await panel.locator('.about-date').innerText());
    // What the words mean: each status, "uncertain", "unknown", and every kind of agreement.
    const terms = await panel.locator('.about-words dt').evaluateAll((dts) => dts.map((d) => [d.dataset.status, d.innerText.trim(), d.nextElementSibling.innerText.trim()]));
    assert.deepEqual(terms.map(([s]) => s), ['signed', 'listed', 'exchange', 'planned', 'uncertain', 'unknown']);
    for (const [status, term, meaning] of terms) assert.ok(term.length > 0 && meaning.length > 20, `${status}: ${term} / ${meaning}`);
    const kinds = await panel.locator('.about-kinds li').evaluateAll((lis) => lis.map((li) => li.dataset.kind));
    assert.deepEqual(kinds, DATA.agreement_kinds.map((k) => k.id));
    for (const k of DATA.agreement_kinds) assert.ok(text.includes(k.label[lang]), k.label[lang]);
    // The licences: none declared for the data, Natural Earth (public domain) for the basemap.
    assert.match(await panel.locator('.about-licence').innerText(), /Natural Earth/);
    assert.ok(await panel.getByRole('button', { name: PROPOSE[lang] }).isVisible());
    // Escape closes it, the focus goes back to the button, and the address forgets it.
    await t.page.keyboard.press('Escape');
    await t.page.waitForFunction(() => !document.querySelector('dialog.about-panel').open);
    await focusReaches(t.page, (name) => document.activeElement?.textContent.trim() === name, ABOUT[lang], `back on "${ABOUT[lang]}"`);
    await t.page.waitForFunction(() => !new URL(location.href).searchParams.has('about'));
  });
}

test('Escape closes the panel only: the card under it stays open', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&pair=seoul-paris');
  await t.page.locator('article.pair-card[data-pair-id="seoul-paris"]').waitFor();
  await openAbout(t.page, 'en');
  await t.page.keyboard.press('Escape');
  await t.page.waitForFunction(() => !document.querySelector('dialog.about-panel').open);
  await t.page.waitForFunction(() => !new URL(location.href).searchParams.has('about'));
  assert.equal(new URL(t.page.url()).searchParams.get('pair'), 'seoul-paris');
  assert.equal(await t.page.locator('article.pair-card[data-pair-id="seoul-paris"]').count(), 1);
  // A second Escape is the card's.
  await t.page.keyboard.press('Escape');
  await t.page.locator('article.pair-card').waitFor({ state: 'detached' });
});

test('the panel opens from its address and Back closes it; the close button works too', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&about=1');
  await t.page.waitForFunction(() => document.querySelector('dialog.about-panel')?.open);
  await t.page.getByRole('button', { name: 'Close' }).last().click();
  await t.page.waitForFunction(() => !document.querySelector('dialog.about-panel').open);
  await openAbout(t.page, 'en');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('about') === '1');
  await t.page.goBack();
  await t.page.waitForFunction(() => !document.querySelector('dialog.about-panel').open);
  assert.ok(!new URL(t.page.url()).searchParams.has('about'));
});

test('"Open a dataset…" has left the toolbar for the About panel, and still previews a file there', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const toolbar = t.page.locator('.list-header');
  assert.ok((await toolbar.innerText()).includes('Download CSV'), 'the CSV download stays for visitors');
  assert.ok(!(await toolbar.innerText()).includes(OPEN_DATASET.en));
  assert.equal(await t.page.locator('input[type=file]').count(), 0, 'no file picker for visitors');
  await openAbout(t.page, 'en');
  assert.equal(await t.page.locator('input[type=file]').count(), 1);
  assert.equal(await dialog(t.page).locator('input[type=file]').count(), 1, 'the only file picker is the panel\'s');
  const maintainers = dialog(t.page).locator('.about-maintainers');
  assert.ok(await maintainers.getByText(OPEN_DATASET.en).isVisible());
  const doc = structuredClone(DATA);
  doc.partnerships = doc.partnerships.filter((p) => p.id === 'seoul-paris');
  doc.events = [];
  await maintainers.locator('input[type=file]').setInputFiles({ name: 'picked.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await t.page.locator('.preview-banner').waitFor();
  await t.page.waitForFunction(() => !document.querySelector('dialog.about-panel').open);
  assert.deepEqual(await t.page.$$eval('li[data-pair-id]', (lis) => lis.map((li) => li.dataset.pairId)), ['seoul-paris']);
});

test('the propose form: the downloaded and the copied message are the same, and its record passes the data tool and the app\'s own preview', async () => {
  t.page = await newPage(t.env);
  await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openMap(t.page, t.env.url, '?lang=en');
  await openAbout(t.page, 'en');
  await dialog(t.page).getByRole('button', { name: PROPOSE.en }).click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('about') === 'propose');
  await dialog(t.page).getByRole('heading', { name: PROPOSE.en }).waitFor();
  // Nothing filled: what is missing is said, and nothing can be sent.
  const missing = dialog(t.page).locator('.propose-missing');
  assert.match(await missing.innerText(), /name the Korean authority/);
  assert.equal(await dialog(t.page).locator('.propose-copy').isDisabled(), true);
  assert.equal(await dialog(t.page).locator('.propose-download').isDisabled(), true);

  await t.page.getByLabel('Korean authority').fill('Seoul');
  await t.page.getByLabel('French authority').fill('Saint-Mandé');
  await t.page.getByLabel('Agreement or status').selectOption('friendship');
  await t.page.getByLabel('Year of first agreement').fill('2019');
  await dialog(t.page).locator('#propose-theme-youth').check();
  await t.page.getByLabel('Sources (one web address per line)').fill('https://example.org/news/seoul-saint-mande\nnot a link');
  assert.match(await missing.innerText(), /line 2 of the sources is not a web address/);
  await t.page.getByLabel('Sources (one web address per line)').fill('https://example.org/news/seoul-saint-mande');
  await t.page.getByLabel('What should be corrected? Anything to add?').fill('Signed at the town hall.');
  assert.equal(await missing.isHidden(), true);

  const [download] = await Promise.all([t.page.waitForEvent('download'), dialog(t.page).locator('.propose-download').click()]);
  assert.equal(download.suggestedFilename(), 'proposal-seoul-saint-mande.json');
  const text = fs.readFileSync(await download.path(), 'utf8');
  await dialog(t.page).locator('.propose-copy').click();
  await dialog(t.page).locator('.propose-status', { hasText: 'Message copied' }).waitFor();
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), text, 'copied = downloaded');

  const message = JSON.parse(text);
  assert.equal(message.correction_of, null);
  assert.equal(message.comment, 'Signed at the town hall.');
  assert.deepEqual(message.sources, ['https://example.org/news/seoul-saint-mande']);
  const p = message.partnership;
  assert.deepEqual(p.authorities, ['kr-seoul', 'fr-saint-mande']);
  assert.deepEqual([p.status, p.kind, p.year, p.date, p.last_verified, p.summary], ['signed', 'friendship', 2019, null, null, null]);
  assert.deepEqual(p.themes, ['youth']);
  // Same keys as a record of the data file (an agreement's wording, unknown for a new pair, is
  // left out as the data file leaves it out).
  assert.deepEqual(Object.keys(p).sort(), Object.keys(DATA.partnerships[0]).filter((k) => k !== 'wording').sort());
  assert.equal(p.wording, undefined);
  const doc = applied(message);
  assert.match(validate(doc), /valid/);

  // And through the map's own loader: the preview of "Open a dataset…" shows it, with no problem.
  await dialog(t.page).getByRole('button', { name: 'Back to About' }).click();
  await dialog(t.page).getByRole('heading', { name: TITLE.en }).waitFor();
  await dialog(t.page).locator('.about-maintainers input[type=file]').setInputFiles({ name: 'with-proposal.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
  await t.page.locator('.preview-banner').waitFor();
  assert.equal(await t.page.locator('section.problems').count(), 0);
  await t.page.locator('li[data-pair-id="seoul-saint-mande"]').waitFor();
});

test('authorities not on the map come as new records: a name in Latin letters and a region are asked for, and the result is valid', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=ko&about=propose');
  const panel = dialog(t.page);
  await panel.locator('#propose-kr-name').fill('강릉시');
  await panel.locator('#propose-fr-name').fill('Quimper');
  // The form asks for what a new record needs.
  assert.match(await panel.locator('.propose-missing').innerText(), /로마자 이름/);
  await panel.locator('#propose-kr-latin').fill('Gangneung');
  await panel.locator('#propose-kr-region').selectOption('KR-42');
  await panel.locator('#propose-fr-region').selectOption('FR-BRE');
  assert.equal(await panel.locator('#propose-fr-latin').count(), 0, 'a Latin name needs no Latin name');
  await panel.locator('#propose-sources').fill('https://example.org/quimper-gangneung');
  const [download] = await Promise.all([t.page.waitForEvent('download'), panel.locator('.propose-download').click()]);
  const message = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(message.authorities.map((a) => [a.id, a.name.fr, a.name.ko, a.region, a.location]), [
    ['kr-gangneung', 'Gangneung', '강릉시', 'KR-42', null],
    ['fr-quimper', 'Quimper', null, 'FR-BRE', null],
  ]);
  assert.equal(message.partnership.id, 'gangneung-quimper');
  assert.match(validate(applied(message)), /valid/);
});

test('the mail link is addressed to the data\'s e-mail when the data has one, and absent when it has none', async () => {
  // The published data gives no address: copy and download only, and the form says so.
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=fr&pair=seoul-paris&about=propose');
  const panel = dialog(t.page);
  await panel.locator('.propose-download:not([disabled])').waitFor();
  assert.equal(await panel.locator('#propose-which').inputValue(), 'seoul-paris', 'a correction of the pair shown');
  assert.equal(await panel.locator('a[href^="mailto:"]').count(), 0);
  assert.ok(await panel.locator('.propose-no-email').isVisible());
  assert.ok((await panel.locator('.propose-to').innerText()).includes(DATA.publisher.name.fr));
  await t.page.context().close();

  // The same data with an address: the link goes there, with the whole message.
  const withEmail = structuredClone(DATA);
  withEmail.publisher.email = 'groupe.coree@example.org';
  t.page = await newPage(t.env);
  await t.page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withEmail) }));
  await openMap(t.page, t.env.url, '?lang=fr&pair=seoul-paris&about=propose');
  const form = dialog(t.page);
  await form.locator('#propose-year').fill('1992');
  const link = form.locator('a.propose-mail');
  await link.waitFor();
  assert.equal(await form.locator('.propose-no-email').count(), 0);
  const href = new URL(await link.getAttribute('href'));
  assert.equal(href.protocol, 'mailto:');
  assert.equal(href.pathname, 'groupe.coree@example.org');
  assert.match(href.searchParams.get('subject'), /^Proposition pour la carte des partenariats franco-coréens : Séoul ↔ Paris$/);
  const body = href.searchParams.get('body');
  const message = JSON.parse(body.slice(body.indexOf('{')));
  assert.equal(message.correction_of, 'seoul-paris');
  assert.equal(message.partnership.year, 1992);
  assert.equal(message.partnership.date, null, 'the 1991 day does not stay in 1992');
  assert.match(validate(applied(message, withEmail)), /valid/);
});

for (const [width, height] of [[1280, 800], [390, 844]]) for (const lang of LANGS) {
  test(`axe: no violation with the About panel, then its form, open in ${lang} at ${width}×${height}; screenshots`, async () => {
    const phone = width < 600;
    t.page = await newPage(t.env, { width, height, touch: phone });
    await openMap(t.page, t.env.url, `?lang=${lang}`);
    await openAbout(t.page, lang);
    assert.deepEqual(await violations(t.page), []);
    await saveScreenshot(t.page, `about-${width}-${lang}`);
    await dialog(t.page).locator('.about-maintainers').scrollIntoViewIfNeeded();
    await saveScreenshot(t.page, `about-${width}-${lang}-end`);
    await dialog(t.page).getByRole('button', { name: PROPOSE[lang] }).click();
    await dialog(t.page).locator('.propose-form').waitFor();
    // The heading of the form has the focus, as a new page would.
    await focusReaches(t.page, () => document.activeElement?.id === 'about-title', null, 'on the form\'s heading');
    await dialog(t.page).locator('#propose-fr-name').fill('Quimper');
    assert.deepEqual(await violations(t.page), []);
    await saveScreenshot(t.page, `propose-${width}-${lang}`);
    await dialog(t.page).locator('.propose-send').scrollIntoViewIfNeeded();
    await saveScreenshot(t.page, `propose-${width}-${lang}-send`);
  });
}

test('on a phone the panel is the whole screen, nothing in it is wider than the screen, and every target is 44 px', async () => {
  t.page = await newPage(t.env, { width: 390, height: 844, touch: true });
  await openMap(t.page, t.env.url, '?lang=fr');
  const button = await t.page.getByRole('button', { name: ABOUT.fr, exact: true }).boundingBox();
  assert.ok(button.height >= 44, `About button ${button.height}px`);
  await openAbout(t.page, 'fr');
  const check = () => t.page.evaluate(() => {
    const d = document.querySelector('dialog.about-panel');
    const r = d.getBoundingClientRect();
    const small = [...d.querySelectorAll('button, a, input:not([type=checkbox]):not(.visually-hidden), select, textarea, summary, label.file-button, label.propose-theme')]
      .filter((el) => el.offsetParent !== null && !el.closest('.about-words, .about-kinds, .about-publisher'))
      .map((el) => [el.className || el.tagName, el.getBoundingClientRect().height])
      .filter(([, h]) => h < 44);
    return { box: [r.left, r.top, r.width, r.height], wide: d.scrollWidth > d.clientWidth, small };
  });
  let state = await check();
  assert.deepEqual(state.box.map(Math.round), [0, 0, 390, 844]);
  assert.equal(state.wide, false);
  assert.deepEqual(state.small, []);
  await dialog(t.page).getByRole('button', { name: PROPOSE.fr }).click();
  await dialog(t.page).locator('.propose-form').waitFor();
  await dialog(t.page).locator('#propose-kr-name').fill('강릉시');
  state = await check();
  assert.deepEqual(state.box.map(Math.round), [0, 0, 390, 844]);
  assert.equal(state.wide, false);
  assert.deepEqual(state.small, []);
});

test('the panel and its form are left out of an embed and of the kiosk', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&embed=1&about=1');
  assert.equal(await t.page.locator('dialog.about-panel, .about-open').count(), 0);
  await openMap(t.page, t.env.url, '?lang=en&mode=kiosk&about=1');
  assert.equal(await t.page.locator('dialog.about-panel, .about-open').count(), 0);
});
