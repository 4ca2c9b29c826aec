// The CMS's public API (/api/v1/): one function per kind of request the website makes.
import { API_BASE_URL } from "../config.js";

export class NotFound extends Error {}

/** GET an API path with query parameters; the parsed JSON, or NotFound for a 404. */
export async function apiGet(path, params = {}) {
  const url = new URL(`${API_BASE_URL}/api/v1/${path}`, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 404) throw new NotFound(url.pathname);
  if (!response.ok) throw new Error(`${response.status} ${url.pathname}`);
  return response.json();
}

/** What lives at a website path: {type, data} or {type: "redirect", redirect}. */
export function resolve(path) {
  return apiGet("resolve/", { path });
}

/** A draft shown by the editor's preview (wagtail-headless-preview's token). */
export function preview(contentType, token) {
  return apiGet("preview/", { content_type: contentType, token });
}

/** Every item of a paginated list (follows `next`, at most `pages` pages). */
export async function list(path, params, pages = 5) {
  let page = await apiGet(path, { limit: 100, ...params });
  const results = [...page.results];
  while (page.next && pages > 1) {
    const next = new URL(page.next);
    page = await apiGet(path, Object.fromEntries(next.searchParams));
    results.push(...page.results);
    pages -= 1;
  }
  return results;
}
