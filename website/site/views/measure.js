// A measure: status and its history, timing, partners, target groups, goals, people, links.
import { h } from "../dom.js";
import { formatDate, label } from "../i18n.js";
import {
  contacts,
  facts,
  goals,
  linkList,
  organisations,
  pageHeader,
  pageLink,
  richText,
  section,
  t,
  targetGroups,
  timingText,
} from "./common.js";

function statusUpdates(updates) {
  if (!updates?.length) return null;
  return section(
    t("statusUpdates"),
    h(
      "ol",
      { class: "status-updates" },
      updates.map((update) =>
        h(
          "li",
          {},
          h("time", { datetime: update.date }, formatDate(update.date)),
          " ",
          h("span", { class: `status status-${update.status}` }, label("status", update.status, update.status_label)),
          update.note ? h("p", {}, update.note) : null,
        ),
      ),
    ),
  );
}

export function renderMeasure(data) {
  return [
    pageHeader(
      data,
      data.strategy ? h("p", { class: "meta" }, `${t("strategy")}: `, pageLink(data.strategy)) : null,
    ),
    facts([
      [t("status"), h("span", { class: `status status-${data.status}` }, label("status", data.status, data.status_label))],
      [t("timing"), timingText(data.timing)],
      [t("plan"), data.plan ? pageLink(data.plan) : null],
    ]),
    richText(data.summary, "rich-text summary"),
    richText(data.body),
    statusUpdates(data.status_updates),
    organisations(data.partners, t("partners")),
    targetGroups(data.target_groups),
    goals(data.goals),
    contacts(data.contacts),
    section(t("relatedEvents"), linkList(data.related_events)),
    section(t("relatedResources"), linkList(data.related_resources)),
  ];
}
