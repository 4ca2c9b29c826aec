// The website's own words in every content language, and labels of the API's codes.
const WORDS = {
  nb: {
    skip: "Hopp til innholdet",
    loading: "Laster …",
    languages: "Språk",
    breadcrumbs: "Brødsmulesti",
    notFoundTitle: "Fant ikke siden",
    notFound: "Siden finnes ikke, eller den er ikke publisert.",
    errorTitle: "Noe gikk galt",
    error: "Innholdet kunne ikke hentes. Prøv igjen senere.",
    toFront: "Til forsiden",
    previewLabel: "Forhåndsvisning",
    preview: "Forhåndsvisning: slik blir siden seende ut når den publiseres. Den er ikke publisert ennå.",
    previewExpired: "Forhåndsvisningen er utløpt. Trykk «Forhåndsvis» i redigeringsverktøyet igjen.",
    fallback: "Denne siden er ikke oversatt ennå og vises på bokmål.",
    unofficial: "Uoffisiell oversettelse.",
    branches: "Fylkesavdelinger",
    plans: "Handlingsplaner",
    plan: "Handlingsplan",
    period: "Periode",
    stage: "Status",
    developmentArea: "Utviklingsområde",
    adoptedBy: "Vedtatt av",
    overallGoal: "Hovedmål",
    background: "Bakgrunn",
    definitions: "Begreper",
    source: "Kilde",
    strategies: "Strategier og tiltak",
    measures: "Tiltak",
    noMeasures: "Ingen tiltak ennå.",
    measure: "Tiltak",
    status: "Status",
    statusUpdates: "Statusoppdateringer",
    timing: "Når",
    recurring: "gjentas",
    partners: "Samarbeidspartnere",
    targetGroups: "Målgrupper",
    goals: "Bærekraftsmål",
    goal: "Mål",
    contacts: "Kontaktpersoner",
    contact: "Kontaktperson",
    phone: "Telefon",
    email: "E-post",
    relatedEvents: "Arrangementer",
    relatedResources: "Ressurser",
    resources: "Ressurser",
    events: "Arrangementer",
    upcoming: "Kommende arrangementer",
    noResources: "Ingen ressurser ennå.",
    noEvents: "Ingen arrangementer ennå.",
    allResources: "Alle ressurser",
    allEvents: "Alle arrangementer",
    publication: "Publikasjon",
    authors: "Forfattere",
    publisher: "Utgiver",
    year: "År",
    readOnline: "Les på nett",
    download: "Last ned",
    topics: "Temaer",
    where: "Sted",
    format: "Form",
    kind: "Type",
    register: "Påmelding",
    programme: "Program",
    coOrganisers: "Medarrangører",
    photo: "Foto",
    quote: "Sitat",
    page: "s.",
    strategy: "Strategi",
    partOf: "Del av",
    image: "Bilde",
  },
  en: {
    skip: "Skip to content",
    loading: "Loading …",
    languages: "Language",
    breadcrumbs: "Breadcrumbs",
    notFoundTitle: "Page not found",
    notFound: "This page does not exist, or it is not published.",
    errorTitle: "Something went wrong",
    error: "The content could not be loaded. Please try again later.",
    toFront: "To the front page",
    previewLabel: "Preview",
    preview: "Preview: this is how the page will look once published. It is not published yet.",
    previewExpired: "The preview has expired. Press “Preview” in the editor again.",
    fallback: "This page has not been translated yet and is shown in Norwegian.",
    unofficial: "Unofficial translation.",
    branches: "County branches",
    plans: "Action plans",
    plan: "Action plan",
    period: "Period",
    stage: "Status",
    developmentArea: "Development area",
    adoptedBy: "Adopted by",
    overallGoal: "Overall goal",
    background: "Background",
    definitions: "Definitions",
    source: "Source",
    strategies: "Strategies and measures",
    measures: "Measures",
    noMeasures: "No measures yet.",
    measure: "Measure",
    status: "Status",
    statusUpdates: "Status updates",
    timing: "When",
    recurring: "recurring",
    partners: "Partners",
    targetGroups: "Target groups",
    goals: "Sustainable Development Goals",
    goal: "Goal",
    contacts: "Contact persons",
    contact: "Contact person",
    phone: "Phone",
    email: "E-mail",
    relatedEvents: "Events",
    relatedResources: "Resources",
    resources: "Resources",
    events: "Events",
    upcoming: "Upcoming events",
    noResources: "No resources yet.",
    noEvents: "No events yet.",
    allResources: "All resources",
    allEvents: "All events",
    publication: "Publication",
    authors: "Authors",
    publisher: "Publisher",
    year: "Year",
    readOnline: "Read online",
    download: "Download",
    topics: "Topics",
    where: "Where",
    format: "Format",
    kind: "Kind",
    register: "Registration",
    programme: "Programme",
    coOrganisers: "Co-organisers",
    photo: "Photo",
    quote: "Quotation",
    page: "p.",
    strategy: "Strategy",
    partOf: "Part of",
    image: "Image",
  },
};

const LABELS = {
  nb: {
    status: { planned: "Planlagt", ongoing: "Pågår", completed: "Fullført", cancelled: "Avlyst" },
    stage: { proposed: "Foreslått", adopted: "Vedtatt", archived: "Arkivert" },
    role: {
      partner: "Samarbeidspartner",
      co_organiser: "Medarrangør",
      funder: "Finansiør",
      recipient: "Mottar informasjon",
    },
    kind: {
      conference: "Konferanse",
      recurring_digital_meeting: "Fast digitalt møte",
      meeting: "Møte",
    },
    format: { physical: "Fysisk", digital: "Digitalt", hybrid: "Hybrid" },
  },
  en: {
    status: { planned: "Planned", ongoing: "Ongoing", completed: "Completed", cancelled: "Cancelled" },
    stage: { proposed: "Proposed", adopted: "Adopted", archived: "Archived" },
    role: {
      partner: "Partner",
      co_organiser: "Co-organiser",
      funder: "Funder",
      recipient: "Receives information",
    },
    kind: { conference: "Conference", recurring_digital_meeting: "Recurring digital meeting", meeting: "Meeting" },
    format: { physical: "Physical", digital: "Digital", hybrid: "Hybrid" },
  },
};

const LANGUAGE_NAMES = { nb: "Norsk (bokmål)", nn: "Norsk (nynorsk)", en: "English", se: "Davvisámegiella" };

let current = "nb";

/** Choose the language of the website's own words (the page's language). */
export function setLanguage(language) {
  current = WORDS[language] ? language : "nb";
}

/** A word of the website in the current language. */
export function t(key) {
  return WORDS[current][key] ?? WORDS.nb[key] ?? key;
}

/** The label of a code: the API's own label when it gives one, else the website's. */
export function label(group, value, apiLabel) {
  if (value && typeof value === "object") return value.label ?? value.code ?? "";
  if (apiLabel) return apiLabel;
  return LABELS[current]?.[group]?.[value] ?? LABELS.nb[group]?.[value] ?? value ?? "";
}

/** A language's name in that language, for the switcher. */
export function languageName(code) {
  return LANGUAGE_NAMES[code] ?? code;
}

/** A date (YYYY-MM-DD) as the reader writes it. */
export function formatDate(value) {
  if (!value) return "";
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toLocaleDateString(current === "nb" ? "nb-NO" : current, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
