// Events: the branch's list (upcoming first) and one event with its programme.
import { list } from "../api.js";
import { h } from "../dom.js";
import { label } from "../i18n.js";
import { facts, linkList, organisations, pageHeader, pageLink, richText, section, t, targetGroups, teaser, timingText } from "./common.js";
import { branchSlug } from "./resources.js";

export async function renderEventIndex(data) {
  const events = await list("events/", { branch: data.branch ? branchSlug(data) : undefined, locale: data.locale });
  return [
    pageHeader(data, data.branch ? h("p", { class: "meta" }, pageLink(data.branch)) : null),
    richText(data.intro),
    events.length
      ? h(
          "div",
          { class: "teasers" },
          events.map((event) => teaser(event, 2, h("p", { class: "meta" }, timingText(event.timing)))),
        )
      : h("p", {}, t("noEvents")),
  ];
}

function programme(items) {
  if (!items?.length) return null;
  return section(
    t("programme"),
    h(
      "ol",
      { class: "programme" },
      items.map((item) =>
        h(
          "li",
          {},
          item.time ? h("span", { class: "time" }, `${item.time} `) : null,
          h("span", { class: "term" }, item.item),
          item.speaker ? ` – ${item.speaker}` : null,
          item.description ? h("p", {}, item.description) : null,
        ),
      ),
    ),
  );
}

export function renderEvent(data) {
  return [
    pageHeader(data, data.branch ? h("p", { class: "meta" }, pageLink(data.branch)) : null),
    facts([
      [t("kind"), label("kind", data.kind, data.kind_label)],
      [t("timing"), timingText(data.timing)],
      [t("format"), data.format ? label("format", data.format, data.format_label) : ""],
      [t("where"), data.location],
      [t("register"), data.registration_url ? h("a", { href: data.registration_url, rel: "external" }, data.registration_url) : ""],
    ]),
    richText(data.summary, "rich-text summary"),
    richText(data.body),
    programme(data.programme),
    targetGroups(data.target_groups),
    organisations(data.co_organisers, t("coOrganisers")),
    section(t("measures"), linkList(data.measures)),
  ];
}
