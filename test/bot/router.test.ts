import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { nearestWord, parseText } from '../../src/bot/command-parser.js';
import { COMMANDS } from '../../src/bot/commands/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { messages } from '../../src/i18n/index.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, COORDINATOR_ID, demoData, fakeTurn, harness, MEMBER_ID, memberOf, SECRETARY_ID, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const coordinator = memberOf(data, COORDINATOR_ID);

describe('reading a typed command', () => {
  it('takes the first word, with or without a slash, and the rest as arguments', () => {
    expect(parseText('  /Status   mine  ')).toEqual({ word: 'status', slash: true, args: 'mine' });
    expect(parseText('hjelp')).toEqual({ word: 'hjelp', slash: false, args: '' });
    expect(parseText('/møteplan 2027')).toEqual({ word: 'møteplan', slash: true, args: '2027' });
  });

  it('suggests only near misses', () => {
    expect(nearestWord('hjlep', ['hjelp', 'meg'])).toBe('hjelp');
    expect(nearestWord('x', ['hjelp', 'meg'])).toBeUndefined();
    expect(nearestWord('rapportering', ['hjelp', 'meg'])).toBeUndefined();
  });
});

describe('/hjelp', () => {
  it('shows the secretary the secretariat’s commands', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/hjelp', member: secretary });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('Dette kan du gjøre');
    expect(text).toContain('/kanal');
    expect(text).toContain('/hjelp');
  });

  it('hides the secretariat’s commands from a member', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/hjelp', member });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('/meg');
    expect(text).not.toContain('/kanal');
  });

  it('shows a stranger only what is open to all', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: 'help' });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('/hjelp');
    expect(text).not.toContain('/språk');
  });

  it('answers in English to an English-speaking user, with the commands\' English names', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/help', member, lang: 'en' });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('What you can do');
    expect(text).toMatch(/\n\/schedule\nShow the council's coming meetings, or a year's: \/schedule 2024\nAlso: \/møteplan, \/moteplan\n/);
    expect(text).toMatch(/\n\/next\nShow the next meeting with its agenda\nAlso: \/neste\n/);
    // A command with no English name keeps its own.
    expect(text).toMatch(/\n\/status\nShow open follow-up points/);
    const nb = fakeTurn({ text: '/hjelp', member });
    await handleText(nb, deps);
    expect(cardText(nb.replies[0])).toMatch(/\n\/neste\nVis neste møte med dagsorden\nOgså: \/next\n/);
  });

  it('gives each English name as one of the command\'s own aliases, so typing it works', () => {
    for (const command of COMMANDS.filter((c) => c.english)) expect(command.aliases, command.name).toContain(command.english);
  });
});

describe('/hjelp <kommando>', () => {
  it('explains one command, with examples, to someone who may use it', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/hjelp status', member: secretary });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('Slik bruker du /status');
    expect(text).toContain('/status forfalt politiet');
    expect(text).not.toContain('/kanal');
    expect(cardProblems((turn.replies[0] as { card: unknown }).card)).toEqual([]);
    const alias = fakeTurn({ text: '/help /agenda', member: secretary, lang: 'en' });
    await handleText(alias, deps);
    expect(cardText(alias.replies[0])).toMatch(/^How to use \/agenda\n\/agenda\n[\s\S]*\/agenda 11 March[\s\S]*\nAlso: \/dagsorden\n/);
  });

  it('says who a command is for instead of explaining it to someone who may not use it', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/hjelp dagsorden', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['/dagsorden er for sekretariatet eller administrator. Skriv /hjelp for å se det du kan gjøre.']);
  });

  it('suggests the nearest command it may explain, or points to /hjelp', async () => {
    const { deps } = harness();
    const typo = fakeTurn({ text: '/hjelp statsu', member });
    await handleText(typo, deps);
    expect(typo.texts()).toEqual(['Jeg kjenner ikke kommandoen «/statsu». Mente du /hjelp status?']);
    const none = fakeTurn({ text: '/hjelp blåbær', member });
    await handleText(none, deps);
    expect(none.texts()).toEqual(['Jeg kjenner ikke kommandoen «/blåbær». Skriv /hjelp for å se hva du kan gjøre.']);
  });

  it('has a longer text than the menu line for every command, in both languages', () => {
    for (const lang of ['nb', 'en'] as const) {
      for (const command of COMMANDS) {
        const m = messages(lang);
        expect(m[command.detail].length, `${lang} ${command.name}`).toBeGreaterThan(m[command.description].length);
      }
    }
  });
});

describe('what is not a command', () => {
  it('suggests the nearest command for a typo', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/hjlep', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Jeg kjenner ikke kommandoen «/hjlep». Mente du /hjelp?']);
  });

  it('does not suggest a command the user may not use', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/kanl', member });
    await handleText(turn, deps);
    expect(turn.texts()[0]).not.toContain('/kanal');
  });

  it('points to /hjelp for an unknown command with nothing near', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/xyzzy', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Jeg kjenner ikke kommandoen «/xyzzy». Skriv /hjelp for å se hva du kan gjøre.']);
  });

  it('answers ordinary chat with a friendly pointer, never silence', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: 'Hei!', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Hei! Jeg forstår kommandoer som /hjelp. Skriv /hjelp for å se hva du kan gjøre.']);
  });

  it('points a question in plain words to the commands it asks for, of those the user may use', async () => {
    const { deps } = harness();
    const ask = async (text: string, who = member, lang: 'nb' | 'en' = 'nb') => {
      const turn = fakeTurn({ text, member: who, lang });
      await handleText(turn, deps);
      return turn.texts()[0]!;
    };
    expect(await ask('Hei, når er neste møte?')).toBe(
      'Jeg forstår kommandoer, ikke vanlig tekst. Kanskje du ser etter denne:\n\n- **/neste**: Vis neste møte med dagsorden\n\nSkriv kommandoen, eller /hjelp for å se alt du kan gjøre.',
    );
    expect(await ask('Jeg kan ikke komme på møtet')).toContain('**/neste**');
    // The secretary gets the attendance overview too; a member, who may not use it, does not.
    expect(await ask('Hvem kommer på møtet?', secretary)).toMatch(/en av disse:\n\n- \*\*\/neste\*\*: .*\n- \*\*\/oppmøte\*\*: /);
    expect(await ask('Hvem kommer på møtet?')).not.toContain('/oppmøte');
    expect(await ask('Hvilke oppfølgingspunkter er forfalt?', secretary)).toContain('**/status**');
    expect(await ask('Jeg vil levere rapporten', coordinator)).toContain('**/rapport**: Svar på SaLTo-rapporten');
    expect(await ask('When is the next meeting?', member, 'en')).toMatch(/^I understand commands, not plain text\. Perhaps you are looking for this one:\n\n- \*\*\/next\*\*: Show the next meeting/);
  });

  it('names who may use a command in plain words when refusing it', async () => {
    const { deps } = harness();
    const refused = async (text: string, who = coordinator, lang: 'nb' | 'en' = 'nb') => {
      const turn = fakeTurn({ text, member: who, lang });
      await handleText(turn, deps);
      return turn.texts()[0];
    };
    expect(await refused('/status')).toBe('Beklager, dette kan bare medlemmene i Politirådet og sekretariatet gjøre. Ingenting er endret.');
    expect(await refused('/foreslå Trygghet', coordinator, 'en')).toBe('Sorry, only council members and the secretariat can do this. Nothing was changed.');
    expect(await refused('/dagsorden', member)).toBe('Beklager, dette kan bare sekretariatet eller administrator gjøre. Ingenting er endret.');
    const stranger = fakeTurn({ text: '/neste' });
    await handleText(stranger, deps);
    expect(stranger.texts()[0]).toBe('Beklager, dette kan bare de som er registrert hos Politirådet gjøre. Ingenting er endret.');
    expect(await refused('/hjelp status')).toBe('/status er for medlemmene i Politirådet og sekretariatet. Skriv /hjelp for å se det du kan gjøre.');
  });

  it('answers thanks in kind', async () => {
    const { deps } = harness();
    for (const [text, lang, reply] of [
      ['Takk!', 'nb', 'Bare hyggelig! Skriv /hjelp om det er noe mer jeg kan gjøre.'],
      ['tusen takk for hjelpen :)', 'nb', 'Bare hyggelig! Skriv /hjelp om det er noe mer jeg kan gjøre.'],
      ['Thank you!', 'en', "You're welcome! Type /help if there is anything else I can do."],
    ] as const) {
      const turn = fakeTurn({ text, member, lang });
      await handleText(turn, deps);
      expect(turn.texts(), text).toEqual([reply]);
    }
  });

  it('gives every command topic words, in lower case', () => {
    for (const command of COMMANDS) {
      expect(command.topics.length, command.name).toBeGreaterThan(0);
      for (const topic of command.topics) expect(topic, command.name).toBe(topic.toLocaleLowerCase('nb'));
    }
  });

  it('answers an empty message the same way', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '', member });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toMatch(/Skriv \/hjelp/);
  });

  it('refuses an over-long text politely, stating the limit, and changes nothing', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: `/kanal ${'x'.repeat(5000)}`, member: secretary, kind: 'channel' });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toBe('Meldingen er for lang (5007 tegn). Jeg leser høyst 4000 tegn, så kort den ned og prøv igjen.');
    expect(store.writes()).toBe(0);
  });
});

describe('/kanal', () => {
  it('lets the secretary mark the council’s channel from inside it', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/kanal', member: secretary, kind: 'channel', conversationId: '19:moter@thread.tacv2', conversationName: 'Møter' });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Kanalen «Møter» er nå Politirådets kanal. Dagsordener og påminnelser blir postet her.']);
    expect(store.read().settings.councilChannel).toMatchObject({ conversationId: '19:moter@thread.tacv2', markedBy: SECRETARY_ID });
  });

  it('posts an agenda already sent out to a channel marked afterwards, once, but not one of a past or cancelled meeting', async () => {
    const council = withChats(demoData());
    delete council.settings.councilChannel;
    council.conversations.push({ ...council.conversations.find((c) => c.kind === 'channel')!, id: '19:annen@thread.tacv2' });
    const byId = (id: string) => council.meetings.find((m) => m.id === id)!;
    // Agendas went out for the meeting in October 2024, for December's, and for March's, since cancelled.
    for (const id of ['mote-2024-10', 'mote-2026-12', 'mote-2027-03']) byId(id).agendaQueuedAt = '2026-11-20T08:00:00.000Z';
    byId('mote-2027-03').status = 'avlyst';
    const { deps, store, kicks } = harness(council);
    const mark = async (conversationId: string) => {
      const turn = fakeTurn({ text: '/kanal', member: secretary, kind: 'channel', conversationId, conversationName: 'Møter' });
      await handleText(turn, deps);
      return turn.texts();
    };
    expect(await mark('19:channel@thread.tacv2')).toEqual([
      'Kanalen «Møter» er nå Politirådets kanal. Dagsordener og påminnelser blir postet her. Dagsordenen som alt er sendt ut, postes her nå.',
    ]);
    const posted = () => store.read().deliveries.filter((d) => d.conversationId === '19:channel@thread.tacv2').map((d) => [d.kind, d.meetingId, d.status]);
    expect(posted()).toEqual([['agenda', 'mote-2026-12', 'pending']]);
    expect(kicks()).toBe(1);
    // Another channel, then this one again: each has the agenda once.
    await mark('19:annen@thread.tacv2');
    expect(await mark('19:channel@thread.tacv2')).toEqual(['Kanalen «Møter» er nå Politirådets kanal. Dagsordener og påminnelser blir postet her.']);
    expect(posted()).toHaveLength(1);
    expect(store.read().deliveries.filter((d) => d.conversationId === '19:annen@thread.tacv2')).toHaveLength(1);
  });

  it('says so when the channel is already the council’s', async () => {
    const { deps } = harness();
    const turn = () => fakeTurn({ text: '/channel', member: secretary, kind: 'channel', conversationId: '19:moter@thread.tacv2' });
    await handleText(turn(), deps);
    const again = turn();
    await handleText(again, deps);
    expect(again.texts()).toEqual(['Denne kanalen er allerede Politirådets kanal.']);
  });

  it('explains that it must be typed in a channel, not a chat', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/kanal', member: secretary, kind: 'personal' });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toMatch(/Skriv \/kanal i den Teams-kanalen/);
    expect(store.read().settings.councilChannel).toBeUndefined();
  });

  it.each([
    ['a member', member],
    ['a coordinator', coordinator],
    ['a stranger', undefined],
  ])('refuses %s politely and changes nothing', async (_who, who) => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/kanal', member: who, kind: 'channel' });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Beklager, dette kan bare sekretariatet eller administrator gjøre. Ingenting er endret.']);
    expect(store.writes()).toBe(0);
  });

  it('tells the user when the change could not be saved, and nothing is changed', async () => {
    const { deps, store } = harness();
    store.failWrites(true);
    const turn = fakeTurn({ text: '/kanal', member: secretary, kind: 'channel' });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(['Beklager, endringen kunne ikke lagres. Ingenting er endret; prøv igjen om litt.']);
    expect(store.read().settings.councilChannel).toBeUndefined();
  });
});

describe('/meg and /språk', () => {
  it('shows a coordinator their role and unit', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/meg', member: coordinator });
    await handleText(turn, deps);
    const text = cardText(turn.replies[0]);
    expect(text).toContain('Aisha Rahman, SaLTo-koordinator');
    expect(text).toContain('Bydel Grorud');
  });

  it('tells a stranger to ask the secretariat', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/me' });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toMatch(/Be sekretariatet legge deg til/);
  });

  it('stores a member’s language and answers in it', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/språk english', member });
    await handleText(turn, deps);
    expect(turn.texts()).toEqual(["Fine, I'll write to you in English from now on."]);
    expect(store.read().members.find((m) => m.id === MEMBER_ID)?.lang).toBe('en');
  });

  it('explains the choices for an unknown language and changes nothing', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/språk klingon', member });
    await handleText(turn, deps);
    expect(turn.texts()[0]).toMatch(/\/språk norsk/);
    expect(store.writes()).toBe(0);
  });
});

describe('card actions', () => {
  it('shows help from the welcome card’s button', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ data: { verb: Verb.ShowHelp }, member });
    await handleAction(turn, deps);
    expect(cardText(turn.replies[0])).toContain('Dette kan du gjøre');
  });

  it('answers an unknown verb without doing anything', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ data: { verb: 'møte.slett', id: 'mote-2026-12' }, member: secretary });
    await handleAction(turn, deps);
    expect(turn.texts()).toEqual(['Denne knappen kjenner jeg ikke igjen. Skriv /hjelp for å komme videre.']);
    expect(store.writes()).toBe(0);
  });

  it.each([[null], ['hjelp.vis'], [{ verb: 42 }], [{}], [[{ verb: 'hjelp.vis' }]]])('refuses malformed card data %j', async (data) => {
    const { deps } = harness();
    const turn = fakeTurn({ data, member });
    await handleAction(turn, deps);
    expect(turn.texts()).toEqual(['Det du sendte, kunne jeg ikke lese. Ingenting er endret.']);
  });
});
