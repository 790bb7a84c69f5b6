// The playground page: pick a member and a command, send it through the local endpoint, and see the channel as the
// emulated Discord holds it: replies turning from "thinking…" into text, buttons to click, forms (modals) to fill,
// files to attach. A private reply is shown only while you are the member it is for.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const state = { setup: null, items: new Map(), modal: null, typing: [] };
  const OPTION_TYPES = { SUB_COMMAND: 1, STRING: 3, BOOLEAN: 5, USER: 6, ATTACHMENT: 11 };
  const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

  async function api(path, body) {
    const response = await fetch(path, body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    return response.json();
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === "class") node.className = value; else node.setAttribute(key, value);
    });
    children.filter((c) => c !== null && c !== undefined).forEach((c) =>
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c));
    return node;
  }

  function me() { return $("member").value; }

  // The bot's one name, as the pretend server knows its user (and as "@RoastDen" mentions it).
  function botName() { return (state.setup && state.setup.bot_name) || "RoastDen"; }

  // Runs a change to the list and keeps the newest message in view when the list was at its end before it (or
  // `always`): a reply that grows from "thinking…" into text stays in sight; reading older messages is not disturbed.
  function follow(change, always) {
    const list = $("messages");
    const atEnd = always || list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    change();
    if (atEnd) list.scrollTop = list.scrollHeight;
  }

  function memberName(id) {
    const member = state.setup.members.find((m) => m.id === id);
    return member ? member.name : id;
  }

  function command() {
    return state.setup.commands.find((c) => c.name === $("command").value);
  }

  function currentOptions() {
    const spec = command();
    if (!spec) return [];
    const subcommands = (spec.options || []).filter((o) => o.type === OPTION_TYPES.SUB_COMMAND);
    if (subcommands.length) {
      const sub = subcommands.find((s) => s.name === $("subcommand").value) || subcommands[0];
      return sub.options || [];
    }
    return spec.options || [];
  }

  function renderCommand() {
    const spec = command();
    const subcommands = (spec.options || []).filter((o) => o.type === OPTION_TYPES.SUB_COMMAND);
    $("subcommand-label").hidden = subcommands.length === 0;
    if (subcommands.length && !$("subcommand").options.length) {
      subcommands.forEach((s) => $("subcommand").appendChild(el("option", { value: s.name }, s.name + " — " + s.description)));
    }
    if (!subcommands.length) $("subcommand").innerHTML = "";
    renderOptions();
  }

  function renderOptions() {
    const container = $("options");
    container.innerHTML = "";
    currentOptions().forEach((option) => {
      let input;
      if (option.type === OPTION_TYPES.USER) {
        input = el("select", { "data-option": option.name });
        if (!option.required) input.appendChild(el("option", { value: "" }, "(nobody)"));
        state.setup.members.forEach((m) => input.appendChild(el("option", { value: m.id }, m.name)));
        if (option.required) input.value = someoneElse();
      } else if (option.type === OPTION_TYPES.ATTACHMENT) {
        input = el("input", { type: "file", "data-attachment-option": option.name });
      } else if (option.type === OPTION_TYPES.BOOLEAN || (option.choices || []).length) {
        input = el("select", { "data-option": option.name });
        input.appendChild(el("option", { value: "" }, "(not set)"));
        const choices = option.type === OPTION_TYPES.BOOLEAN
          ? [{ name: "true", value: "true" }, { name: "false", value: "false" }] : option.choices;
        choices.forEach((c) => input.appendChild(el("option", { value: c.value }, c.name)));
      } else {
        input = el("input", { type: "text", "data-option": option.name, maxlength: option.max_length || 500,
          placeholder: option.description });
        if (option.autocomplete) attachAutocomplete(input, option.name);
      }
      if (option.required) {
        input.required = true;
        input.setAttribute("aria-required", "true");
      }
      container.appendChild(el("label", {}, option.name + (option.required ? "" : " (optional)"),
        option.required ? el("span", { class: "required", "aria-hidden": "true", title: "required" }, "*") : null, input));
    });
  }

  function someoneElse() { return state.setup.members.find((m) => m.id !== me()).id; }

  /** The required options left empty, by name; a hint says which, and the first is focused. */
  function missingRequired() {
    const missing = [...document.querySelectorAll("#options [aria-required=true]")].filter((input) =>
      input.type === "file" ? !(input.files && input.files.length) : !input.value.trim());
    $("options-hint").textContent = missing.length
      ? "Fill in " + missing.map((i) => i.dataset.option || i.dataset.attachmentOption).join(", ") + " first (marked *)." : "";
    $("options-hint").hidden = !missing.length;
    if (missing.length) missing[0].focus();
    return missing.length > 0;
  }

  function attachAutocomplete(input, name) {
    let list = null;
    // Answers can arrive out of order; only the one for the latest keystroke may show, and none after a pick.
    let latest = 0;
    const close = () => { if (list) { list.remove(); list = null; } };
    input.addEventListener("blur", () => { latest++; setTimeout(close, 150); });
    input.addEventListener("input", async () => {
      const asked = ++latest;
      const result = await api("/playground/api/autocomplete", {
        member: me(), command: $("command").value, subcommand: subcommandValue(),
        options: collectOptions(), focused: name,
      });
      if (asked !== latest) return;
      close();
      const choices = ((result.response || {}).data || {}).choices || [];
      if (!choices.length) return;
      list = el("ul", { class: "choices", "data-choices-for": name });
      choices.forEach((choice) => {
        const item = el("li", { "data-value": choice.value }, choice.name);
        item.addEventListener("mousedown", () => { latest++; input.value = choice.value; close(); });
        list.appendChild(item);
      });
      input.parentElement.appendChild(list);
    });
  }

  function subcommandValue() { return $("subcommand-label").hidden ? "" : $("subcommand").value; }

  function collectOptions() {
    const options = {};
    document.querySelectorAll("#options [data-option]").forEach((input) => { options[input.dataset.option] = input.value.trim(); });
    return options;
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function collectAttachments() {
    const attachments = {};
    for (const input of document.querySelectorAll("#options [data-attachment-option]")) {
      const file = input.files && input.files[0];
      if (file) attachments[input.dataset.attachmentOption] = { filename: file.name, content_type: file.type, data: await readFile(file) };
    }
    return attachments;
  }

  function addItem(author, meta, body, classes) {
    const item = el("li", { class: "message " + (classes || "") },
      el("div", {}, el("span", { class: "who" }, author), el("span", { class: "meta" }, meta)), body);
    follow(() => $("messages").appendChild(item), true);
    return item;
  }

  // What went wrong with a member's own request is theirs alone, as Discord shows a failed interaction only to the
  // member who used it: private, and hidden while someone else is picked.
  function showError(what, result) {
    const item = addItem(botName(), what + ": the endpoint answered " + result.status,
      el("div", { class: "error" }, result.error || JSON.stringify(result.response)), "bot private");
    item.appendChild(el("div", { class: "private-note" }, "Only you can see this"));
    item.dataset.state = "done";
    item.dataset.visibleTo = me();
  }

  function readable(text) {
    return (text || "").replace(/<@!?(\d+)>/g, (whole, id) => "@" + memberName(id));
  }

  // The little Discord markdown Roast Den's replies use: **bold**, `code`, "-# " subtext and "> " quote lines.
  function markdown(text) {
    const container = el("div", { class: "reply" });
    readable(text).split("\n").forEach((line, index) => {
      if (index > 0) container.appendChild(document.createElement("br"));
      let target = container;
      if (line.startsWith("-# ")) {
        target = el("span", { class: "subtext" });
        container.appendChild(target);
        line = line.substring(3);
      } else if (line.startsWith("> ")) {
        target = el("span", { class: "quote" });
        container.appendChild(target);
        line = line.substring(2);
      }
      line.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach((part) => {
        if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
          target.appendChild(el("b", {}, part.slice(2, -2)));
        } else if (part.startsWith("`") && part.endsWith("`") && part.length > 2) {
          target.appendChild(el("code", {}, part.slice(1, -1)));
        } else if (part) {
          target.appendChild(document.createTextNode(part));
        }
      });
    });
    return container;
  }

  function renderButtons(message) {
    const rows = el("div", { class: "components" });
    (message.components || []).forEach((row) => {
      const rowNode = el("div", { class: "action-row" });
      (row.components || []).filter((c) => c.type === 3).forEach((menu) => {
        const node = el("select", { class: "component select", "data-select-id": menu.custom_id || "" });
        node.appendChild(el("option", { value: "" }, menu.placeholder || "Pick one"));
        (menu.options || []).forEach((o) => node.appendChild(el("option", { value: o.value }, o.label)));
        if (menu.disabled) node.disabled = true;
        node.addEventListener("change", () => { if (node.value) pickOption(message.id, menu.custom_id, node.value, node); });
        rowNode.appendChild(node);
      });
      (row.components || []).filter((c) => c.type === 2).forEach((button) => {
        const styleName = BUTTON_STYLES[button.style] || "secondary";
        if (button.style === 5 && button.url) {
          rowNode.appendChild(el("a", { class: "component " + styleName, href: button.url, target: "_blank" }, button.label || "link"));
          return;
        }
        const node = el("button", { type: "button", class: "component " + styleName,
          "data-custom-id": button.custom_id || "", "data-label": button.label || "" }, button.label || "");
        if (button.disabled) node.disabled = true;
        node.addEventListener("click", () => clickButton(message.id, button.custom_id, node));
        rowNode.appendChild(node);
      });
      rows.appendChild(rowNode);
    });
    return rows;
  }

  function renderMessageBody(message, loading) {
    const body = el("div", { class: "reply-body" });
    if (loading) {
      body.appendChild(el("div", { class: "thinking" }, botName() + " is thinking…"));
      return body;
    }
    if (message.content) body.appendChild(markdown(message.content));
    (message.embeds || []).forEach((embed) => {
      body.appendChild(el("div", { class: "embed" },
        embed.author && embed.author.name ? el("div", { class: "author" }, embed.author.name) : null,
        embed.title ? el("div", { class: "author" }, embed.title) : null,
        embed.description ? markdown(embed.description) : null));
    });
    (message.attachments || []).forEach((file) => {
      body.appendChild(el("div", { class: "attachment" }, "📎 ",
        el("a", { href: file.url, target: "_blank", "data-attachment": file.filename }, file.filename),
        el("span", { class: "muted small" }, " " + file.size + " bytes")));
    });
    if ((message.components || []).length) body.appendChild(renderButtons(message));
    return body;
  }

  function renderEntry(entry) {
    const message = entry.message;
    const key = JSON.stringify(entry);
    let known = state.items.get(message.id);
    if (known && known.key === key) return;
    const mentionReply = !!message.message_reference;
    const classes = "message bot" + (entry.ephemeral ? " private" : "") + (mentionReply ? " mention-reply" : "");
    const meta = entry.caption || (mentionReply ? "reply in #general" : "");
    const node = el("li", { class: classes, "data-message-id": message.id },
      el("div", {}, el("span", { class: "who" }, (message.author || {}).bot || !(message.author || {}).username ? botName() : message.author.username),
        el("span", { class: "meta" }, meta)),
      renderMessageBody(message, entry.loading));
    if (!entry.ephemeral && !entry.loading) node.firstChild.appendChild(contextMenu(3, { message_id: message.id }, "⋯"));
    if (entry.ephemeral) node.appendChild(el("div", { class: "private-note" }, "Only you can see this"));
    node.dataset.state = entry.loading ? "thinking" : "done";
    if (entry.visible_to) node.dataset.visibleTo = entry.visible_to;
    applyVisibility(node);
    if (known) known.node.replaceWith(node); else $("messages").appendChild(node);
    state.items.set(message.id, { key, node, loading: !!entry.loading });
    if (mentionReply && !entry.loading && (!known || known.loading)) clearTyping();
  }

  function applyVisibility(node) {
    node.hidden = !!node.dataset.visibleTo && node.dataset.visibleTo !== me();
  }

  let refreshing = false;
  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      const result = await api("/playground/api/messages");
      const seen = new Set();
      follow(() => {
        (result.messages || []).forEach((entry) => { seen.add(entry.message.id); renderEntry(entry); });
        for (const [id, known] of state.items) {
          if (!seen.has(id)) { known.node.remove(); state.items.delete(id); }
        }
      });
    } finally {
      refreshing = false;
    }
  }

  function handleAnswer(what, result) {
    if (result.status !== 200) {
      showError(what, result);
    } else if ((result.response || {}).type === 9) {
      openModal(result.token, result.response.data || {});
    }
    // What a member just did is followed to its answer, wherever they had scrolled, as Discord's client does.
    $("messages").scrollTop = $("messages").scrollHeight;
    refresh();
  }

  async function clickButton(messageId, customId, node) {
    node.disabled = true;
    try {
      handleAnswer("button", await api("/playground/api/component", { member: me(), message_id: messageId, custom_id: customId }));
    } finally {
      node.disabled = false;
    }
  }

  async function pickOption(messageId, customId, value, node) {
    node.disabled = true;
    try {
      handleAnswer("pick", await api("/playground/api/pick", { member: me(), message_id: messageId, custom_id: customId, value }));
    } finally {
      node.disabled = false;
    }
  }

  function contextCommands(type) {
    return state.setup.commands.filter((c) => c.type === type);
  }

  // A "⋯" menu with the commands of a message (type 3) or, on a member's name, of a member (type 2).
  function contextMenu(type, target, label) {
    const wrapper = el("span", { class: "context-menu" });
    const toggle = el("button", { type: "button", class: "context-toggle", "data-context": type === 3 ? "message" : "member",
      title: type === 3 ? "Message commands" : "Member commands" }, label);
    const list = el("ul", { class: "context-list", hidden: "hidden" });
    contextCommands(type).forEach((c) => {
      const item = el("li", { "data-context-command": c.name }, c.name);
      item.addEventListener("click", async () => {
        list.hidden = true;
        handleAnswer(c.name, await api("/playground/api/context", Object.assign({ member: me(), command: c.name }, target)));
      });
      list.appendChild(item);
    });
    toggle.addEventListener("click", () => { list.hidden = !list.hidden; });
    wrapper.appendChild(toggle);
    wrapper.appendChild(list);
    return wrapper;
  }

  function openModal(token, modal) {
    state.modal = { token, modal };
    $("modal-title").textContent = modal.title || "";
    const fields = $("modal-fields");
    fields.innerHTML = "";
    (modal.components || []).forEach((row) => (row.components || []).forEach((input) => {
      const attributes = { "data-modal-input": input.custom_id, maxlength: input.max_length || 4000,
        placeholder: input.placeholder || "" };
      if (input.required) attributes.required = "required";
      const field = input.style === 2 ? el("textarea", Object.assign({ rows: 3 }, attributes)) : el("input", Object.assign({ type: "text" }, attributes));
      field.value = input.value || "";
      fields.appendChild(el("label", {}, input.label || input.custom_id, field));
    }));
    $("modal").hidden = false;
    document.body.dataset.modal = "open";
  }

  function closeModal() {
    $("modal").hidden = true;
    state.modal = null;
    delete document.body.dataset.modal;
  }

  async function submitModal(event) {
    event.preventDefault();
    if (!state.modal) return;
    const values = {};
    document.querySelectorAll("#modal-fields [data-modal-input]").forEach((input) => { values[input.dataset.modalInput] = input.value; });
    const opened = state.modal;
    closeModal();
    handleAnswer("form", await api("/playground/api/modal", { member: me(), opened_by: opened.token, values }));
  }

  async function send(event) {
    event.preventDefault();
    if (missingRequired()) return;
    $("send").disabled = true;
    try {
      const spec = command();
      const result = await api("/playground/api/command", {
        member: me(), command: spec.name, subcommand: subcommandValue(), options: collectOptions(),
        attachments: await collectAttachments(),
      });
      handleAnswer("/" + spec.name, result);
    } finally {
      $("send").disabled = false;
    }
  }

  async function postMessage(event) {
    event.preventDefault();
    const content = $("mention-text").value.trim();
    if (!content) return;
    const author = me();
    const item = addItem(memberName(author), "in #general", el("div", { class: "reply" }, content), "human");
    const header = item.firstChild;
    header.replaceChild(el("span", { class: "who" }, contextMenu(2, { target: author }, memberName(author))), header.firstChild);
    header.appendChild(contextMenu(3, { author, content }, "⋯"));
    const result = await api("/playground/api/channel", { member: me(), content });
    if (result.note) {
      const note = addItem(botName(), "", el("div", { class: "thinking" }, result.note), "note");
      if (result.note.endsWith("typing…")) { note.classList.add("typing"); state.typing.push(note); }
    }
    $("mention-text").value = "";
  }

  /** The reply to a mention landed: "… is typing…" goes, as Discord's indicator does when the message arrives. */
  function clearTyping() {
    state.typing.forEach((note) => note.remove());
    state.typing = [];
  }

  function renderMemberNote() {
    const member = state.setup.members.find((m) => m.id === me());
    const notes = [];
    if (member.higher_self_of) notes.push("Higher Self of " + member.higher_self_of);
    if (member.manager) notes.push("can manage the server");
    $("member-note").textContent = notes.join("; ") || "an ordinary member";
    document.querySelectorAll("#messages [data-visible-to]").forEach(applyVisibility);
    // What was typed stays; only a required member option that now names the new member moves to someone else.
    document.querySelectorAll("#options select[aria-required=true]").forEach((input) => {
      if (input.value === me()) input.value = someoneElse();
    });
  }

  async function start() {
    state.setup = await api("/playground/api/setup");
    $("model").textContent = "Model: " + state.setup.model;
    state.setup.members.forEach((m) => $("member").appendChild(el("option", { value: m.id }, m.name)));
    state.setup.personas.forEach((p) => $("personas").appendChild(el("li", {}, el("b", {}, p.name + " (" + p.id + ")"),
      el("span", { class: "muted small" }, p.tagline))));
    state.setup.commands.filter((c) => (c.type || 1) === 1)
      .forEach((c) => $("command").appendChild(el("option", { value: c.name }, "/" + c.name)));
    $("member").value = state.setup.members.find((m) => !m.higher_self_of && !m.manager).id;
    $("command").addEventListener("change", () => { $("subcommand").innerHTML = ""; $("options-hint").hidden = true; renderCommand(); });
    $("subcommand").addEventListener("change", () => { $("options-hint").hidden = true; renderOptions(); });
    $("member").addEventListener("change", renderMemberNote);
    $("composer").noValidate = true;
    $("composer").addEventListener("submit", send);
    $("mention-composer").addEventListener("submit", postMessage);
    $("modal-form").addEventListener("submit", submitModal);
    $("modal-cancel").addEventListener("click", closeModal);
    renderCommand();
    renderMemberNote();
    await refresh();
    setInterval(refresh, 400);
    document.body.dataset.ready = "true";
  }

  start();
})();
