// copylint copy desk: check the copy in the textarea through /api/v1/check and underline the
// findings in the backdrop behind it. Offsets come as start_utf16 / end_utf16, which index a
// JavaScript string directly. The textarea always holds the editor's text: the page never rewrites
// it except through an edit the editor asked for (a suggestion, a fix), made with the browser's
// own editing command so that Ctrl+Z undoes it.
"use strict";

(() => {
  const FAMILIES = [
    ["CL1", "spelling", "Spelling"],
    ["CL2", "names", "Names"],
    ["CL3", "boilerplate", "Boilerplate"],
    ["CL4", "grammar", "Grammar"],
    ["CL0", "housekeeping", "Housekeeping"],
  ];
  const CHECK_DELAY_MS = 400;
  const HOVER_DELAY_MS = 200;
  const DRAFT_KEY = "copylint-draft";
  const SETTINGS_KEY = "copylint-settings";
  const KEY_KEY = "copylint-api-key";

  const $ = (id) => document.getElementById(id);
  const textarea = $("copy");
  const backdrop = $("backdrop");
  const list = $("findings");
  const counts = $("counts");
  const notices = $("notices");
  const status = $("status");
  const popover = $("popover");
  const dialect = $("dialect");
  const houseStyle = $("house-style");
  const format = $("format");
  const fixAll = $("fix-all");
  const keyBar = $("key-bar");

  const state = {
    text: "",          // the text the findings belong to
    findings: [],
    dismissed: new Set(),
    seq: 0,            // the latest check sent; older answers are dropped
    timer: 0,
    hoverTimer: 0,
    pinned: false,     // the popover was opened by a click and stays until closed
    grammar: false,    // the server passes grammar through from LanguageTool
  };
  let apiKey = new URLSearchParams(location.search).get("apiKey") || sessionStorage.getItem(KEY_KEY) || "";

  // ------------------------------------------------------------------ the server
  async function api(path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (apiKey) headers.Authorization = "Bearer " + apiKey;
    const response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      data = null;
    }
    if (response.status === 401) keyBar.hidden = false;
    if (!response.ok) throw new Error((data && data.error) || "HTTP " + response.status);
    return data;
  }

  function request(extra) {
    const config = { "house-style": houseStyle.value };
    if (dialect.value) config.dialect = dialect.value;
    return Object.assign({ text: textarea.value, format: format.value, config }, extra);
  }

  async function check() {
    clearTimeout(state.timer);
    const seq = ++state.seq;
    const text = textarea.value;
    const started = performance.now();
    setStatus("Checking…");
    try {
      const data = await api("api/v1/check", request({ text }));
      if (seq !== state.seq) return;
      show(text, data.findings, data.notices);
      setStatus(summary() + " · checked in " + Math.round(performance.now() - started) + " ms");
    } catch (error) {
      if (seq === state.seq) setStatus("Could not check: " + error.message, true);
    }
  }

  function scheduleCheck(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, delay);
  }

  // ------------------------------------------------------------------ drawing
  function familyOf(code) {
    const found = FAMILIES.find(([prefix]) => code.startsWith(prefix));
    return found ? { id: found[1], label: found[2] } : { id: "other", label: "Other" };
  }

  function visible() {
    return state.findings.filter((f) => !state.dismissed.has(key(f)));
  }

  function key(f) {
    return f.code + ":" + f.start_utf16 + ":" + f.end_utf16 + ":" + f.text;
  }

  function show(text, findings, serverNotices) {
    state.text = text;
    state.findings = findings.map((f, index) => Object.assign({ index }, f));
    hidePopover(true);
    drawMarks();
    drawList();
    drawCounts();
    notices.hidden = !serverNotices.length;
    notices.textContent = serverNotices.join(" ");
    const safe = state.findings.filter((f) => f.fix && f.fix.applicability === "safe").length;
    fixAll.disabled = safe === 0;
    fixAll.textContent = safe ? "Apply all safe fixes (" + safe + ")" : "Apply all safe fixes";
  }

  // The backdrop holds the same text as the textarea, with each flagged span in a <mark>. Where
  // findings overlap, the text is cut at every boundary and each piece takes the shortest finding
  // that covers it.
  function drawMarks() {
    const text = textarea.value;
    backdrop.textContent = "";
    const findings = text === state.text ? visible().filter((f) => f.end_utf16 > f.start_utf16) : [];
    const cuts = new Set([0, text.length]);
    for (const f of findings) {
      cuts.add(f.start_utf16);
      cuts.add(f.end_utf16);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const covering = findings.filter((f) => f.start_utf16 <= from && to <= f.end_utf16);
      const piece = text.slice(from, to);
      if (!covering.length) {
        fragment.append(piece);
        continue;
      }
      covering.sort((a, b) => (a.end_utf16 - a.start_utf16) - (b.end_utf16 - b.start_utf16));
      const f = covering[0];
      const mark = document.createElement("mark");
      mark.className = "finding fam-" + familyOf(f.code).id;
      mark.dataset.index = String(f.index);
      mark.dataset.code = f.code;
      mark.textContent = piece;
      fragment.append(mark);
    }
    // a final line break makes an empty last line in the textarea: give the backdrop one too
    if (text.endsWith("\n") || !text) fragment.append(" ");
    backdrop.append(fragment);
  }

  function drawList() {
    list.textContent = "";
    for (const f of visible()) {
      const fam = familyOf(f.code);
      const item = document.createElement("li");
      item.className = "fam-" + fam.id;
      item.dataset.index = String(f.index);
      const head = document.createElement("div");
      head.className = "finding-head";
      const where = document.createElement("span");
      where.textContent = fam.label + " · line " + f.line;
      const code = document.createElement("code");
      code.textContent = f.code + " " + f.rule;
      head.append(where, code);
      const flagged = document.createElement("p");
      flagged.className = "flagged";
      flagged.textContent = "“" + shorten(f.text, 80) + "”";
      const message = document.createElement("p");
      message.className = "message";
      message.textContent = f.message;
      item.append(head, flagged, message, actions(f));
      item.addEventListener("click", (event) => {
        if (event.target.closest("button")) return;
        select(f);
      });
      list.append(item);
    }
  }

  function drawCounts() {
    counts.textContent = "";
    const shown = visible();
    for (const [prefix, id, label] of FAMILIES) {
      const n = shown.filter((f) => f.code.startsWith(prefix)).length;
      if (!n && (prefix === "CL0" || (prefix === "CL4" && !state.grammar))) continue;
      const chip = document.createElement("span");
      chip.className = "count fam-" + id + (n ? "" : " zero");
      chip.dataset.family = id;
      const dot = document.createElement("span");
      dot.className = "dot";
      const name = document.createElement("span");
      name.textContent = label;
      const number = document.createElement("b");
      number.textContent = String(n);
      chip.append(dot, name, number);
      counts.append(chip);
    }
  }

  function actions(f) {
    const box = document.createElement("div");
    box.className = "actions";
    for (const value of f.suggestions) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "suggestion" + (value ? "" : " empty");
      button.dataset.value = value;
      button.textContent = value || "delete";
      button.title = "Replace with this";
      button.addEventListener("click", () => applySuggestion(f, value));
      box.append(button);
    }
    if (f.fix && !fixIsFirstSuggestion(f)) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fix";
      const deletes = f.fix.edits.every((e) => e.replacement === "");
      button.textContent = (deletes ? "Delete" : "Apply fix") + " (" + f.fix.applicability + ")";
      button.addEventListener("click", () => applyFix(f));
      box.append(button);
    }
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "dismiss";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", () => {
      state.dismissed.add(key(f));
      hidePopover(true);
      drawMarks();
      drawList();
      drawCounts();
    });
    box.append(dismiss);
    return box;
  }

  function fixIsFirstSuggestion(f) {
    const edits = f.fix.edits;
    return edits.length === 1 && edits[0].start_utf16 === f.start_utf16 && edits[0].end_utf16 === f.end_utf16 &&
      edits[0].replacement === f.suggestions[0];
  }

  function summary() {
    const n = visible().length;
    return n === 1 ? "1 finding" : n + " findings";
  }

  function shorten(text, limit) {
    const line = text.replace(/\s+/g, " ").trim();
    return line.length > limit ? line.slice(0, limit - 1) + "…" : line;
  }

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  // ------------------------------------------------------------------ editing
  // Replace [start, end) with value as an edit of the editor's own (undoable with Ctrl+Z).
  function edit(start, end, value) {
    const before = textarea.value;
    const expected = before.slice(0, start) + value + before.slice(end);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const done = value ? document.execCommand("insertText", false, value) : document.execCommand("delete");
    if (!done || textarea.value !== expected) {
      textarea.value = expected;
      textarea.setSelectionRange(start + value.length, start + value.length);
    }
    edited(0);
  }

  function current(f) {
    return state.text === textarea.value && textarea.value.slice(f.start_utf16, f.end_utf16) === f.text;
  }

  function applySuggestion(f, value) {
    hidePopover(true);
    if (!current(f)) return stale();
    edit(f.start_utf16, f.end_utf16, value);
  }

  function applyFix(f) {
    hidePopover(true);
    if (!current(f)) return stale();
    const edits = [...f.fix.edits].sort((a, b) => a.start_utf16 - b.start_utf16);
    const start = edits[0].start_utf16;
    const end = Math.max(...edits.map((e) => e.end_utf16));
    let replacement = "";
    let at = start;
    for (const e of edits) {
      replacement += textarea.value.slice(at, e.start_utf16) + e.replacement;
      at = e.end_utf16;
    }
    edit(start, end, replacement + textarea.value.slice(at, end));
  }

  function stale() {
    setStatus("The copy changed since it was checked; checking again.");
    check();
  }

  async function applyAllSafeFixes() {
    hidePopover(true);
    const text = textarea.value;
    fixAll.disabled = true;
    setStatus("Fixing…");
    try {
      const data = await api("api/v1/fix", request({ text, unsafe: false }));
      if (textarea.value !== text) return stale();
      if (data.changed) edit(0, text.length, data.text);
      state.seq++;
      clearTimeout(state.timer);
      show(data.text, data.findings, data.notices);
      setStatus("Applied " + data.applied.length + " safe fix" + (data.applied.length === 1 ? "" : "es") +
        " · " + summary() + " left");
    } catch (error) {
      setStatus("Could not fix: " + error.message, true);
      fixAll.disabled = false;
    }
  }

  function select(f) {
    if (!current(f)) return stale();
    textarea.focus();
    textarea.setSelectionRange(f.start_utf16, f.end_utf16);
    const mark = backdrop.querySelector('mark[data-index="' + f.index + '"]');
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
    highlight(f.index);
  }

  function highlight(index) {
    for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
    if (index === null) return;
    for (const el of document.querySelectorAll('[data-index="' + index + '"]')) el.classList.add("active");
  }

  // Typing: redraw the copy at once (without marks: their offsets no longer hold), check soon.
  function edited(delay) {
    drawMarks();
    saveDraft();
    scheduleCheck(delay);
  }

  // ------------------------------------------------------------------ the popover
  function markAt(x, y) {
    return document.elementsFromPoint(x, y).find((el) => el.matches && el.matches("mark.finding")) || null;
  }

  function showPopover(mark, pin) {
    const f = state.findings[Number(mark.dataset.index)];
    if (!f) return;
    const fam = familyOf(f.code);
    popover.textContent = "";
    const head = document.createElement("div");
    head.className = "family fam-" + fam.id;
    const dot = document.createElement("span");
    dot.className = "dot";
    const label = document.createElement("span");
    label.textContent = fam.label;
    const rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = f.code + " " + f.rule;
    head.append(dot, label, rule);
    const message = document.createElement("p");
    message.className = "message";
    message.textContent = f.message;
    popover.append(head, message, actions(f));
    popover.dataset.index = String(f.index);
    popover.hidden = false;
    const rect = mark.getBoundingClientRect();
    const width = popover.offsetWidth;
    const left = Math.min(Math.max(8, rect.left), window.innerWidth - width - 8);
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = rect.bottom + window.scrollY + 6 + "px";
    state.pinned = pin;
    highlight(f.index);
  }

  function hidePopover(force) {
    if (state.pinned && !force) return;
    popover.hidden = true;
    state.pinned = false;
    highlight(null);
  }

  // ------------------------------------------------------------------ settings, drafts, files
  function saveSettings() {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({
      dialect: dialect.value, houseStyle: houseStyle.value, format: format.value,
    }));
  }

  function saveDraft() {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: textarea.value, format: format.value }));
  }

  function restore() {
    try {
      const settings = JSON.parse(localStorage.getItem(SETTINGS_KEY) || "{}");
      if (settings.format) format.value = settings.format;
      const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || "{}");
      if (draft.text && !textarea.value) {
        textarea.value = draft.text;
        if (draft.format) format.value = draft.format;
      }
      return settings;
    } catch (_) {
      return {};
    }
  }

  function fill(select, values, chosen) {
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
    if (chosen !== undefined && values.includes(chosen)) select.value = chosen;
  }

  async function loadOptions(settings) {
    try {
      const options = await api("api/v1/options");
      state.grammar = options.grammar;
      fill(dialect, options.dialects, settings.dialect);
      fill(houseStyle, options.house_styles, settings.houseStyle);
      keyBar.hidden = true;
      return true;
    } catch (error) {
      setStatus("Could not reach the server: " + error.message, true);
      return false;
    }
  }

  function formatOf(name) {
    const lower = name.toLowerCase();
    if (/\.(md|markdown)$/.test(lower)) return "markdown";
    if (/\.html?$/.test(lower)) return "html";
    return "text";
  }

  function openFile(file) {
    const reader = new FileReader();
    reader.onload = () => {
      format.value = formatOf(file.name);
      saveSettings();
      edit(0, textarea.value.length, String(reader.result));
      setStatus("Opened " + file.name + "; checking…");
    };
    reader.onerror = () => setStatus("Could not read " + file.name, true);
    reader.readAsText(file);
  }

  // ------------------------------------------------------------------ wiring
  textarea.addEventListener("input", (event) => {
    edited(event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop" ? 0 : CHECK_DELAY_MS);
  });
  textarea.addEventListener("mousemove", (event) => {
    clearTimeout(state.hoverTimer);
    const mark = markAt(event.clientX, event.clientY);
    if (!mark) {
      state.hoverTimer = setTimeout(() => hidePopover(false), HOVER_DELAY_MS);
      return;
    }
    if (!popover.hidden && popover.dataset.index === mark.dataset.index) return;
    state.hoverTimer = setTimeout(() => { if (!state.pinned) showPopover(mark, false); }, HOVER_DELAY_MS);
  });
  textarea.addEventListener("click", (event) => {
    const mark = markAt(event.clientX, event.clientY);
    if (mark) showPopover(mark, true);
    else hidePopover(true);
  });
  popover.addEventListener("mouseenter", () => clearTimeout(state.hoverTimer));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hidePopover(true);
  });
  document.addEventListener("mousedown", (event) => {
    if (!popover.hidden && !popover.contains(event.target) && event.target !== textarea) hidePopover(true);
  });
  window.addEventListener("resize", () => hidePopover(true));
  for (const control of [dialect, houseStyle, format]) {
    control.addEventListener("change", () => {
      saveSettings();
      check();
    });
  }
  fixAll.addEventListener("click", applyAllSafeFixes);
  $("file").addEventListener("change", (event) => {
    if (event.target.files[0]) openFile(event.target.files[0]);
    event.target.value = "";
  });
  keyBar.addEventListener("submit", async (event) => {
    event.preventDefault();
    apiKey = $("key").value.trim();
    sessionStorage.setItem(KEY_KEY, apiKey);
    if (await loadOptions({})) check();
  });

  const settings = restore();
  drawMarks();
  loadOptions(settings).then((ok) => {
    if (ok && textarea.value) check();
  });
})();
