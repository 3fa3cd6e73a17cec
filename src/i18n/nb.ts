/** Norwegian (bokmål): the default language of every text a user sees. */
export const nb = {
  'role.leder': 'leder',
  'role.nestleder': 'nestleder',
  'role.medlem': 'medlem',
  'role.observator': 'observatør',
  'role.sekretariat': 'sekretariatet',
  'role.salto-koordinator': 'SaLTo-koordinator',
  'role.admin': 'administrator',

  'command.hjelp': 'Vis hva du kan gjøre her',
  'command.meg': 'Vis hvem jeg kjenner deg som, og dine roller',
  'command.kanal': 'Gjør denne kanalen til Politirådets kanal',
  'command.språk': 'Velg språk: /språk norsk, /språk english eller /språk auto',

  'refusal.role': (p: { roles: string }) => `Beklager, dette kan bare ${p.roles} gjøre. Ingenting er endret.`,
  'refusal.tenant': 'Beklager, denne boten er bare åpen for Oslo kommune og Oslo politidistrikt.',
  'input.tooLong': (p: { length: number; limit: number }) =>
    `Meldingen er for lang (${p.length} tegn). Jeg leser høyst ${p.limit} tegn, så kort den ned og prøv igjen.`,
  'input.unknownCommand': (p: { typed: string; suggestion: string }) =>
    `Jeg kjenner ikke kommandoen «${p.typed}». Mente du ${p.suggestion}?`,
  'input.unknownCommandNoSuggestion': (p: { typed: string }) =>
    `Jeg kjenner ikke kommandoen «${p.typed}». Skriv /hjelp for å se hva du kan gjøre.`,
  'input.notACommand': 'Hei! Jeg forstår kommandoer som /hjelp. Skriv /hjelp for å se hva du kan gjøre.',
  'input.invalid': 'Det du sendte, kunne jeg ikke lese. Ingenting er endret.',
  'input.unknownVerb': 'Denne knappen kjenner jeg ikke igjen. Skriv /hjelp for å komme videre.',
  'error.generic': (p: { ref: string }) =>
    `Beklager, noe gikk galt hos meg. Prøv igjen om litt. Oppgi referansen ${p.ref} hvis du kontakter sekretariatet.`,
  'error.storeWriteFailed': 'Beklager, endringen kunne ikke lagres. Ingenting er endret; prøv igjen om litt.',

  'channel.marked': (p: { name: string | undefined }) =>
    `${p.name ? `Kanalen «${p.name}»` : 'Denne kanalen'} er nå Politirådets kanal. Dagsordener og påminnelser blir postet her.`,
  'channel.alreadyMarked': (p: { name: string | undefined }) =>
    `${p.name ? `Kanalen «${p.name}»` : 'Denne kanalen'} er allerede Politirådets kanal.`,
  'channel.notInChannel': 'Skriv /kanal i den Teams-kanalen som skal være Politirådets kanal, ikke i en chat.',

  'language.usage': 'Skriv /språk norsk, /språk english, eller /språk auto for å følge språket i Teams.',
  'language.set': 'Greit, jeg skriver norsk til deg fra nå av.',
  'language.auto': 'Greit, jeg følger språket i Teams fra nå av.',

  'welcome.title': 'Velkommen til Politirådsboten',
  'welcome.intro':
    'Jeg hjelper Politirådet i Oslo med møteplan, dagsordener, oppfølgingspunkter og rapportering fra SaLTo-samarbeidet.',
  'welcome.known': (p: { name: string; roles: string }) => `Du er registrert som ${p.name} (${p.roles}).`,
  'welcome.unknown':
    'Jeg finner deg ikke blant Politirådets medlemmer ennå. Be sekretariatet legge deg til, så får du tilgang til møtene.',
  'welcome.channel': 'Jeg er lagt til i denne kanalen. Sekretariatet kan skrive /kanal her for å gjøre den til Politirådets kanal.',
  'welcome.youCan': 'Dette kan du gjøre:',
  'welcome.showHelp': 'Vis alle kommandoer',

  'help.title': 'Dette kan du gjøre',
  'help.hint': 'Skriv en kommando i chatten, for eksempel /hjelp. I en kanal nevner du meg først: @Politirådsboten /hjelp.',
  'help.aliases': (p: { aliases: string }) => `Også: ${p.aliases}`,

  'me.title': 'Hvem du er for meg',
  'me.name': 'Navn',
  'me.roles': 'Roller',
  'me.units': 'Enheter',
  'me.noRoles': 'ingen roller ennå',
  'me.unknown': 'Jeg finner deg ikke blant Politirådets medlemmer. Be sekretariatet legge deg til.',

  'meeting.next': (p: { when: string }) => `Neste møte: ${p.when}`,
  'meeting.none': 'Ingen møter er planlagt ennå.',
};

export type Messages = typeof nb;
