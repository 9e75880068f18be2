// presslens article view. Builds the page from data; every piece of article text goes in through
// textContent (or a text node), never as markup, so nothing in an article can run or render as HTML.
// Streamlit calls this function again whenever the data changes, with the same parentElement.

const NEXT_KEYS = new Set(["n", "j"]);
const PREVIOUS_KEYS = new Set(["p", "k"]);
const BOILERPLATE = 1, FOCUS = 2, SENTENCE = 4;

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

function drawHeader(data) {
  const head = node("header", "head");
  head.appendChild(node("h2", "title", data.header.title));
  const byline = node("div", "byline");
  for (const part of data.header.byline) byline.appendChild(node("span", "part", part));
  byline.appendChild(data.header.date ? node("span", "part", data.header.date) : node("span", "part unknown", "date unknown"));
  const url = data.header.url;
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    const link = node("a", "part source-link", "original");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    byline.appendChild(link);
  }
  head.appendChild(byline);
  for (const note of data.notes) head.appendChild(node("p", "note", note));
  return head;
}

function drawLegend(data, send) {
  const legend = node("div", "legend");
  legend.setAttribute("role", "group");
  legend.setAttribute("aria-label", "Entity types: click to switch highlights on or off");
  data.legend.forEach((entry) => {
    const button = node("button", "legend-item" + (entry.on ? "" : " is-off"));
    button.type = "button";
    button.dataset.type = entry.type;
    button.setAttribute("aria-pressed", entry.on ? "true" : "false");
    button.title = (entry.on ? "Hide " : "Show ") + entry.name + " highlights";
    button.style.setProperty("--hl", entry.colour);
    button.style.setProperty("--line", entry.line);
    button.appendChild(node("span", "swatch"));
    button.appendChild(node("span", "name", entry.name));
    button.appendChild(node("span", "count", entry.count));
    button.addEventListener("click", () => send({ kind: "toggle", type: entry.type }));
    legend.appendChild(button);
  });
  const hint = node("span", "hint", data.stepping
    ? "n / p: next / previous mention · Esc: close"
    : "Click a highlight to follow that actor through the text");
  legend.appendChild(hint);
  return legend;
}

function drawSegment(segment, data) {
  const [text, index, flags] = segment;
  let inner;
  if (index >= 0) {
    const mention = data.mentions[index];
    const entry = data.legend[mention.type];
    inner = node("span", "hl " + mention.state, text);
    inner.dataset.mention = mention.id;
    inner.dataset.type = entry.type;
    if (mention.own) inner.classList.add("own");
    if (mention.current) inner.classList.add("current");
    if (mention.state !== "off") {
      inner.tabIndex = 0;  // reachable by keyboard: Enter selects, like a click
      inner.setAttribute("role", "button");
      inner.style.setProperty("--hl", entry.colour);
      inner.style.setProperty("--line", entry.line);
      inner.title = mention.tip;
    }
  } else {
    inner = document.createTextNode(text);
  }
  if (!flags) return inner;
  const wrap = node("span", [
    flags & BOILERPLATE ? "boilerplate" : "",
    flags & FOCUS ? "focus" : "",
    flags & SENTENCE ? "sentence" : "",
  ].join(" ").trim());
  if (flags & BOILERPLATE) wrap.title = "Not part of the story (byline, sign-off)";
  wrap.appendChild(inner);
  return wrap;
}

function drawText(data, send) {
  const body = node("div", "body" + (data.filtering ? " filtering" : ""));
  for (const paragraph of data.paragraphs) {
    const p = node("p");
    for (const segment of paragraph) p.appendChild(drawSegment(segment, data));
    body.appendChild(p);
  }
  const select = (event) => {
    const hit = event.target.closest(".hl");
    if (!hit || hit.classList.contains("off")) return false;
    send({ kind: "select", mention: hit.dataset.mention });
    return true;
  };
  body.addEventListener("click", select);
  body.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && select(event)) event.preventDefault();
  });
  return body;
}

function typingInto(event) {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function listenToKeys(data, send) {
  // One document listener at a time: replaced on every update, removed when the view unmounts.
  if (window.__presslensKeys) document.removeEventListener("keydown", window.__presslensKeys);
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event)) return;
    const key = event.key.toLowerCase();
    if (data.stepping && NEXT_KEYS.has(key)) send({ kind: "step", by: 1 });
    else if (data.stepping && PREVIOUS_KEYS.has(key)) send({ kind: "step", by: -1 });
    else if (data.selection && event.key === "Escape") send({ kind: "clear" });
    else return;
    event.preventDefault();
  };
  window.__presslensKeys = onKey;
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("keydown", onKey);
    if (window.__presslensKeys === onKey) window.__presslensKeys = null;
  };
}

export default function articleView({ data, parentElement, setTriggerValue }) {
  const send = (action) => setTriggerValue("action", action);
  // parentElement is a ShadowRoot (isolated styles), where ":scope >" matches nothing.
  let root = Array.from(parentElement.children).find((child) => child.classList.contains("presslens-article"));
  if (!root) {
    root = node("article", "presslens-article");
    parentElement.appendChild(root);
  }
  root.replaceChildren(drawHeader(data), drawLegend(data, send), drawText(data, send));
  root.dataset.article = data.id;
  root.dataset.ready = "true";

  // Scroll to the selection when it moved (or the view was just built with one).
  if (data.selection && root.dataset.selection !== data.selection) {
    const target = root.querySelector(".hl.current") || root.querySelector(".focus");
    if (target) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }
  root.dataset.selection = data.selection || "";
  return listenToKeys(data, send);
}
