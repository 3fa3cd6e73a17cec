import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { launchBrowser, startPlayground, type Playground } from '../helpers/playground.js';

let bot: BotProcess;
let playground: Playground;
let browser: BrowserContext;
let page: Page;
const screenshots = path.join(PROJECT_ROOT, 'test-results');

beforeAll(async () => {
  const dataFile = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-e2e-')), 'politirad.json');
  bot = spawnBot({ DATA_FILE: dataFile });
  playground = await startPlayground(await bot.ready);
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  bot?.child.kill('SIGTERM');
  await bot?.exited;
});

/** The Playground's message box is a rich-text editor, not an input. */
async function send(text: string) {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the bot in the Microsoft 365 Agents Playground', { timeout: 90_000 }, () => {
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
});
