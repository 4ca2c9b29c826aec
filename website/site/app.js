// The reference website: routes every path through the API's resolve endpoint and renders
// the page it names; /preview/ renders an editor's draft (wagtail-headless-preview).
import { NotFound, preview, resolve } from "./api.js";
import { h, replace } from "./dom.js";
import { languageName, setLanguage, t } from "./i18n.js";
import { renderBranch } from "./views/branch.js";
import { renderEvent, renderEventIndex } from "./views/events.js";
import { renderHome } from "./views/home.js";
import { renderMeasure } from "./views/measure.js";
import { renderPlan, renderStrategy } from "./views/plan.js";
import { renderResource, renderResourceIndex } from "./views/resources.js";

const RENDERERS = {
  home: renderHome,
  branch: renderBranch,
  plan: renderPlan,
  strategy: renderStrategy,
  measure: renderMeasure,
  resource_index: renderResourceIndex,
  resource: renderResource,
  event_index: renderEventIndex,
  event: renderEvent,
};
const DEFAULT_LANGUAGE = "nb";
const SITE_NAME = { nb: "Norsk kulturskoleråd", en: "The Norwegian Council for Schools of Music and Performing Arts" };

const main = document.getElementById("main");
const switcher = document.querySelector("[data-language-switcher]");
const breadcrumbs = document.querySelector("[data-breadcrumbs]");
const banner = document.querySelector("[data-preview-banner]");
let firstRender = true;

/** The language of a website path (/nb/…), else the default. */
function pathLanguage(path) {
  return path.split("/")[1] || DEFAULT_LANGUAGE;
}

/** Words of the page shell (skip link, landmarks, footer) in the page's language. */
function localiseShell(language, data) {
  setLanguage(language);
  document.documentElement.lang = language;
  document.querySelector(".skip-link").textContent = t("skip");
  switcher.setAttribute("aria-label", t("languages"));
  breadcrumbs.setAttribute("aria-label", t("breadcrumbs"));
  const siteName = document.querySelector("[data-site-name]");
  siteName.textContent = SITE_NAME[language] ?? SITE_NAME.nb;
  siteName.setAttribute("href", `/${language}/`);
  document.querySelector("[data-footer]").textContent = data?.branch?.title ?? SITE_NAME[language] ?? SITE_NAME.nb;
}

/** Links to the page in its other languages (from `translations`). */
function renderSwitcher(data) {
  const translations = data?.translations ?? {};
  const items = Object.entries(translations)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { url }]) =>
      h(
        "li",
        {},
        code === data.locale
          ? h("a", { href: url, lang: code, hreflang: code, "aria-current": "page" }, languageName(code))
          : h("a", { href: url, lang: code, hreflang: code }, languageName(code)),
      ),
    );
  replace(switcher, items.length > 1 ? h("ul", {}, items) : null);
}

/** Where the page sits: branch › plan › strategy. */
function renderBreadcrumbs(data) {
  const trail = [data.branch, data.plan, data.strategy].filter((ref) => ref?.url);
  breadcrumbs.hidden = !trail.length;
  replace(
    breadcrumbs,
    trail.length
      ? h(
          "ol",
          {},
          trail.map((ref) => h("li", {}, h("a", { href: ref.url }, ref.title))),
          h("li", {}, h("span", { "aria-current": "page" }, data.title)),
        )
      : null,
  );
}

function showMessage(title, text, language) {
  localiseShell(language);
  renderSwitcher(null);
  renderBreadcrumbs({});
  document.title = title;
  replace(main, h("h1", {}, title), h("p", {}, text), h("p", {}, h("a", { href: `/${language}/` }, t("toFront"))));
}

async function renderPage(data, { isPreview = false } = {}) {
  const language = data.locale ?? DEFAULT_LANGUAGE;
  localiseShell(language, data);
  const render = RENDERERS[data.type];
  if (!render) throw new NotFound(data.type);
  const content = await render(data);
  renderSwitcher(isPreview ? null : data);
  renderBreadcrumbs(data);
  banner.hidden = !isPreview;
  banner.setAttribute("aria-label", t("previewLabel"));
  replace(banner, isPreview ? h("p", {}, t("preview")) : null);
  const branchName = data.type === "branch" ? null : data.branch?.title;
  document.title = [data.title, branchName ?? SITE_NAME[language] ?? SITE_NAME.nb].filter(Boolean).join(" – ");
  replace(main, content);
  main.dataset.pageType = data.type;
}

/** Render what the current address names. */
async function route() {
  const { pathname, search } = window.location;
  const language = pathLanguage(pathname);
  main.setAttribute("aria-busy", "true");
  try {
    if (pathname === "/preview/" || pathname === "/preview") {
      const params = new URLSearchParams(search);
      const data = await preview(params.get("content_type"), params.get("token"));
      await renderPage(data, { isPreview: true });
    } else if (pathname === "/") {
      window.history.replaceState(null, "", `/${DEFAULT_LANGUAGE}/`);
      return route();
    } else {
      const result = await resolve(pathname);
      if (result.type === "redirect") {
        const target = new URL(result.redirect.location, window.location.origin);
        if (target.origin !== window.location.origin) {
          window.location.replace(target.href);
          return;
        }
        window.history.replaceState(null, "", target.pathname + target.search + target.hash);
        return route();
      }
      await renderPage(result.data);
    }
  } catch (error) {
    if (error instanceof NotFound) {
      const isPreview = pathname.startsWith("/preview");
      showMessage(t("notFoundTitle"), isPreview ? t("previewExpired") : t("notFound"), language);
    } else {
      console.error(error);
      showMessage(t("errorTitle"), t("error"), language);
    }
  } finally {
    main.removeAttribute("aria-busy");
  }
  if (!firstRender) {
    main.focus();
    window.scrollTo(0, 0);
  }
  firstRender = false;
  document.body.dataset.ready = "true";
}

/** Follow links inside the website without reloading the page. */
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download") || link.rel === "external") return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (!/^\/[a-z]{2}\//.test(url.pathname)) return; // documents, media, admin: a normal load
  event.preventDefault();
  if (url.pathname === window.location.pathname && url.hash) {
    window.location.hash = url.hash;
    return;
  }
  window.history.pushState(null, "", url.pathname + url.search + url.hash);
  document.body.dataset.ready = "false";
  route();
}

document.addEventListener("click", onClick);
window.addEventListener("popstate", route);
route();
