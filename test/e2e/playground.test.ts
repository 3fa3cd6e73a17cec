import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with `npm run dev`, without type declarations
import { playgroundFolder } from '../../scripts/playground-persona.mjs';
import { PROJECT_ROOT } from '../../src/paths.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { launchBrowser, startPlayground, type Playground } from '../helpers/playground.js';

let bot: BotProcess;
let playground: Playground;
let browser: BrowserContext;
let page: Page;
const screenshots = path.join(PROJECT_ROOT, 'test-results');

/** A fresh bot and Playground, played by one of the demo personas of `npm run dev -- --as`. */
async function start(persona: string) {
  const dataFile = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-e2e-')), 'politirad.json');
  bot = spawnBot({ DATA_FILE: dataFile });
  playground = await startPlayground(await bot.ready, playgroundFolder(PROJECT_ROOT, persona));
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
  await mkdir(screenshots, { recursive: true });
}

async function stop() {
  await browser?.close();
  await playground?.stop();
  bot?.child.kill('SIGTERM');
  await bot?.exited;
}

/** The Playground's message box is a rich-text editor, not an input. */
async function send(text: string) {
  await page.locator('[data-lexical-editor="true"]').last().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A new channel post that @mentions the bot; as in Teams, the bot sees only posts that mention it. */
async function postMentioning(text: string) {
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type('@Polit');
  await page.getByRole('menuitem', { name: 'Politirådsboten' }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post' }).click();
}

describe('the bot in the Microsoft 365 Agents Playground, as the secretary', { timeout: 90_000 }, () => {
  beforeAll(() => start('sekretariat'));
  afterAll(stop);

  it('welcomes the secretary when the app is installed', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Velkommen til Politirådsboten').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText('Du er registrert som Kari Nordmann (sekretariatet).').count()).toBe(1);
  });

  it('shows the help card when the secretary types /hjelp', async () => {
    await send('/hjelp');
    await expect.poll(() => page.getByText('Dette kan du gjøre', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Gjør denne kanalen til Politirådets kanal').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(screenshots, 'playground-hjelp.png'), fullPage: true });
  });

  it('shows help again from the welcome card’s button', async () => {
    await page.getByRole('button', { name: 'Vis alle kommandoer' }).click();
    await expect.poll(() => page.getByText('Dette kan du gjøre', { exact: true }).count(), { timeout: 20_000 }).toBe(2);
  });

  it('suggests the nearest command for a typo', async () => {
    await send('/hjlep');
    // The reply shows in the chat and again in the Playground's log panel.
    await expect.poll(() => page.getByText('Jeg kjenner ikke kommandoen «/hjlep». Mente du /hjelp?').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  });

  it('marks the council’s channel when the secretary types /kanal there', async () => {
    await page.getByText('Møter', { exact: true }).click();
    await expect.poll(() => page.getByText('Jeg er lagt til i denne kanalen.', { exact: false }).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await postMentioning('/kanal');
    await expect.poll(() => page.getByText('Denne kanalen er nå Politirådets kanal. Dagsordener og påminnelser blir postet her.').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-kanal.png'), fullPage: true });
  });
});

describe('the bot in the Microsoft 365 Agents Playground, as a member', { timeout: 90_000 }, () => {
  beforeAll(() => start('medlem'));
  afterAll(stop);

  it('welcomes the member by name and role', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Du er registrert som Ola Hansen (medlem).').count(), { timeout: 30_000 }).toBe(1);
  });

  it('refuses the secretariat’s /kanal in a channel, politely', async () => {
    await page.getByText('Møter', { exact: true }).click();
    await postMentioning('/kanal');
    await expect.poll(() => page.getByText('Beklager, dette kan bare sekretariatet eller administrator gjøre. Ingenting er endret.').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  });
});
