// A county branch's front page: its plans, resources, upcoming events and contact persons.
import { list } from "../api.js";
import { h } from "../dom.js";
import { label } from "../i18n.js";
import { contacts, figure, pageHeader, pageLink, richText, section, t, teaser, timingText } from "./common.js";

/** The index page of a kind under the branch: from `children` when the API gives them. */
function indexLink(data, type, items, text) {
  const child = (data.children ?? []).find((c) => c.type === type);
  if (child) return h("p", {}, pageLink(child, text));
  // Without `children`, an item's parent path is its index page.
  const first = items[0]?.url;
  if (!first) return null;
  return h("p", {}, h("a", { href: first.replace(/[^/]+\/$/, "") }, text));
}

export async function renderBranch(data) {
  const [resources, events] = await Promise.all([
    list("resources/", { branch: data.slug, locale: data.locale }, 1),
    list("events/", { branch: data.slug, locale: data.locale, upcoming: "true" }, 1),
  ]);
  return [
    pageHeader(data),
    figure(data.logo, { size: "small", className: "figure logo" }),
    richText(data.intro),
    section(
      t("plans"),
      (data.plans ?? []).map((plan) =>
        teaser(
          plan,
          3,
          h("p", { class: "meta" }, `${plan.period?.label ?? ""} · ${label("stage", plan.stage, plan.stage_label)}`),
        ),
      ),
    ),
    section(t("upcoming"), [
      events.length
        ? h(
            "ul",
            { class: "link-list" },
            events.slice(0, 5).map((event) => h("li", {}, pageLink(event), ` – ${timingText(event.timing)}`)),
          )
        : h("p", {}, t("noEvents")),
      indexLink(data, "event_index", events, t("allEvents")),
    ]),
    section(t("resources"), [
      resources.length
        ? h("ul", { class: "link-list" }, resources.slice(0, 5).map((r) => h("li", {}, pageLink(r))))
        : h("p", {}, t("noResources")),
      indexLink(data, "resource_index", resources, t("allResources")),
    ]),
    contacts(data.contacts?.map((c) => c.contact ?? c)),
  ];
}
