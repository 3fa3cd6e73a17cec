// The personal tab "Politirådet": runs in Teams (teams-js) and shows the member's overview from
// /api/tab/overview, rendering the bot's own cards with the Adaptive Cards library. Outside Teams it
// says so, except in local mode, where a clearly marked development sign-in stands in for Teams.
/* global microsoftTeams, AdaptiveCards */
(function () {
  'use strict';

  const config = JSON.parse(document.getElementById('tab-config').textContent);
  const main = document.getElementById('main');
  const viewerLine = document.getElementById('viewer');
  const devBanner = document.getElementById('dev-banner');
  const TOKEN_KEY = 'politirad-dev-token';

  const TEXT = {
    nb: {
      skip: 'Hopp til innholdet',
      loading: 'Laster …',
      notInTeams: 'Denne siden er laget for Microsoft Teams.',
      notInTeamsHelp: 'Åpne Politirådet i Teams for å se møtene, dagsordenene og oppfølgingspunktene dine.',
      openInTeams: 'Åpne i Teams',
      devBanner: 'Utviklingsinnlogging: boten kjører lokalt uten Teams. Velg hvem du vil se siden som. Denne innloggingen finnes ikke i produksjon.',
      devHeading: 'Logg inn for utvikling',
      devMember: 'Logg inn som',
      devSubmit: 'Logg inn',
      devSwitch: 'Bytt bruker',
      signInFailed: 'Vi fikk ikke logget deg inn gjennom Teams. Prøv igjen om litt.',
      retry: 'Prøv igjen',
      loadFailed: 'Oversikten kunne ikke hentes. Prøv igjen om litt.',
      notMember: 'Du er ikke registrert i Politirådet, så det er ingenting å vise her. Ta kontakt med sekretariatet hvis du skal ha tilgang.',
      meeting: 'Møte',
    },
    en: {
      skip: 'Skip to content',
      loading: 'Loading …',
      notInTeams: 'This page is made for Microsoft Teams.',
      notInTeamsHelp: 'Open Politirådet in Teams to see your meetings, agendas and follow-up points.',
      openInTeams: 'Open in Teams',
      devBanner: 'Development sign-in: the bot runs locally without Teams. Choose whom to view the page as. This sign-in does not exist in production.',
      devHeading: 'Sign in for development',
      devMember: 'Sign in as',
      devSubmit: 'Sign in',
      devSwitch: 'Switch user',
      signInFailed: 'We could not sign you in through Teams. Please try again shortly.',
      retry: 'Try again',
      loadFailed: 'The overview could not be loaded. Please try again shortly.',
      notMember: 'You are not registered in the Police Council, so there is nothing to show here. Contact the secretariat if you should have access.',
      meeting: 'Meeting',
    },
  };

  // Colours per Teams theme, each pair at least 4.5:1 against its background (WCAG 2.1 AA).
  const PALETTES = {
    default: { surface: '#ffffff', emphasis: '#f5f5f5', text: '#242424', subtle: '#595959', accent: '#4f52b2', good: '#0e700e', warning: '#7a5100', attention: '#b10e1c', tint: { good: '#f1faf1', attention: '#fdf3f4', warning: '#fff9f0', accent: '#f0f0fb' } },
    dark: { surface: '#292929', emphasis: '#1f1f1f', text: '#ffffff', subtle: '#d1d1d1', accent: '#aaacff', good: '#7fd67f', warning: '#f4cb6f', attention: '#ff9aa5', tint: { good: '#10290f', attention: '#3b1216', warning: '#332400', accent: '#232447' } },
    contrast: { surface: '#000000', emphasis: '#000000', text: '#ffffff', subtle: '#ffffff', accent: '#ffff00', good: '#3ff23f', warning: '#ffff00', attention: '#ffb3b3', tint: { good: '#000000', attention: '#000000', warning: '#000000', accent: '#000000' } },
  };

  let lang = 'nb';
  let theme = 'default';
  let lastOverview = null;
  const t = (key) => (TEXT[lang] || TEXT.nb)[key];

  /** 'en', 'en-us' … give English; anything else Norwegian. */
  function setLang(next) {
    lang = String(next || '').toLowerCase().startsWith('en') ? 'en' : 'nb';
    document.documentElement.lang = lang;
    document.querySelector('.skip-link').textContent = t('skip');
  }

  function setTheme(next) {
    theme = PALETTES[next] ? next : 'default';
    document.body.dataset.theme = theme;
    if (lastOverview) renderOverview(lastOverview);
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function show(...nodes) {
    main.replaceChildren(...nodes);
    main.setAttribute('aria-busy', 'false');
  }

  function message(text, ...extra) {
    show(el('p', { class: 'status', role: 'status', text }), ...extra);
  }

  function hostConfig() {
    const p = PALETTES[theme];
    const colors = (background) => ({
      backgroundColor: background,
      foregroundColors: {
        default: { default: p.text, subtle: p.subtle },
        dark: { default: p.text, subtle: p.subtle },
        light: { default: p.text, subtle: p.subtle },
        accent: { default: p.accent, subtle: p.accent },
        good: { default: p.good, subtle: p.good },
        warning: { default: p.warning, subtle: p.warning },
        attention: { default: p.attention, subtle: p.attention },
      },
    });
    return new AdaptiveCards.HostConfig({
      fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
      supportsInteractivity: true,
      spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
      fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
      textBlock: { headingLevel: 3 },
      containerStyles: {
        default: colors(p.surface),
        emphasis: colors(p.emphasis),
        accent: colors(p.tint.accent),
        good: colors(p.tint.good),
        attention: colors(p.tint.attention),
        warning: colors(p.tint.warning),
      },
      actions: { maxActions: 10, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    });
  }

  function openLink(url) {
    if (!/^https?:\/\//i.test(url)) return;
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  // The cards carry no Markdown (user text is bound as plain text); say so, so nothing is parsed.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };

  /** One of the bot's cards, as the server made it fit for a page (links only, no chat buttons). */
  function renderCard(json, label) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig();
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction) openLink(action.url);
    };
    card.parse(json);
    const rendered = card.render();
    const holder = el('article', { class: 'card', 'aria-label': label });
    if (rendered) holder.append(rendered);
    return holder;
  }

  function section(id, heading, ...content) {
    return el('section', { class: 'section', 'aria-labelledby': id }, el('h2', { id, text: heading }), ...content);
  }

  function renderOverview(overview) {
    lastOverview = overview;
    setLang(overview.lang);
    viewerLine.textContent = overview.viewer.description;
    const sections = [];
    // A coordinator's own report comes first: it is what they have to do before the meeting.
    const reports = overview.reports;
    if (reports) {
      sections.push(section('h-reports', reports.heading, ...(reports.items.length === 0 ? [el('p', { text: reports.empty })] : reports.items.map((r) => renderCard(r.card, r.name)))));
    }
    const meetings = overview.meetings;
    sections.push(
      section(
        'h-meetings',
        meetings.heading,
        ...(meetings.items.length === 0 ? [el('p', { text: meetings.empty })] : meetings.items.map((m) => renderCard(m.card, m.name))),
      ),
    );
    const minutes = overview.minutes;
    if (minutes) sections.push(section('h-minutes', minutes.heading, minutes.item ? renderCard(minutes.item.card, minutes.item.name) : el('p', { text: minutes.empty })));
    if (overview.followUps) sections.push(section('h-mine', overview.followUps.heading, renderCard(overview.followUps.card, overview.followUps.heading)));
    const sec = overview.secretariat;
    if (sec) {
      sections.push(section('h-all', sec.followUps.heading, renderCard(sec.followUps.card, sec.followUps.heading)));
      const proposals = sec.proposals;
      sections.push(section('h-proposals', proposals.heading, ...(proposals.items.length === 0 ? [el('p', { text: proposals.empty })] : proposals.items.map((p) => renderCard(p.card, p.title)))));
      sections.push(section('h-salto', sec.salto.heading, sec.salto.round ? renderCard(sec.salto.round.card, sec.salto.heading) : el('p', { text: sec.salto.empty })));
    }
    show(...sections);
  }

  function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = el('script', { src });
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
      document.head.append(script);
    });
  }

  /**
   * True inside a Teams host; a page opened on its own answers at once instead of waiting. The
   * Teams library is only loaded inside a host, since it fetches Teams' list of domains at load.
   */
  async function initializeTeams() {
    const framed = window.self !== window.top;
    if (!framed && !window.nativeInterface) return false;
    try {
      await loadScript('/tab/teams-js.js');
      await withTimeout(microsoftTeams.app.initialize(), 6000);
      return true;
    } catch {
      return false;
    }
  }

  async function fetchOverview(token, locale) {
    const response = await fetch(`/api/tab/overview?locale=${encodeURIComponent(locale || '')}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      cache: 'no-store',
    });
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  }

  async function showFor(token, locale, onRefused) {
    message(t('loading'));
    main.setAttribute('aria-busy', 'true');
    try {
      const { status, body } = await fetchOverview(token, locale);
      if (status === 200) renderOverview(body);
      else if (status === 403) {
        setLang(body.lang);
        message(t('notMember'));
      } else if (status === 401) onRefused();
      else message(t('loadFailed'), retryButton(() => showFor(token, locale, onRefused)));
    } catch {
      message(t('loadFailed'), retryButton(() => showFor(token, locale, onRefused)));
    }
  }

  function retryButton(action) {
    const button = el('button', { type: 'button', class: 'button', text: t('retry') });
    button.addEventListener('click', action);
    return button;
  }

  async function runInTeams() {
    const context = await microsoftTeams.app.getContext();
    setLang(context.app.locale);
    setTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(setTheme);
    microsoftTeams.app.notifySuccess();
    const signIn = async () => {
      try {
        const token = await microsoftTeams.authentication.getAuthToken();
        await showFor(token, context.app.locale, () => message(t('signInFailed'), retryButton(signIn)));
      } catch {
        message(t('signInFailed'), retryButton(signIn));
      }
    };
    await signIn();
  }

  function showNotInTeams() {
    const link = config.teamsAppId
      ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.teamsAppId)}/${encodeURIComponent(config.entityId)}`
      : 'https://teams.microsoft.com/';
    show(
      el('div', { class: 'notice' }, el('h2', { text: t('notInTeams') }), el('p', { text: t('notInTeamsHelp') }), el('a', { class: 'button', href: link, target: '_top', text: t('openInTeams') })),
    );
  }

  async function developmentSignIn() {
    devBanner.textContent = t('devBanner');
    devBanner.hidden = false;
    const saved = sessionStorage.getItem(TOKEN_KEY);
    const signOut = () => {
      sessionStorage.removeItem(TOKEN_KEY);
      viewerLine.textContent = '';
      lastOverview = null;
      developmentSignIn();
    };
    if (saved) {
      const switchButton = el('button', { type: 'button', class: 'button secondary', text: t('devSwitch') });
      switchButton.addEventListener('click', signOut);
      devBanner.replaceChildren(el('span', { text: t('devBanner') }), ' ', switchButton);
      await showFor(saved, lang, signOut);
      return;
    }
    const response = await fetch('/api/tab/dev/members', { cache: 'no-store' });
    const members = await response.json();
    const select = el('select', { id: 'dev-member', name: 'member' }, ...members.map((m) => el('option', { value: m.id, text: `${m.name} (${m.roles.join(', ')})` })));
    const form = el(
      'form',
      { class: 'dev-sign-in', 'aria-labelledby': 'h-dev' },
      el('h2', { id: 'h-dev', text: t('devHeading') }),
      el('label', { for: 'dev-member', text: t('devMember') }),
      select,
      el('button', { type: 'submit', class: 'button', text: t('devSubmit') }),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await fetch('/api/tab/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: select.value }) });
      if (!answer.ok) return;
      sessionStorage.setItem(TOKEN_KEY, (await answer.json()).token);
      developmentSignIn();
    });
    show(form);
  }

  async function start() {
    const params = new URLSearchParams(window.location.search);
    // Teams fills in ?theme= and ?lang= (see the manifest), so the first paint is already right;
    // opened on its own the page speaks Norwegian and follows the system's light or dark.
    setLang(params.get('lang'));
    const wanted = params.get('theme');
    setTheme(wanted || (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'));
    if (await initializeTeams()) {
      await runInTeams();
      return;
    }
    if (config.development) await developmentSignIn();
    else showNotInTeams();
  }

  start().catch(() => message(t('loadFailed')));
})();
