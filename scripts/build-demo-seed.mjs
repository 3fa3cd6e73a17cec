// Writes src/seed/demo-seed.json from the two source documents' facts (see shared/domain).
// Kept as a script so the seed's content is reviewable as code; the JSON is what ships.
// The six members who are the Agents Playground's users have chosen Norwegian (`lang`), because
// the Playground reports every activity as en-US; other members follow their Teams language.
import { writeFileSync } from 'node:fs';

const T = (date, time, offset) => `${date}T${time}:00${offset}`;
const std = (meetingId, thematic = []) => [
  { id: `${meetingId}-1`, title: 'Godkjenning av dagsorden', presenters: ['Byrådsleder'], attachments: [], confidential: false },
  { id: `${meetingId}-2`, title: 'Orientering fra politimester', presenters: ['Politimester'], attachments: [], confidential: false },
  { id: `${meetingId}-3`, title: 'Orientering fra byrådsleder', presenters: ['Byrådsleder'], attachments: [], confidential: false },
  ...thematic,
  { id: `${meetingId}-sit`, title: 'Situasjonsbrief fra politiet', presenters: ['Oslo politidistrikt'], attachments: [], confidential: true },
  { id: `${meetingId}-salto`, title: 'SaLTo-samarbeidet – rapportering fra lokale og regionale handlingsplaner', presenters: ['Byråd for sosiale tjenester'], attachments: [], confidential: false },
  { id: `${meetingId}-ev`, title: 'Eventuelt', presenters: [], attachments: [], confidential: false },
];

const units = [
  ['Alna'], ['Bjerke'], ['Frogner'], ['Gamle Oslo'], ['Grorud'], ['Grünerløkka'], ['Nordre Aker'], ['Nordstrand'],
  ['Sagene'], ['St. Hanshaugen'], ['Stovner'], ['Søndre Nordstrand'], ['Ullern'], ['Vestre Aker'], ['Østensjø'],
].map(([name]) => ({
  id: `bydel-${name.toLowerCase().replace(/\. /g, '-').replace(/ /g, '-').replace(/ø/g, 'o').replace(/ü/g, 'u')}`,
  name: `Bydel ${name}`,
  kind: 'bydel',
}));
units.push({ id: 'sentrum', name: 'Sentrum (Uteseksjonen, Velferdsetaten)', kind: 'sentrum' });
units.push({ id: 'utdanningsetaten', name: 'Utdanningsetaten, SaLTo-teamet', kind: 'etat' });

const source = [{ at: '2017-01-01T00:00:00Z', text: 'Hentet fra Samarbeidsdokument for Politirådet i Oslo 2017.' }];
const point = (n, focus, title, responsible, extra = {}) => ({
  id: `op-2017-${String(n).padStart(2, '0')}`, title, focusAreaId: `io-2017-${focus}`, responsible,
  briefing: false, status: 'åpen', history: source, ...extra,
});

const minutes = [{ at: '2024-10-07T12:00:00+02:00', byMemberId: 'kari-nordmann', text: 'Fra referatet fra møtet 7. oktober 2024.' }];
const minutesPoint = (n, focus, title, responsible, extra) => ({
  id: `op-2024-${String(n).padStart(2, '0')}`, title, focusAreaId: `io-2017-${focus}`, responsible,
  briefing: false, status: 'åpen', history: minutes, revision: 0, ...extra,
});

const seed = {
  seedVersion: 1,
  council: {
    name: 'Politirådet i Oslo',
    shortName: 'Politirådet',
    secretariat: 'Byrådsavdeling for arbeid, integrering og sosiale tjenester (SET)',
    website: 'https://www.oslo.kommune.no/politiradet/',
  },
  members: [
    { id: 'kari-nordmann', name: 'Kari Nordmann', title: 'rådgiver, sekretariatet', organisation: 'Oslo kommune, SET', email: 'kari.nordmann@oslo-kommune.example', aadObjectId: '00000000-0000-4000-8000-00000000a001', lang: 'nb', roles: ['sekretariat'], unitIds: [] },
    { id: 'ola-hansen', name: 'Ola Hansen', title: 'kommunaldirektør', organisation: 'Oslo kommune, Byrådslederens kontor', email: 'ola.hansen@oslo-kommune.example', aadObjectId: '00000000-0000-4000-8000-00000000a002', lang: 'nb', roles: ['medlem'], unitIds: [] },
    { id: 'aisha-rahman', name: 'Aisha Rahman', title: 'SaLTo-koordinator', organisation: 'Bydel Grorud', email: 'aisha.rahman@oslo-kommune.example', aadObjectId: '00000000-0000-4000-8000-00000000a003', lang: 'nb', roles: ['salto-koordinator'], unitIds: ['bydel-grorud'] },
    { id: 'ingrid-berg', name: 'Ingrid Berg', title: 'byrådsleder', organisation: 'Oslo kommune', email: 'ingrid.berg@oslo-kommune.example', aadObjectId: '00000000-0000-4000-8000-00000000a004', lang: 'nb', roles: ['leder'], unitIds: [] },
    { id: 'tor-lund', name: 'Tor Lund', title: 'politimester', organisation: 'Oslo politidistrikt', email: 'tor.lund@politiet.example', aadObjectId: '00000000-0000-4000-8000-00000000a005', lang: 'nb', roles: ['nestleder'], unitIds: [] },
    { id: 'marianne-dahl', name: 'Marianne Dahl', title: 'ordfører', organisation: 'Oslo kommune', email: 'marianne.dahl@oslo-kommune.example', aadObjectId: '00000000-0000-4000-8000-00000000a006', lang: 'nb', roles: ['observator'], unitIds: [] },
    { id: 'byrad-set', name: 'Byråd for sosiale tjenester', title: 'byråd', organisation: 'Oslo kommune, SET', email: 'byrad.set@oslo-kommune.example', roles: ['medlem'], unitIds: [] },
    { id: 'byrad-utd', name: 'Byråd for utdanning', title: 'byråd', organisation: 'Oslo kommune, UTD', email: 'byrad.utd@oslo-kommune.example', roles: ['medlem'], unitIds: [] },
    { id: 'byrad-noe', name: 'Byråd for kultur og næring', title: 'byråd', organisation: 'Oslo kommune, NOE', email: 'byrad.noe@oslo-kommune.example', roles: ['medlem'], unitIds: [] },
    { id: 'visepolitimester-1', name: 'Visepolitimester (forebygging)', title: 'visepolitimester', organisation: 'Oslo politidistrikt', email: 'visepolitimester1@politiet.example', roles: ['medlem'], unitIds: [] },
    { id: 'visepolitimester-2', name: 'Visepolitimester (etterforskning)', title: 'visepolitimester', organisation: 'Oslo politidistrikt', email: 'visepolitimester2@politiet.example', roles: ['medlem'], unitIds: [] },
    { id: 'visepolitimester-3', name: 'Visepolitimester (beredskap)', title: 'visepolitimester', organisation: 'Oslo politidistrikt', email: 'visepolitimester3@politiet.example', roles: ['medlem'], unitIds: [] },
    { id: 'kommunikasjonssjef-opd', name: 'Kommunikasjonssjef OPD', title: 'kommunikasjonssjef', organisation: 'Oslo politidistrikt', email: 'kommunikasjon@politiet.example', roles: ['medlem'], unitIds: [] },
    { id: 'salto-sentrum', name: 'SaLTo-koordinator Sentrum', title: 'SaLTo-koordinator', organisation: 'Velferdsetaten, Uteseksjonen', email: 'salto.sentrum@oslo-kommune.example', roles: ['salto-koordinator'], unitIds: ['sentrum'] },
    { id: 'salto-utdanning', name: 'SaLTo-teamet i Utdanningsetaten', title: 'SaLTo-koordinator', organisation: 'Utdanningsetaten', email: 'salto.ude@oslo-kommune.example', roles: ['salto-koordinator'], unitIds: ['utdanningsetaten'] },
    { id: 'forvaltning', name: 'Forvaltning av Politirådsboten', title: 'systemforvalter', organisation: 'Oslo kommune', email: 'politiradsboten@oslo-kommune.example', roles: ['admin'], unitIds: [] },
  ],
  focusAreas: [
    'Oslo sentrum for alle',
    'Forebygge og avdekke vold og seksuelle overgrep',
    'Forebygge kriminalitet blant barn og unge',
    'Forebygge hatkriminalitet og voldelig ekstremisme',
    'Bekjempe og redusere økonomisk kriminalitet og korrupsjon',
  ].map((title, i) => ({ id: `io-2017-${i + 1}`, period: '2017', number: i + 1, title })),
  followUps: [
    point(1, 1, 'Opprettholde felles innsats for å redusere de åpne rusmiljøene i Oslo sentrum', 'begge'),
    point(2, 1, 'Revidere samarbeidsavtalen om SALUTT mellom Oslo kommune og Oslo politidistrikt', 'begge', { dueText: 'i 2017' }),
    point(3, 1, 'Politiet skal være høringsinstans i saker som angår planlegging av byrom i sentrum', 'kommunen'),
    point(4, 2, 'Politirådet orienteres om framdriften i arbeidet med konsultasjonsteamet', 'begge', { briefing: true }),
    point(5, 2, 'Politirådet orienteres om samarbeidet om samhandlingsrutinen ved bekymring om vold og seksuelle overgrep mot barn', 'begge', { briefing: true }),
    point(6, 2, 'Politirådet orienteres om samarbeidet i Prosjekt November', 'politiet', { briefing: true }),
    point(7, 3, 'Det skal rapporteres fra SaLTo-samarbeidet i hvert møte i politirådet', 'begge', { briefing: true, dueText: 'hvert møte' }),
    point(8, 3, 'SaLTo handlingsprogram rulleres', 'begge', { dueText: 'i 2017' }),
    point(9, 3, 'Politirådet orienteres om samarbeidet om ungdomsoppfølging og ungdomsstraff', 'begge', { briefing: true }),
    point(10, 4, 'Handlingsplanen mot hatkriminalitet og voldelig ekstremisme i Oslo rulleres', 'begge', { dueText: 'når ny organisering av Oslo politidistrikt er klar' }),
    point(11, 5, 'Opprettholde felles innsats i arbeidet med å redusere arbeidslivskriminalitet', 'begge'),
    point(12, 5, 'De tverretatlige «Full Pott»-kontrollene fortsetter, med jevnlige møter mellom samarbeidspartene', 'begge', { dueText: 'i 2017' }),
    // Points the October 2024 minutes created, with owners and dates so /status has something to show.
    minutesPoint(1, 1, 'Byutvikling og kriminalitetsforebygging tas opp igjen i politirådets seminar', 'begge',
      { ownerMemberId: 'kari-nordmann', dueMeetingId: 'seminar-2027', briefing: true, source: { meetingId: 'mote-2024-10', itemId: 'mote-2024-10-4' } }),
    minutesPoint(2, 3, 'Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging', 'politiet',
      { ownerMemberId: 'tor-lund', dueDate: '2027-03-01', briefing: true, source: { meetingId: 'mote-2024-10', itemId: 'mote-2024-10-5' } }),
    minutesPoint(3, 3, 'Bydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud', 'kommunen',
      { ownerMemberId: 'ola-hansen', dueDate: '2026-11-01', source: { meetingId: 'mote-2024-10', itemId: 'mote-2024-10-5' } }),
  ],
  saltoFocusAreas: [
    'Felles innsats i utsatte områder',
    'Utfordringer knyttet til rus',
    'Vold blant jevnaldrende',
    'Kriminalitetsforebygging på nett',
  ].map((title, i) => ({ id: `salto-2023-${i + 1}`, period: '2023–2025', number: i + 1, title })),
  reportingUnits: units,
  meetings: [
    {
      id: 'mote-2024-10', kind: 'ordinært', start: T('2024-10-07', '10:00', '+02:00'), end: T('2024-10-07', '12:00', '+02:00'),
      status: 'avholdt',
      agenda: [
        { id: 'mote-2024-10-1', title: 'Godkjenning av dagsorden', presenters: ['Byrådsleder'], attachments: [], confidential: false },
        { id: 'mote-2024-10-2', title: 'Orientering fra politimester', presenters: ['Politimester'], attachments: [], confidential: false },
        { id: 'mote-2024-10-3', title: 'Orientering fra byrådsleder', presenters: ['Byrådsleder'], attachments: [], confidential: false },
        { id: 'mote-2024-10-4', title: 'Byutvikling', presenters: ['Oslo politidistrikt', 'Byrådsavdeling for byutvikling'], description: 'Sammenhengene mellom fysisk utforming av by- og sentrumsmiljøer og kriminalitet. Presentasjon fra politiet vedlagt.', attachments: [], confidential: false },
        { id: 'mote-2024-10-5', title: 'Forebyggende arbeid i Bydel Grorud', presenters: ['Bydel Grorud', 'Oslo politidistrikt'], description: 'Forebyggende enhet i Bydel Grorud, etablert i august 2020. Presentasjoner fra politiet og bydelen vedlagt.', attachments: [], confidential: false },
        { id: 'mote-2024-10-6', title: 'Situasjonsbrief fra politiet', presenters: ['Oslo politidistrikt'], description: 'Presentasjon vedlagt.', attachments: [], confidential: false },
        { id: 'mote-2024-10-7', title: 'SaLTo-samarbeidet – rapportering fra lokale og regionale handlingsplaner', presenters: ['Byråd for sosiale tjenester'], description: 'Samlet rapport fra handlingsplaner vedlagt.', attachments: [], confidential: false },
        { id: 'mote-2024-10-8', title: 'Eventuelt', presenters: [], description: 'Ingen saker.', attachments: [], confidential: false },
      ],
      // The minutes as published (referat-2024-10), with the OCR's letters mended.
      minutes: {
        present: '',
        absent: '',
        items: {
          'mote-2024-10-1': 'Dagsorden godkjent.',
          'mote-2024-10-2': [
            'Den internasjonale situasjonen er urolig, og det har konsekvenser for Oslopolitiets arbeid. Politiet har nå midlertidig bevæpning. I dag er det ett år siden Hamas-angrepet i Israel, og det er forventet noen markeringer. Organisert kriminalitet og «crime as service» for fiendtlige fremmede stater skaper utfordringer. Angrepene nylig i Stockholm og København understreker alvoret i dette. Tillit til myndigheter er viktig, og satsing mot ungdomskriminalitet henger sammen med dette. Ivaretagelse av ungdoms oppvekstvilkår er med på å bygge tillit i samfunnet. Det er viktig at vi fungerer i alle ledd.',
            'Oslo politidistrikt går nå grundig igjennom sakene der unge under 18 som er registrert for 10 eller flere lovbrudd, for å se hvordan vi kunne gjort noe annerledes og hvordan vi kan bli bedre sammen.',
            'Spørsmålet om Oslo er en trygg by, stilles ofte. Oslo politidistrikt sin trygghetsundersøkelse har spurt over 300 000 personer i Oslo, Asker og Bærum om hvordan innbyggerne opplever trygghet i det offentlige rom der de bor og ferdes. Denne informasjonen, sammenholdt med egne oversikter, gir god kunnskap. I prioriterte områder i Oslo ser vi at flere barnefamilier bruker uteområder når politiet er til stede.',
          ].join('\n'),
          'mote-2024-10-3': [
            'Byrådslederen støtter politimesterens synspunkter. Fallende tillit til myndigheter er bekymringsfullt.',
            'Byrådets budsjettforslag er lagt fram. Det er et historisk stramt budsjett. Flere momenter spiller inn, blant annet reduserte statlige inntekter. Tiltak for barn og unge er prioritert. Satsinger fra revidert budsjett er videreført. Det er styrket tiltak i skolene, idrett, barnevern og fritidskortet. Det er også satt av midler til en rusmiddelanalysetjeneste for å hindre overdosedødsfall.',
            'I satsingen mot ungt utenforskap er taushetsplikt og informasjonsdeling et sentralt tema. SET har avholdt møte med politiet om erfaringer fra samarbeid med bydeler og etater. Politiet er gjennomgående fornøyd med samarbeidet med bydelene, men understreket at bydelenes ulike organisering og prioritering er en utfordring. Samarbeidet med Bydel Grorud fremheves som spesielt godt. Til statsbudsjettet er det satt av midler til styrkede politiressurser; det er interessant å høre mer om hvordan dette slår ut for Oslo. Politimester kommenterte at det vil gi mulighet for å ansette flere i faste stillinger, da midlene vil videreføres ut over 2025.',
          ].join('\n'),
          'mote-2024-10-4': [
            'Oslo politidistrikt orienterte om sammenhengene mellom fysisk utforming av by- og sentrumsmiljøer og kriminalitet og sitt arbeid på feltet.',
            'Byrådsavdelingen for byutvikling har god dialog med politiet om byutviklingsspørsmål. Oslo kommune har flere byggeprosjekter i områder med levekårsutfordringer, og ønsker at utviklingsprosjektene skal løfte områdene. Politiet er fornøyd med å bli involvert i utviklingsprosjektene og har mange gode analyser, i samarbeid med bydelene, som er knyttet til innsats i prioriterte områder. Temaet vil tas opp igjen i politirådets seminar over nyttår.',
            'Presentasjon fra politiet vedlagt.',
          ].join('\n'),
          'mote-2024-10-5': [
            'Det forebyggende arbeidet i Bydel Grorud har blitt trukket fram som et godt eksempel i flere sammenhenger. Forebyggende enhet i Bydel Grorud ble etablert i august 2020, og bidrar til å styrke barn og unges arenaer ved å starte tidlig, tenke og handle langsiktig. Gjennom veiledning, støtte og tilstedeværelse skal enheten bidra til at flere barn har meningsfylte aktiviteter og koordinerte tjenester. Det er nært samarbeid mellom bydelens ulike tjenester, skolene og politiet. Bydelen ser at satsingen gir ønsket resultat.',
            'Oslo politidistrikt ser konkrete effekter fra bydelens arbeid i den registrerte barne- og ungdomskriminaliteten. Politiet ønsker at bydelene har likere innretning på arbeidet, og at det jobbes med beste praksis. Politiet ønsker en Oslostandard for en-til-en-oppfølging.',
            'Presentasjoner fra politiet og bydelen vedlagt.',
          ].join('\n'),
          'mote-2024-10-6': 'Presentasjon vedlagt.',
          'mote-2024-10-7': [
            'Politirådet er overordnet styringsgruppe for SaLTo-samarbeidet, og et overordnet handlingsprogram, godkjent av politirådet, angir de mest aktuelle innsatsområdene, der det er behov for forsterket innsats.',
            'I det lokale og regionale samarbeidet er det utarbeidet felles handlingsplaner for bydelene, skolene og politiet, som er godkjent av de lokale eller regionale styringsgruppene. Dette er første gang politirådet mottar en samlet rapportering fra det lokale arbeidet, om hvordan de iverksetter de overordnede føringene. Handlingsplanene har bidratt til økt bevissthet om samarbeid og et felles arbeidsdokument, og styrket samhandling og samarbeid på tvers av tjenester og sektorer.',
            'Det innsatsområdet som byr på flest utfordringer, er innsatsområde 4: Kriminalitetsforebygging på nett. Her pekes det på ressurser, kompetanse og at andre tiltak er prioritert framfor dette arbeidet.',
            'En av utfordringene å være oppmerksom på, er at handlingsplanene skal være felles verktøy for bydel, skole og politiet i det lokale arbeidet. SaLTo-koordinatoren har en nøkkelrolle for å drifte samarbeidet i de lokale nettverkene. De lokale og regionale styringsgruppene for SaLTo-samarbeidet, der alle samarbeidsaktørene er representert, har et ansvar for å løfte dette i egne linjer.',
            'Samlet rapport fra handlingsplaner er vedlagt.',
          ].join('\n'),
          'mote-2024-10-8': 'Ingen saker.',
        },
        revision: 1,
        updatedAt: '2024-10-14T12:00:00+02:00',
        updatedBy: 'kari-nordmann',
      },
    },
    {
      id: 'mote-2026-12', kind: 'ordinært', start: T('2026-12-10', '09:00', '+01:00'), end: T('2026-12-10', '11:30', '+01:00'),
      place: 'Oslo rådhus', status: 'planlagt',
      agenda: std('mote-2026-12', [
        { id: 'mote-2026-12-4', title: 'Kriminalitetsforebygging på nett – status i bydelene', presenters: ['SaLTo-sekretariatet'], attachments: [], confidential: false },
      ]),
    },
    { id: 'mote-2027-03', kind: 'ordinært', start: T('2027-03-11', '09:00', '+01:00'), end: T('2027-03-11', '11:30', '+01:00'), place: 'Oslo rådhus', status: 'planlagt', agenda: std('mote-2027-03') },
    { id: 'mote-2027-06', kind: 'ordinært', start: T('2027-06-10', '09:00', '+02:00'), end: T('2027-06-10', '11:30', '+02:00'), place: 'Oslo politihus, Grønland', status: 'planlagt', agenda: std('mote-2027-06') },
    { id: 'mote-2027-09', kind: 'ordinært', start: T('2027-09-16', '09:00', '+02:00'), end: T('2027-09-16', '11:30', '+02:00'), place: 'Oslo rådhus', status: 'planlagt', agenda: std('mote-2027-09') },
    { id: 'seminar-2027', kind: 'seminar', title: 'Politirådets seminar 2027: rullering av handlingsplanen', start: T('2027-10-21', '09:00', '+02:00'), end: T('2027-10-21', '15:00', '+02:00'), place: 'Oslo rådhus', status: 'planlagt', agenda: [] },
    { id: 'mote-2027-12', kind: 'ordinært', start: T('2027-12-09', '09:00', '+01:00'), end: T('2027-12-09', '11:30', '+01:00'), place: 'Oslo politihus, Grønland', status: 'planlagt', agenda: std('mote-2027-12') },
  ],
};

writeFileSync(new URL('../src/seed/demo-seed.json', import.meta.url), JSON.stringify(seed, null, 2) + '\n');
console.log(`wrote ${seed.members.length} members, ${seed.followUps.length} follow-up points, ${seed.reportingUnits.length} units, ${seed.meetings.length} meetings`);
