// Pieces every page type shares: headings, notices, images, people, organisations, lists.
import { h, richText } from "../dom.js";
import { formatDate, label, t } from "../i18n.js";

/** The page's heading with the notices a reader needs (fallback language, unofficial). */
export function pageHeader(data, ...extra) {
  return h(
    "header",
    { class: "page-header" },
    h("h1", { id: "page-title" }, data.title),
    extra,
    data.fallback ? h("p", { class: "notice" }, t("fallback")) : null,
    data.unofficial_translation ? h("p", { class: "notice" }, t("unofficial")) : null,
  );
}

/** A section with a heading (h2 unless told otherwise); null when it would be empty. */
export function section(title, content, { level = 2, className = "section" } = {}) {
  const items = [content].flat().filter(Boolean);
  if (!items.length) return null;
  return h("section", { class: className }, h(`h${level}`, {}, title), items);
}

/** A link to another page of the website (a reference object of the API). */
export function pageLink(ref, text) {
  if (!ref) return null;
  return ref.url ? h("a", { href: ref.url }, text ?? ref.title) : h("span", {}, text ?? ref.title);
}

/** A list of page references as links; null when empty. */
export function linkList(refs) {
  const items = (refs ?? []).filter(Boolean);
  if (!items.length) return null;
  return h("ul", { class: "link-list" }, items.map((ref) => h("li", {}, pageLink(ref))));
}

/** An image with its text alternative and its credit line. */
export function figure(image, { size = "medium", caption = null, className = "figure" } = {}) {
  if (!image) return null;
  const rendition = image.renditions?.[size] ?? image.renditions?.medium;
  if (!rendition) return null;
  const large = image.renditions?.large;
  return h(
    "figure",
    { class: className },
    h("img", {
      src: rendition.url,
      srcset: large ? `${rendition.url} ${rendition.width}w, ${large.url} ${large.width}w` : null,
      sizes: large ? "(min-width: 50rem) 48rem, 100vw" : null,
      width: rendition.width,
      height: rendition.height,
      alt: image.alt ?? "",
      // An alt text not yet translated is Bokmål: screen readers should read it as such.
      lang: image.alt_fallback ? "nb" : null,
      loading: "lazy",
    }),
    caption || image.credit
      ? h(
          "figcaption",
          {},
          caption ? h("span", {}, caption) : null,
          image.credit ? h("span", { class: "credit" }, `${t("photo")}: ${image.credit}`) : null,
        )
      : null,
  );
}

/** A contact person with role, phone, e-mail and (if consented) photo. */
export function contactCard(person) {
  if (!person) return null;
  return h(
    "div",
    { class: "contact" },
    person.photo ? figure(person.photo, { size: "small", className: "contact-photo" }) : null,
    h("p", { class: "contact-name" }, person.name),
    person.role ? h("p", {}, person.role) : null,
    person.phone
      ? h("p", {}, `${t("phone")}: `, h("a", { href: `tel:${person.phone.replaceAll(" ", "")}` }, person.phone))
      : null,
    person.email ? h("p", {}, `${t("email")}: `, h("a", { href: `mailto:${person.email}` }, person.email)) : null,
  );
}

/** Contact persons as a section. */
export function contacts(people, title = t("contacts")) {
  const cards = (people ?? []).filter(Boolean).map(contactCard);
  return section(title, cards.length ? h("div", { class: "contacts" }, cards) : null);
}

/** Organisations with their role ({organisation, role} rows). */
export function organisations(rows, title) {
  const items = (rows ?? []).filter((row) => row?.organisation);
  if (!items.length) return null;
  return section(
    title,
    h(
      "ul",
      { class: "organisations" },
      items.map(({ organisation, role, role_label: roleLabel }) =>
        h(
          "li",
          {},
          organisation.website
            ? h("a", { href: organisation.website, rel: "external" }, organisation.name)
            : organisation.name,
          role ? h("span", { class: "role" }, ` (${label("role", role, roleLabel)})`) : null,
        ),
      ),
    ),
  );
}

/** Target groups with their description. */
export function targetGroups(groups) {
  const items = (groups ?? []).filter(Boolean);
  if (!items.length) return null;
  return section(
    t("targetGroups"),
    h(
      "ul",
      { class: "target-groups" },
      items.map((group) =>
        h("li", {}, h("span", { class: "term" }, group.name), group.description ? ` – ${group.description}` : null),
      ),
    ),
  );
}

/** Sustainable Development Goals by number and title. */
export function goals(items, level = 2) {
  const list = (items ?? []).filter(Boolean);
  if (!list.length) return null;
  return section(
    t("goals"),
    h(
      "ul",
      { class: "goals" },
      list.map((goal) => h("li", {}, h("span", { class: "goal-number" }, `${t("goal")} ${goal.number}`), ` ${goal.title}`)),
    ),
    { level },
  );
}

/** When something happens: dates, or the editor's words ("våren 2025"), recurring or not. */
export function timingText(timing) {
  if (!timing) return "";
  const dates = [formatDate(timing.start_date), formatDate(timing.end_date)].filter(Boolean).join(" – ");
  const parts = [dates, timing.text].filter(Boolean);
  let text = parts.join(", ");
  if (timing.is_recurring && text) text += ` (${t("recurring")})`;
  return text;
}

/** A definition list of label → value pairs, skipping empty values. */
export function facts(pairs) {
  const rows = pairs.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (!rows.length) return null;
  return h(
    "dl",
    { class: "facts" },
    rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
  );
}

/** A short teaser of a page: its title as a link and its summary. */
export function teaser(item, level = 3, ...extra) {
  return h(
    "article",
    { class: "teaser" },
    h(`h${level}`, {}, pageLink(item)),
    extra,
    richText(item.summary, "rich-text summary"),
  );
}

export { label, richText, t };
