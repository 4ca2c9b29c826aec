// The plan with its strategies and measures (one request), and a strategy on its own page.
import { h } from "../dom.js";
import { label } from "../i18n.js";
import {
  contactCard,
  facts,
  figure,
  goals,
  pageHeader,
  pageLink,
  richText,
  section,
  t,
  timingText,
} from "./common.js";

function measureItem(measure) {
  return h(
    "li",
    { class: "measure-item" },
    pageLink(measure),
    h("span", { class: `status status-${measure.status}` }, label("status", measure.status, measure.status_label)),
    timingText(measure.timing) ? h("span", { class: "meta" }, timingText(measure.timing)) : null,
  );
}

function measureList(measures) {
  return measures?.length
    ? h("ul", { class: "measures" }, measures.map(measureItem))
    : h("p", {}, t("noMeasures"));
}

function strategySection(strategy) {
  return h(
    "section",
    { class: "strategy" },
    h("h3", {}, pageLink(strategy)),
    strategy.lead ? h("p", { class: "lead" }, strategy.lead) : null,
    richText(strategy.summary),
    h("h4", {}, t("measures")),
    measureList(strategy.measures),
  );
}

function quotation(quote) {
  return h(
    "figure",
    { class: "quote" },
    h("blockquote", {}, h("p", {}, quote.text)),
    quote.resource
      ? h(
          "figcaption",
          {},
          pageLink(quote.resource),
          quote.page_number ? `, ${t("page")} ${quote.page_number}` : null,
        )
      : null,
  );
}

export function renderPlan(data) {
  const area = data.development_area;
  return [
    pageHeader(
      data,
      h("p", { class: "meta" }, `${t("period")} ${data.period?.label ?? ""} · ${label("stage", data.stage, data.stage_label)}`),
    ),
    figure(data.cover_image, { size: "large" }),
    richText(data.introduction),
    area?.title
      ? section(t("developmentArea"), [
          h("p", { class: "lead" }, area.title),
          richText(area.description),
          facts([[t("adoptedBy"), area.adopted_by]]),
        ])
      : null,
    section(t("overallGoal"), richText(data.overall_goal)),
    section(t("background"), richText(data.background)),
    (data.quotes ?? []).length ? h("div", { class: "quotes" }, data.quotes.map(quotation)) : null,
    section(t("strategies"), [richText(data.strategies_introduction), (data.strategies ?? []).map(strategySection)]),
    section(
      t("definitions"),
      (data.definitions ?? []).length
        ? h(
            "dl",
            { class: "definitions" },
            data.definitions.map((d) => [
              h("dt", {}, d.term),
              h(
                "dd",
                {},
                richText(d.definition),
                d.source
                  ? h("p", { class: "meta" }, `${t("source")}: `, d.source_url ? h("a", { href: d.source_url }, d.source) : d.source)
                  : null,
              ),
            ]),
          )
        : null,
    ),
    section(t("contact"), contactCard(data.contact_person)),
  ];
}

export function renderStrategy(data) {
  return [
    pageHeader(data, data.plan ? h("p", { class: "meta" }, `${t("partOf")}: `, pageLink(data.plan)) : null),
    data.lead ? h("p", { class: "lead" }, data.lead) : null,
    richText(data.summary),
    richText(data.introduction),
    goals(data.goals),
    section(t("measures"), measureList(data.measures)),
  ];
}
