import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeItem } from '../../src/domain/agenda.js';
import { answerReport, openRound, startReport } from '../../src/domain/salto-rounds.js';
import { messages } from '../../src/i18n/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { OIDS, startFakeEntra, TEAMS_APP_ID, type FakeEntra, withTeamsCredentials } from '../helpers/entra.js';
import { launchBrowser } from '../helpers/playground.js';
import { NOW } from '../helpers/builders.js';
import { startTestBot, type BotUnderTest } from '../helpers/running-bot.js';

const ANSWER_KOMMER = messages('nb')['agenda.answer.kommer'];
const screenshots = path.join(PROJECT_ROOT, 'test-results');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, checked by axe-core in the page as it is shown. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's devtools channel, so the page's own script policy stays on.
  await page.evaluate(await axeSource);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
    violations: { id: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Console errors (a blocked script or request shows up here) collected while a test runs. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function signInAs(page: Page, memberId: string): Promise<void> {
  await page.getByLabel('Logg inn som').selectOption(memberId);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.getByRole('heading', { name: 'Neste møter' }).waitFor();
}

describe('the personal tab in Chromium, in local mode', { timeout: 90_000 }, () => {
  let bot: BotUnderTest;
  let browser: BrowserContext;
  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    bot = await startTestBot();
    // A member's proposal waiting for the secretariat, so its section shows a card.
    await bot.store.update((data) => {
      proposeItem(data, 'mote-2027-03', 'ola-hansen', { title: 'Trygghet i T-banen', description: 'Vekterne melder om mer uro.' }, new Date(NOW));
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('offers a clearly marked development sign-in, works by keyboard alone, and shows the secretary everything', async () => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto(`${bot.url}/tab`);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Utviklingsinnlogging');
    expect(await page.getByRole('note').textContent()).toContain('finnes ikke i produksjon');

    // The first Tab reaches the skip link, then the member list, then the button.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Hopp til innholdet');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe('dev-member');
    await page.keyboard.type('Kari');
    expect(await page.locator('#dev-member').inputValue()).toBe('kari-nordmann');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Neste møter' }).waitFor();

    expect(await page.locator('#viewer').textContent()).toBe('Innlogget som Kari Nordmann (sekretariatet)');
    for (const heading of ['Neste møter', 'Siste referat', 'Dine oppfølgingspunkter', 'Alle åpne oppfølgingspunkter', 'Forslag som venter', 'SaLTo-rapportering']) {
      expect(await page.getByRole('heading', { name: heading, level: 2 }).count(), heading).toBe(1);
    }
    // The agenda cards, rendered by the Adaptive Cards library, with the confidential item named.
    expect(await page.getByRole('article', { name: /Ordinært møte/ }).count()).toBe(3);
    expect(await page.getByText('Situasjonsbrief fra politiet').count()).toBeGreaterThan(0);
    expect(await page.getByRole('article', { name: 'Trygghet i T-banen' }).getByText('Ta stilling til det med /dagsorden i chatten med boten.', { exact: false }).count()).toBe(1);
    expect(await page.locator('.ac-adaptiveCard').count()).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
  });

  const themes = [
    ['default', 'lys'],
    ['dark', 'mork'],
    ['contrast', 'kontrast'],
  ] as const;
  it.each(themes)('meets WCAG 2.1 AA in the %s theme (axe-core) and looks like Teams in it', async (theme, name) => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto(`${bot.url}/tab?theme=${theme}`);
    await signInAs(page, 'kari-nordmann');
    expect(await page.locator('body').getAttribute('data-theme')).toBe(theme);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, `tab-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows a member their meetings, their answer, the latest minutes and their own points, and nothing of the secretariat’s', async () => {
    await bot.store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2026-12')!.attendance.push({ memberId: 'ola-hansen', answer: 'kommer', at: new Date().toISOString() });
      const held = data.meetings.find((m) => m.id === 'mote-2024-10')!;
      held.minutes = { ...held.minutes!, sentAt: '2024-10-14T10:00:00Z', sentRevision: 1 };
    });
    const page = await browser.newPage();
    await page.goto(`${bot.url}/tab`);
    await signInAs(page, 'ola-hansen');
    expect(await page.getByRole('heading', { name: 'Dine oppfølgingspunkter', level: 2 }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Alle åpne oppfølgingspunkter' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'SaLTo-rapportering' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Forslag som venter' }).count()).toBe(0);
    expect(await page.getByText(ANSWER_KOMMER).count()).toBe(1);
    // Their point, once among their points and once in the minutes under the item it was agreed under.
    expect(await page.getByText('Bydelene gir forebyggingsarbeidet').count()).toBe(2);
    const minutes = page.getByRole('article', { name: 'Ordinært møte mandag 7. oktober 2024 kl. 10.00' });
    expect(await minutes.getByText('Sendt til rådet 14. oktober 2024.').count()).toBe(1);
    expect(await minutes.getByText('Politiet ønsker en Oslostandard for en-til-en-oppfølging.', { exact: false }).count()).toBe(1);
    expect(await minutes.getByText('• Bydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud. Ansvar: Oslo kommune (Ola Hansen).', { exact: false }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a SaLTo coordinator where their report stands, and no follow-up points', async () => {
    await bot.store.update((data) => {
      const now = new Date(NOW);
      const aisha = data.members.find((m) => m.id === 'aisha-rahman');
      const round = openRound(data, 'mote-2026-12', undefined, 'kari-nordmann', now, 'Europe/Oslo').round;
      const report = startReport(data, round.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
      answerReport(data, report.id, aisha, { kind: 'answer', text: '2' }, undefined, now, 'Europe/Oslo');
    });
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto(`${bot.url}/tab`);
    await signInAs(page, 'aisha-rahman');
    expect(await page.getByRole('heading', { name: 'Din SaLTo-rapport', level: 2 }).count()).toBe(1);
    expect(await page.getByRole('article', { name: 'Bydel Grorud' }).getByText(/^Påbegynt: du er på spørsmål 2 av 18\./).count()).toBe(1);
    expect(await page.getByText('Noen utfordringer').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Dine oppfølgingspunkter' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lever rapporten' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the personal tab opened outside Teams, when the bot runs with Teams credentials', { timeout: 60_000 }, () => {
  let bot: BotUnderTest;
  let browser: BrowserContext;
  beforeAll(async () => {
    bot = await startTestBot(withTeamsCredentials());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('says in Norwegian that it belongs in Teams and links there, at once and without a sign-in', async () => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await page.goto(`${bot.url}/tab`);
    // Answered within a second or two: the page does not wait for a Teams host that is not there.
    await page.getByRole('heading', { name: 'Denne siden er laget for Microsoft Teams.' }).waitFor({ timeout: 3000 });
    const link = page.getByRole('link', { name: 'Åpne i Teams' });
    expect(await link.getAttribute('href')).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/oversikt`);
    expect(await page.getByRole('note').isVisible()).toBe(false);
    expect(await page.locator('#dev-member').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'tab-utenfor-teams.png') });
    expect(errors).toEqual([]);
  });

  it('speaks English when Teams passes an English locale', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.url}/tab?lang=en-us&theme=dark`);
    await page.getByRole('heading', { name: 'This page is made for Microsoft Teams.' }).waitFor({ timeout: 3000 });
    expect([await page.locator('html').getAttribute('lang'), await page.locator('body').getAttribute('data-theme')]).toEqual(['en', 'dark']);
    expect(await page.getByRole('link', { name: 'Open in Teams' }).count()).toBe(1);
  });
});

/**
 * A stand-in for Teams: a page at https://teams.microsoft.com (answered by the browser itself
 * through request routing, so nothing leaves the machine) that frames the tab and answers
 * teams-js's messages: initialize, getContext (dark theme, Norwegian) and getAuthToken, which hands
 * out a token from the fake Entra. `setTheme` sends Teams' theme change.
 */
function teamsHostPage(tabUrl: string, token: string): string {
  const script = `
    const frame = document.getElementById('tab');
    window.calls = [];
    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow) return;
      const m = event.data;
      window.calls.push(m.func);
      const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
      if (m.func === 'initialize') reply(['content', 'web', JSON.stringify({ apiVersion: 4, supports: { appEntity: {}, teams: {} } }), '2.58.0']);
      else if (m.func === 'getContext') reply([{ theme: 'dark', locale: 'nb-no', entityId: 'oversikt', frameContext: 'content', hostClientType: 'web' }]);
      else if (m.func === 'authentication.getAuthToken') reply([true, ${JSON.stringify(token)}]);
      else reply([]);
    });
    window.setTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');`;
  return `<!doctype html><html lang="nb"><head><title>Teams</title></head><body><iframe id="tab" title="Politirådet" src="${tabUrl}" style="width:1200px;height:850px;border:0"></iframe><script>${script}</script></body></html>`;
}

describe('the personal tab inside a Teams host, signed in with Teams single sign-on', { timeout: 60_000 }, () => {
  let entra: FakeEntra;
  let bot: BotUnderTest;
  let browser: BrowserContext;
  beforeAll(async () => {
    entra = await startFakeEntra();
    bot = await startTestBot(withTeamsCredentials({ ENTRA_JWKS_URL: entra.jwksUrl }));
    // A public page framing a loopback one is blocked by Chromium's local network checks; the real
    // tab is on a public host, so the check is switched off for this stand-in only.
    browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks']);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await entra?.close();
  });

  it('starts teams-js, takes the theme from Teams, signs in with the SSO token and follows a theme change', async () => {
    const token = await entra.token({ oid: OIDS.ola });
    await browser.route('https://teams.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/html', body: teamsHostPage(`${bot.url}/tab?theme=default&lang=nb-no`, token) }));
    await browser.route('https://res.cdn.office.net/**', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }) }));
    const page = await browser.newPage();
    await page.goto('https://teams.microsoft.com/_politirad-test-host');
    const tab = page.frameLocator('#tab');
    await tab.getByRole('heading', { name: 'Neste møter' }).waitFor({ timeout: 15_000 });
    expect(await tab.locator('#viewer').textContent()).toBe('Innlogget som Ola Hansen (medlem)');
    expect(await tab.getByRole('note').isVisible()).toBe(false);
    expect(await page.evaluate('window.calls')).toEqual(expect.arrayContaining(['initialize', 'getContext', 'appInitialization.success', 'authentication.getAuthToken']));
    expect(await tab.locator('body').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: path.join(screenshots, 'tab-i-teams.png') });
    await page.evaluate(`setTheme('contrast')`);
    await expect.poll(() => tab.locator('body').getAttribute('data-theme')).toBe('contrast');
  });
});
