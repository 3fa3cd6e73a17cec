import { mkdir, mkdtemp } from 'node:fs/promises';
import { readSaved } from '../../src/store/file-store.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with `npm run dev`, without type declarations
import { playgroundFolder } from '../../scripts/playground-persona.mjs';
import { PROJECT_ROOT } from '../../src/paths.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { seedFileWith } from '../helpers/running-bot.js';
import { launchBrowser, startPlayground, type Playground } from '../helpers/playground.js';

let bot: BotProcess;
let playground: Playground;
let browser: BrowserContext;
let page: Page;
const screenshots = path.join(PROJECT_ROOT, 'test-results');

let dataFile: string;

/** A fresh bot and Playground, played by one of the demo personas of `npm run dev -- --as`. */
async function start(persona: string, seedFile?: string) {
  dataFile = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-e2e-')), 'politirad.json');
  // Look for due agendas every second, so a meeting set within the lead time posts promptly.
  bot = spawnBot({ DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '1000', ...(seedFile ? { SEED_FILE: seedFile } : {}) });
  await openPlayground(persona);
  await mkdir(screenshots, { recursive: true });
}

/** The Playground (and a fresh browser) for a persona, against the bot already running. */
async function openPlayground(persona: string) {
  playground = await startPlayground(await bot.ready, playgroundFolder(PROJECT_ROOT, persona));
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
}

async function closePlayground() {
  await browser?.close();
  await playground?.stop();
}

async function stop() {
  await closePlayground();
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

/** A date a few days ahead, picked in the card's date picker (it takes no typed text). */
async function pickDate(daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  const label = `${day.getDate()}, ${day.toLocaleString('en-US', { month: 'long' })}, ${day.getFullYear()}`;
  await page.locator('input[aria-label="Select a date..."]').last().click();
  await page.getByRole('button', { name: label, exact: true }).click();
}

describe('meetings and agendas in the Playground', { timeout: 180_000 }, () => {
  // Without follow-up points or SaLTo reporting on the agendas: an owner's reminder, or the
  // secretary's of a round not opened, arriving mid-click would redraw the chat.
  beforeAll(async () =>
    start(
      'sekretariat',
      await seedWith((seed) => {
        seed['followUps'] = [];
        for (const meeting of seed['meetings'] as { agenda: { id: string }[] }[]) meeting.agenda = meeting.agenda.filter((item) => !item.id.endsWith('-salto'));
      }),
    ),
  );
  afterAll(stop);

  it('lets the secretary create a meeting from the card form', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Velkommen til Politirådsboten').count(), { timeout: 30_000 }).toBe(1);
    await send('/møte');
    await expect.poll(() => page.getByText('Nytt møte', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('textbox', { name: /^Tittel/ }).last().fill('Ekstramøte om ungdomsvold');
    await pickDate(2);
    await page.getByRole('textbox', { name: /^Sted/ }).last().fill('Oslo rådhus');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await expect.poll(() => page.getByText('Rediger dagsorden: Ekstramøte om ungdomsvold').count(), { timeout: 20_000 }).toBe(1);
  });

  it('holds the agenda, since the meeting is within the lead time, and posts it when the secretary sends it', async () => {
    await expect.poll(() => page.getByText(/^Dagsordenen sendes (ut .* så den venter til da|ikke ut av seg selv)/).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText('Dagsorden for neste møte').count()).toBe(0);
    await page.getByRole('button', { name: 'Send dagsorden nå' }).last().click();
    await page.getByRole('button', { name: 'Ja, send den' }).last().click();
    await expect.poll(() => page.getByText('Dagsorden for neste møte').count(), { timeout: 20_000 }).toBe(1);
    // The editor answers in place: going out, or already out if the scheduler was quicker than the answer.
    await expect.poll(() => page.getByText(/^Dagsordenen (sendes ut nå\.|er sendt ut\. Endringer)/).count(), { timeout: 20_000 }).toBe(1);
  });

  it('adds an agenda item, and the posted agenda card is updated in place', async () => {
    await page.getByRole('button', { name: 'Legg til sak' }).click();
    await expect.poll(() => page.getByText('Ny sak', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('textbox', { name: /^Tittel/ }).last().fill('Trygghet i T-banen');
    await page.getByRole('textbox', { name: /^Innleder/ }).last().fill('Oslo politidistrikt');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    // Once in the editor and once in the posted agenda, which now says it was changed.
    await expect.poll(() => page.getByText('Trygghet i T-banen').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByText(/^Endret /).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-dagsorden.png'), fullPage: true });
  });

  it('lets a member open the agenda with /neste and send apologies with a substitute', async () => {
    // The Playground's ids are fixed, so the member reuses the chat the secretary was in.
    await closePlayground();
    await openPlayground('medlem');
    await page.goto(playground.url);
    await expect.poll(() => page.locator('[data-lexical-editor="true"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await send('/neste');
    await expect.poll(() => page.getByText('Trygghet i T-banen').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Meld forfall' }).click();
    await page.getByRole('textbox', { name: /^Vara/ }).fill('Per Vara');
    await page.getByRole('button', { name: 'Send forfall' }).click();
    await expect.poll(() => page.getByText('Ditt svar: Forfall. Vara: Per Vara.').count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-forfall.png'), fullPage: true });
    const data = await readSaved(dataFile);
    const meeting = data.meetings.find((m) => m.title === 'Ekstramøte om ungdomsvold');
    expect(meeting?.attendance).toEqual([expect.objectContaining({ memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Vara' })]);
  });
});

describe('the secretariat’s follow-up points, SaLTo setup and minutes in the Playground', { timeout: 120_000 }, () => {
  beforeAll(() => start('sekretariat'));
  afterAll(stop);

  it('lets the secretary type /status and mark a point done on the card', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Velkommen til Politirådsboten').count(), { timeout: 30_000 }).toBe(1);
    await send('/status');
    const title = 'Bydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud';
    await expect.poll(() => page.getByText(title).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/^Alle åpne punkter: 15 /).count(), { timeout: 20_000 }).toBe(1);
    // The innermost card container holding the point's title is the point itself.
    const point = page.locator('.ac-container').filter({ hasText: title }).last();
    await point.getByRole('button', { name: 'Fullført' }).click();
    await expect.poll(() => page.getByText('Punktet er markert som fullført.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(title).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByText(/^Alle åpne punkter: 14 /).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-status.png'), fullPage: true });
    const data = await readSaved(dataFile);
    const saved = data.followUps.find((p) => p.id === 'op-2024-03');
    expect(saved?.status).toBe('fullført');
    expect(saved?.history.at(-1)?.byMemberId).toBe('kari-nordmann');
  });

  it('lets the secretary correct a point with «Endre»: a new title and owner, the deadline kept', async () => {
    await send('/status politiet');
    const title = 'Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging';
    // The point may be on the earlier /status card too: wait for the new card, the last one.
    const selection = 'Ansvarlig Oslo politidistrikt: 13 punkter · side 1 av 2';
    await expect.poll(() => page.getByText(selection).count(), { timeout: 20_000 }).toBe(1);
    const point = page.locator('.ac-container').filter({ hasText: title }).last();
    await point.getByRole('button', { name: 'Endre' }).click();
    await expect.poll(() => page.getByText('Endre oppfølgingspunkt').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('textbox', { name: 'Hva skal følges opp?' }).last().fill('Politirådet orienteres om Oslostandarden for en-til-en-oppfølging');
    // The Playground draws a choice set as a Fluent UI combobox: open it, then pick the option.
    await page.getByRole('combobox', { name: /^Eier/ }).last().click();
    await page.getByRole('option', { name: 'Ola Hansen' }).click();
    await page.getByRole('button', { name: 'Gå videre' }).last().click();
    await expect.poll(() => page.getByText('Dette endres: tittel og eier. Ingenting er lagret ennå.').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Lagre endringene' }).last().click();
    // Back to the points as they were chosen, on the same card.
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Endringen er lagret: tittel og eier.' });
    await expect.poll(() => card.filter({ hasText: selection }).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-status-endre.png'), fullPage: true });
    const saved = (await readSaved(dataFile)).followUps.find((p) => p.id === 'op-2024-02')!;
    expect(saved).toMatchObject({ title: 'Politirådet orienteres om Oslostandarden for en-til-en-oppfølging', ownerMemberId: 'ola-hansen', dueDate: '2027-03-01' });
    expect(saved.history.at(-1)).toMatchObject({ byMemberId: 'kari-nordmann', edited: ['title', 'owner'] });
    // The correction is in the point's history.
    await card.locator('.ac-container').filter({ hasText: 'Politirådet orienteres om Oslostandarden' }).last().getByRole('button', { name: 'Historikk' }).click();
    await expect.poll(() => page.getByText('Endret: tittel og eier').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Historikk for oppfølgingspunktet').count(), { timeout: 20_000 }).toBe(1);
  });

  it("lets the secretary give a unit a new coordinator with /salto, and open a round from the agenda's SaLTo item", async () => {
    await send('/salto');
    await expect.poll(() => page.getByText('SaLTo-oppsett', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    // The innermost element holding both the unit's name and an Endre button is the unit's row.
    const alna = page
      .locator('div')
      .filter({ has: page.getByText('Bydel Alna', { exact: true }) })
      .filter({ has: page.getByRole('button', { name: 'Endre' }) })
      .last();
    await expect.poll(() => alna.getByText('Bydel · Ingen koordinator').count(), { timeout: 20_000 }).toBe(1);
    await alna.getByRole('button', { name: 'Endre' }).click();
    await expect.poll(() => page.getByText('Endre Bydel Alna').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('textbox', { name: /^Ny koordinator: navn/ }).last().fill('Nora Alna');
    await page.getByRole('textbox', { name: /^Ny koordinator: e-post/ }).last().fill('nora.alna@oslo-kommune.example');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect.poll(() => page.getByText(/^Bydel Alna er lagret\. Nye koordinatorer for enheten: Nora Alna\./).count(), { timeout: 20_000 }).toBe(1);
    await page.getByText('Bydel Alna', { exact: true }).last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'playground-salto-oppsett.png'), fullPage: true });

    await send('/dagsorden');
    await expect.poll(() => page.getByText(/^Rediger dagsorden/).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Rapportrunde', exact: true }).click();
    await expect.poll(() => page.getByText('Ny SaLTo-rapportrunde').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Åpne runden' }).click();
    await expect.poll(() => page.getByText(/^Runden er åpnet\./).count(), { timeout: 20_000 }).toBe(1);

    const data = await readSaved(dataFile);
    expect(data.members.find((m) => m.id === 'nora-alna')).toMatchObject({ roles: ['salto-koordinator'], unitIds: ['bydel-alna'] });
    expect(data.saltoRounds).toHaveLength(1);
    expect(data.saltoRounds[0]!.meetingId).toMatch(/^mote-/);
  });

  it('lets the secretary write the minutes of the last meeting with /referat, send them, and make a follow-up point from an item', async () => {
    await send('/referat');
    await expect.poll(() => page.getByText('Referat: Ordinært møte', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    const eventuelt = page.getByRole('textbox', { name: '8. Eventuelt' }).last();
    await expect.poll(() => eventuelt.inputValue(), { timeout: 20_000 }).toBe('Ingen saker.');
    await eventuelt.fill('Ingen saker ble meldt.');
    await page.getByRole('button', { name: 'Lagre referatet' }).last().click();
    await expect.poll(() => page.getByText('Referatet er lagret, med tekst under 8 av 8 saker.').count(), { timeout: 20_000 }).toBe(1);
    // Once saved, the card offers the Word file (the Playground draws a link button as plain text).
    await expect.poll(() => page.getByText('Last ned referatet (Word)', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, 'playground-referat.png'), fullPage: true });
    const minutes = (await readSaved(dataFile)).meetings.find((m) => m.id === 'mote-2024-10')!.minutes!;
    expect(minutes.items['mote-2024-10-8']).toBe('Ingen saker ble meldt.');
    expect(minutes.items['mote-2024-10-1']).toBe('Dagsorden godkjent.');
    expect(minutes).toMatchObject({ revision: 2, updatedBy: 'kari-nordmann' });

    // "Send til rådet" saves what is typed on the form first, then sends that.
    await page.getByRole('textbox', { name: '8. Eventuelt' }).last().fill('Ingen saker ble meldt i møtet.');
    await page.getByRole('button', { name: 'Send til rådet' }).last().click();
    await page.getByRole('button', { name: 'Lagre og send referatet' }).last().click();
    await expect.poll(() => page.getByText(/^Referatet er lagret og sendes nå til rådet: \d+ mottakere?\.$/).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Referatet fra møtet er klart.').count(), { timeout: 20_000 }).toBe(1);
    const sent = (await readSaved(dataFile)).meetings.find((m) => m.id === 'mote-2024-10')!.minutes!;
    expect(sent).toMatchObject({ revision: 3, sentRevision: 3 });
    expect(sent.items['mote-2024-10-8']).toBe('Ingen saker ble meldt i møtet.');

    // A follow-up point from an item: the button saves what is typed first, and the point's form leads back here.
    await page.getByRole('textbox', { name: '8. Eventuelt' }).last().fill('Bydel Alna tok opp trygghet på T-banen.');
    await page.getByRole('button', { name: 'Nytt oppfølgingspunkt' }).last().click();
    await expect.poll(() => page.getByText('Fra sak 8 på dagsordenen for 7. oktober 2024. Punktet knyttes til saken.').count(), { timeout: 20_000 }).toBe(1);
    expect((await readSaved(dataFile)).meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.items['mote-2024-10-8']).toBe('Bydel Alna tok opp trygghet på T-banen.');
    await page.getByRole('textbox', { name: 'Hva skal følges opp?' }).last().fill('Trygghet på T-banen tas opp med Sporveien');
    await page.getByRole('textbox', { name: 'Frist (valgfritt)' }).last().fill('1. mars 2027');
    await page.getByRole('button', { name: 'Gå videre' }).last().click();
    await expect.poll(() => page.getByText('Sjekk særlig fristen. Ingenting er lagret ennå.').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Lagre punktet' }).last().click();
    await expect.poll(() => page.getByText('Oppfølgingspunktet «Trygghet på T-banen tas opp med Sporveien» er lagret under sak 8.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/^• Trygghet på T-banen tas opp med Sporveien\. Ansvar: .* Frist: mandag 1\. mars 2027\.$/).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-referat-punkt.png'), fullPage: true });
    const point = (await readSaved(dataFile)).followUps.find((p) => p.title === 'Trygghet på T-banen tas opp med Sporveien')!;
    expect(point.source).toEqual({ meetingId: 'mote-2024-10', itemId: 'mote-2024-10-8' });
  });

  it('lets the secretary start a new year of the council’s focus areas with /innsatsområder', async () => {
    await send('/innsatsområder');
    await expect.poll(() => page.getByText('Politirådets innsatsområder 2017', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Endre innsatsområder' }).last().click();
    await expect.poll(() => page.getByRole('textbox', { name: /^År/ }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('textbox', { name: /^År/ }).fill('2027');
    const areas = ['Trygge byrom og sentrum', 'Barn og unge', '', '', ''];
    for (const [index, title] of areas.entries()) await page.getByRole('textbox', { name: `Innsatsområde ${index + 1}`, exact: true }).fill(title);
    await page.getByRole('button', { name: 'Lagre' }).last().click();
    await expect.poll(() => page.getByText(/^2027 er startet med disse innsatsområdene\./).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Fra tidligere perioder, med åpne punkter').count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-innsatsomrader.png'), fullPage: true });
    const saved = (await readSaved(dataFile)).focusAreas.filter((a) => a.period === '2027');
    expect(saved.map((a) => [a.id, a.title])).toEqual([
      ['io-2027-1', 'Trygge byrom og sentrum'],
      ['io-2027-2', 'Barn og unge'],
    ]);
  });

  it('lets the secretary search with /søk and open a hit’s agenda and point as new messages, the hits staying', async () => {
    // The minutes written above say "Bydel Alna tok opp trygghet på T-banen." under item 8, and a point was made from it.
    await send('/søk T-banen');
    await expect.poll(() => page.getByText('Søk: «T-banen»', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('2 treff, de nyeste først', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Sak 8 · Ordinært møte mandag 7. oktober 2024 kl. 10.00 · fra referatet', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-sok.png'), fullPage: true });
    // The Playground may drop cards far up the chat from the page, so each check looks at the newest card.
    const newest = () => page.locator('.ac-adaptiveCard').last();
    const hits = page.locator('.ac-adaptiveCard').filter({ hasText: 'Søk: «T-banen»' });
    // «Dagsorden» is an Action.Submit: the agenda comes as a new message, and the hits stay.
    await hits.getByRole('button', { name: 'Dagsorden', exact: true }).click();
    await expect.poll(() => newest().textContent(), { timeout: 20_000 }).toMatch(/mandag 7\. oktober 2024 kl\. 10\.00–.*Forebyggende arbeid i Bydel Grorud/);
    await hits.getByRole('button', { name: 'Vis punktet', exact: true }).click();
    await expect.poll(() => newest().textContent(), { timeout: 20_000 }).toMatch(/^Historikk for oppfølgingspunktetTrygghet på T-banen tas opp med Sporveien/);
    expect(await hits.count()).toBe(1);
  });
});

type Seed = Record<string, unknown[]> & { reportingUnits: { id: string }[] };

/** The demo seed changed for one describe, written to a temporary file. */
const seedWith = (change: (seed: Seed) => void) => seedFileWith((seed) => change(seed as Seed));

/** The demo seed with a meeting a month ahead and its reporting round open, deadline in two weeks. */
function seedWithOpenRound(): Promise<string> {
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return seedWith((seed) => {
    const start = new Date(`${day(30)}T08:00:00Z`).toISOString();
    const end = new Date(`${day(30)}T10:00:00Z`).toISOString();
    seed['meetings']!.push({ id: 'mote-e2e', kind: 'ekstraordinært', title: 'Ekstraordinært møte om SaLTo', start, end, status: 'planlagt', agenda: [] });
    seed['saltoRounds'] = [
      {
        id: 'runde-mote-e2e',
        meetingId: 'mote-e2e',
        deadline: day(14),
        focusAreaIds: ['salto-2023-1', 'salto-2023-2', 'salto-2023-3', 'salto-2023-4'],
        unitIds: seed.reportingUnits.map((u) => u.id),
        openedAt: new Date().toISOString(),
        openedBy: 'kari-nordmann',
        unlockedUnitIds: [],
      },
    ];
  });
}

describe('SaLTo reporting in the Playground', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dataFile = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-e2e-')), 'politirad.json');
    bot = spawnBot({ DATA_FILE: dataFile, SEED_FILE: await seedWithOpenRound(), SCHEDULER_INTERVAL_MS: '1000' });
    await openPlayground('koordinator');
    await mkdir(screenshots, { recursive: true });
  });
  afterAll(stop);

  const atQuestion = (n: number) => expect.poll(() => page.getByText(`Bydel Grorud · spørsmål ${n} av 18`).count(), { timeout: 20_000 }).toBeGreaterThan(0);

  it('lets a coordinator answer the report one question at a time and hand it in', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.getByText('Velkommen til Politirådsboten').count(), { timeout: 30_000 }).toBe(1);
    await send('/rapport');
    await atQuestion(1);
    for (let area = 0; area < 4; area++) {
      const first = area * 4 + 1;
      await page.getByRole('button', { name: area === 3 ? 'Alvorlige utfordringer' : 'Noen utfordringer' }).last().click();
      await atQuestion(first + 1);
      await send(`Tiltak i innsatsområde ${area + 1}: nettverk med skoler og politi`);
      await atQuestion(first + 2);
      await send(area === 3 ? 'Mangler kompetanse på nett' : 'hopp over');
      await atQuestion(first + 3);
      await send('hopp over');
      await atQuestion(first + 4);
    }
    await send('Godt samarbeid i SaLTo-nettverket på Grorud');
    await atQuestion(18);
    await send('hopp over');
    await expect.poll(() => page.getByText('Gjennomgang: Bydel Grorud').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Lever rapporten' }).click();
    await expect.poll(() => page.getByText(/^Takk! Rapporten for Bydel Grorud er levert\./).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'playground-saltorapport.png'), fullPage: true });
    const data = await readSaved(dataFile);
    const report = data.saltoReports.find((r) => r.unitId === 'bydel-grorud');
    expect(report?.status).toBe('levert');
    expect(report?.answers['salto-2023-4.status']).toBe('alvorlige utfordringer');
    expect(report?.answers['salto-2023-4.vanskelig']).toBe('Mangler kompetanse på nett');
  });
});
