// The home page: the organisation and its county branches.
import { list } from "../api.js";
import { h } from "../dom.js";
import { pageHeader, pageLink, richText, section, t } from "./common.js";

export async function renderHome(data) {
  const branches = data.children
    ? data.children.filter((child) => child.type === "branch")
    : await list("branches/", { locale: data.locale });
  return [
    pageHeader(data),
    richText(data.intro),
    section(
      t("branches"),
      branches.length ? h("ul", { class: "link-list" }, branches.map((b) => h("li", {}, pageLink(b)))) : null,
    ),
  ];
}
