// A small element builder: h("a", {href: "/"}, "text", child, …). No inline styles or scripts.

/** An element with attributes (null/false ones left out) and children (strings are text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Rich text from the API (HTML the CMS has already made safe) in a container. */
export function richText(html, className = "rich-text") {
  if (!html) return null;
  const container = h("div", { class: className });
  const template = document.createElement("template");
  template.innerHTML = html;
  container.append(template.content);
  return container;
}

/** Replace everything in `element` with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}
