import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { APP_ID, PUBLIC_HOST, TEAMS_APP_ID, TENANT } from '../helpers/entra.js';
import { launchBrowser } from '../helpers/playground.js';
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
    for (const heading of ['Neste møter', 'Dine oppfølgingspunkter', 'Alle åpne oppfølgingspunkter', 'SaLTo-rapportering']) {
      expect(await page.getByRole('heading', { name: heading, level: 2 }).count(), heading).toBe(1);
    }
    // The agenda cards, rendered by the Adaptive Cards library, with the confidential item named.
    expect(await page.getByRole('article', { name: /Ordinært møte/ }).count()).toBe(3);
    expect(await page.getByText('Situasjonsbrief fra politiet').count()).toBeGreaterThan(0);
    expect(await page.locator('.ac-adaptiveCard').count()).toBeGreaterThanOrEqual(5);
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

  it('shows a member their meetings, their answer and their own points, and nothing of the secretariat’s', async () => {
    await bot.store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2026-12')!.attendance.push({ memberId: 'ola-hansen', answer: 'kommer', at: new Date().toISOString() });
    });
    const page = await browser.newPage();
    await page.goto(`${bot.url}/tab`);
    await signInAs(page, 'ola-hansen');
    expect(await page.getByRole('heading', { name: 'Dine oppfølgingspunkter', level: 2 }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Alle åpne oppfølgingspunkter' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'SaLTo-rapportering' }).count()).toBe(0);
    expect(await page.getByText(ANSWER_KOMMER).count()).toBe(1);
    expect(await page.getByText('Bydelene gir forebyggingsarbeidet').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('the personal tab opened outside Teams, when the bot runs with Teams credentials', { timeout: 60_000 }, () => {
  let bot: BotUnderTest;
  let browser: BrowserContext;
  beforeAll(async () => {
    bot = await startTestBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-used', MicrosoftAppTenantId: TENANT, PUBLIC_BASE_URL: `https://${PUBLIC_HOST}`, TEAMS_APP_ID });
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
