// Resource articles: the branch's list and one publication with its document.
import { list } from "../api.js";
import { h } from "../dom.js";
import { facts, linkList, pageHeader, pageLink, richText, section, t, teaser } from "./common.js";

export async function renderResourceIndex(data) {
  const resources = await list("resources/", { branch: data.branch ? branchSlug(data) : undefined, locale: data.locale });
  return [
    pageHeader(data, data.branch ? h("p", { class: "meta" }, pageLink(data.branch)) : null),
    richText(data.intro),
    resources.length ? h("div", { class: "teasers" }, resources.map((r) => teaser(r, 2))) : h("p", {}, t("noResources")),
  ];
}

/** The branch slug of an index page: the first path segment after the language. */
export function branchSlug(data) {
  return new URL(data.branch.url, window.location.origin).pathname.split("/").filter(Boolean)[1];
}

function formatSize(bytes) {
  if (!bytes) return "";
  return bytes > 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

export function renderResource(data) {
  const publication = data.publication ?? {};
  const documentLink = data.document
    ? h(
        "p",
        { class: "download" },
        h("a", { href: data.document.url }, `${t("download")}: ${data.document.title}`),
        ` (${[data.document.file_extension?.toUpperCase(), formatSize(data.document.file_size)].filter(Boolean).join(", ")})`,
      )
    : null;
  return [
    pageHeader(data, data.branch ? h("p", { class: "meta" }, pageLink(data.branch)) : null),
    richText(data.summary, "rich-text summary"),
    section(t("publication"), [
      facts([
        [t("publication"), [publication.title, publication.subtitle].filter(Boolean).join(": ")],
        [t("authors"), publication.authors],
        [t("publisher"), publication.publisher],
        [t("year"), publication.year],
      ]),
      publication.external_url
        ? h("p", {}, h("a", { href: publication.external_url, rel: "external" }, t("readOnline")))
        : null,
      documentLink,
    ]),
    richText(data.body),
    section(
      t("topics"),
      data.topics?.length ? h("ul", { class: "tags" }, data.topics.map((topic) => h("li", {}, topic.name))) : null,
    ),
    section(t("measures"), linkList(data.measures)),
  ];
}
