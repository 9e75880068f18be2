// presslens article view. Builds the page from data; every piece of article text goes in through
// textContent (or a text node), never as markup, so nothing in an article can run or render as HTML.
// Streamlit calls this function again whenever the data changes, with the same parentElement.
//
// Clicks are handled here, at once: a highlight opens a popover beside it (the actor, its aliases,
// which mention this is, Previous/Next), n/p and Esc step and close, the legend switches types. The
// server is told afterwards, in one `sync` action (the selected mention and the hidden types), so the
// URL, the side panel and the other pages follow; its answer redraws the view in the same state.

const NEXT_KEYS = new Set(["n", "j"]);
const PREVIOUS_KEYS = new Set(["p", "k"]);
const BOILERPLATE = 1, FOCUS = 2, SENTENCE = 4;
const SYNC_DELAY_MS = 150;       // clicks in quick succession are sent once
const PENDING_MS = 8000;         // an unconfirmed local change outlives server redraws this long

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
  // Where the date came from ("date from the page's metadata"), or that there is none.
  if (data.header.date_note) byline.appendChild(node("span", "part date-source", data.header.date_note));
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

function drawLegend(data, view) {
  const legend = node("div", "legend");
  legend.setAttribute("role", "group");
  legend.setAttribute("aria-label", "Entity types: click to switch highlights on or off");
  data.legend.forEach((entry) => {
    const button = node("button", "legend-item");
    button.type = "button";
    button.dataset.type = entry.type;
    button.style.setProperty("--hl", entry.colour);
    button.style.setProperty("--line", entry.line);
    button.appendChild(node("span", "swatch"));
    button.appendChild(node("span", "name", entry.name));
    button.appendChild(node("span", "count", entry.count));
    button.addEventListener("click", () => view.toggle(entry.type));
    legend.appendChild(button);
  });
  legend.appendChild(node("span", "hint", "Click a highlight to follow that actor · n / p: next / previous · Esc: close"));
  return legend;
}

function drawSegment(segment, data) {
  const [text, index, flags] = segment;
  let inner;
  if (index >= 0) {
    const mention = data.mentions[index];
    const entry = data.legend[mention.type];
    inner = node("span", "hl", text);
    inner.dataset.mention = mention.id;
    inner.dataset.type = entry.type;
    inner.dataset.scope = mention.scope || (mention.state === "dim" ? "dim" : "on");
    inner.style.setProperty("--hl", entry.colour);
    inner.style.setProperty("--line", entry.line);
    inner.title = mention.tip;
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

function drawText(data, view) {
  const body = node("div", "body" + (data.filtering ? " filtering" : ""));
  for (const paragraph of data.paragraphs) {
    const p = node("p");
    for (const segment of paragraph) p.appendChild(drawSegment(segment, data));
    body.appendChild(p);
  }
  const select = (event) => {
    const hit = event.target.closest(".hl");
    if (!hit || hit.classList.contains("off")) return false;
    view.select(hit.dataset.mention);
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

// The view's state in the browser: what is selected and hidden, applied to the DOM without a redraw.
class View {
  constructor(root, send) {
    this.root = root;
    this.send = send;
    this.mention = null;
    this.hidden = new Set();
    this.pendingSince = 0;
    this.timer = null;
  }

  adopt(data) {
    // The server's state wins unless a local change is still on its way to it.
    const confirmed = data.current === this.mention && sameSet(data.hidden, this.hidden);
    if (!this.pendingSince || confirmed || Date.now() - this.pendingSince > PENDING_MS) {
      this.mention = data.current || null;
      this.hidden = new Set(data.hidden || []);
      this.pendingSince = 0;
      this.fromServer = true;
    } else {
      this.fromServer = false;
    }
  }

  get ownIds() {
    const m = this.mention && this.byId.get(this.mention);
    const actor = m && m.actor && this.data.actors[m.actor];
    return actor ? actor.mentions : [];
  }

  select(id) { this.mention = id; this.changed({ scroll: false }); }
  clear() { this.mention = null; this.changed({ cleared: true }); }
  toggle(type) {
    if (this.hidden.has(type)) this.hidden.delete(type); else this.hidden.add(type);
    const current = this.mention && this.byId.get(this.mention);
    if (current && this.hidden.has(this.data.legend[current.type].type)) this.mention = null;
    this.changed({ cleared: this.mention === null });
  }
  step(by) {
    const ids = this.ownIds;
    const next = ids[ids.indexOf(this.mention) + by];
    if (next) { this.mention = next; this.changed({ scroll: true }); }
  }

  changed({ scroll = false, cleared = false } = {}) {
    this.apply({ scroll });
    this.pendingSince = Date.now();
    this.cleared = this.cleared || cleared;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.send({ kind: "sync", mention: this.mention, hidden: [...this.hidden].sort(), cleared: this.cleared, at: Date.now() });
      this.cleared = false;
    }, SYNC_DELAY_MS);
  }

  apply({ scroll = false } = {}) {
    const own = new Set(this.ownIds);
    for (const el of this.root.querySelectorAll(".hl")) {
      const off = this.hidden.has(el.dataset.type);
      el.classList.toggle("off", off);
      el.classList.toggle("on", !off && el.dataset.scope === "on");
      el.classList.toggle("dim", !off && el.dataset.scope !== "on");
      el.classList.toggle("own", !off && own.has(el.dataset.mention));
      el.classList.toggle("current", !off && el.dataset.mention === this.mention);
      if (off) {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
      } else {
        el.tabIndex = 0;  // reachable by keyboard: Enter selects, like a click
        el.setAttribute("role", "button");
      }
    }
    for (const button of this.root.querySelectorAll(".legend-item")) {
      const on = !this.hidden.has(button.dataset.type);
      button.classList.toggle("is-off", !on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.title = (on ? "Hide " : "Show ") + button.querySelector(".name").textContent + " highlights";
    }
    this.popover(scroll);
  }

  popover(scroll) {
    const old = this.root.querySelector(".pop");
    if (old) old.remove();
    const target = this.mention && this.root.querySelector(`.hl.current`);
    if (!target) return;
    const m = this.byId.get(this.mention);
    const actor = m.actor && this.data.actors[m.actor];
    const pop = node("aside", "pop");
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", actor ? actor.name : target.textContent);
    const head = node("div", "pop-head");
    head.appendChild(node("strong", "pop-name", actor ? actor.name : target.textContent));
    const close = node("button", "pop-close", "×");
    close.type = "button";
    close.title = "Close (Esc)";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => this.clear());
    head.appendChild(close);
    pop.appendChild(head);
    if (actor) {
      const ids = actor.mentions;
      const position = ids.indexOf(this.mention);
      pop.appendChild(node("div", "pop-facts", `${actor.type} · ${ids.length} mention${ids.length === 1 ? "" : "s"}`));
      if (actor.aliases.length) pop.appendChild(node("div", "pop-aliases", "Also called " + actor.aliases.join(", ")));
      if (actor.roles && actor.roles.length) pop.appendChild(node("div", "pop-aliases", "Roles: " + actor.roles.join(", ")));
      const nav = node("div", "pop-nav");
      const back = node("button", "pop-step", "‹ Previous");
      back.type = "button";
      back.disabled = position <= 0;
      back.addEventListener("click", () => this.step(-1));
      const forward = node("button", "pop-step", "Next ›");
      forward.type = "button";
      forward.disabled = position < 0 || position >= ids.length - 1;
      forward.addEventListener("click", () => this.step(1));
      nav.appendChild(back);
      nav.appendChild(node("span", "pop-count", `Mention ${position + 1} of ${ids.length}`));
      nav.appendChild(forward);
      pop.appendChild(nav);
    } else {
      pop.appendChild(node("div", "pop-facts", m.tip || this.data.legend[m.type].name));
    }
    this.root.appendChild(pop);
    // Beside the mention: just below it, inside the article's width (a sheet at the bottom on a phone).
    const box = this.root.getBoundingClientRect();
    const at = target.getBoundingClientRect();
    pop.style.top = `${at.bottom - box.top + 6}px`;
    pop.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - pop.offsetWidth))}px`;
    if (scroll) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }
}

function sameSet(list, set) {
  const given = list || [];
  return given.length === set.size && given.every((x) => set.has(x));
}

function listenToKeys(view) {
  // One document listener at a time: replaced on every update, removed when the view unmounts.
  if (window.__presslensKeys) document.removeEventListener("keydown", window.__presslensKeys);
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event)) return;
    const key = event.key.toLowerCase();
    const stepping = view.ownIds.length > 0;
    if (stepping && NEXT_KEYS.has(key)) view.step(1);
    else if (stepping && PREVIOUS_KEYS.has(key)) view.step(-1);
    else if (view.mention && event.key === "Escape") view.clear();
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
  // parentElement is a ShadowRoot (isolated styles), where ":scope >" matches nothing.
  let root = Array.from(parentElement.children).find((child) => child.classList.contains("presslens-article"));
  if (!root) {
    root = node("article", "presslens-article");
    parentElement.appendChild(root);
  }
  if (!root.__view) root.__view = new View(root, (action) => setTriggerValue("action", action));
  const view = root.__view;
  view.send = (action) => setTriggerValue("action", action);
  view.data = data;
  view.byId = new Map(data.mentions.map((m) => [m.id, m]));
  view.adopt(data);
  root.replaceChildren(drawHeader(data), drawLegend(data, view), drawText(data, view));
  root.dataset.article = data.id;
  root.dataset.ready = "true";

  // Scroll to the selection when the server moved it (or the view was just built with one).
  const moved = view.fromServer && data.selection && root.dataset.selection !== data.selection;
  view.apply({ scroll: false });
  if (moved) {
    const target = root.querySelector(".hl.current") || root.querySelector(".focus");
    if (target) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }
  root.dataset.selection = data.selection || "";
  return listenToKeys(view);
}
