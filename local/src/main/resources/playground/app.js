// The playground page: picks a member and a command, sends it through the local endpoint, and shows Discord's
// view of the reply (the deferred "thinking…" message until the worker edits it).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const state = { setup: null, polls: new Map() };
  const OPTION_TYPES = { SUB_COMMAND: 1, STRING: 3, USER: 6 };

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
        state.setup.members.forEach((m) => input.appendChild(el("option", { value: m.id }, m.name)));
        input.value = state.setup.members.find((m) => m.id !== $("member").value).id;
      } else {
        input = el("input", { type: "text", "data-option": option.name, maxlength: option.max_length || 500,
          placeholder: option.description });
        if (option.autocomplete) attachAutocomplete(input, option.name);
      }
      container.appendChild(el("label", {}, option.name + (option.required ? "" : " (optional)"), input));
    });
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
        member: $("member").value, command: $("command").value, subcommand: $("subcommand").value,
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

  function collectOptions() {
    const options = {};
    document.querySelectorAll("[data-option]").forEach((input) => { options[input.dataset.option] = input.value.trim(); });
    return options;
  }

  function addMessage(author, meta, body, classes) {
    const item = el("li", { class: "message " + (classes || "") },
      el("div", {}, el("span", { class: "who" }, author), el("span", { class: "meta" }, meta)), body);
    $("messages").appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function readable(text) {
    return (text || "").replace(/<@!?(\d+)>/g, (whole, id) => "@" + memberName(id));
  }

  // The little Discord markdown Roast Den's replies use: **bold**, `code` and "-# " subtext lines.
  function markdown(text) {
    const container = el("div", { class: "reply" });
    readable(text).split("\n").forEach((line, index) => {
      if (index > 0) container.appendChild(document.createElement("br"));
      let target = container;
      if (line.startsWith("-# ")) {
        target = el("span", { class: "subtext" });
        container.appendChild(target);
        line = line.substring(3);
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

  function renderDiscordMessage(item, message, isPrivate) {
    const body = el("div", { class: "reply-body" });
    if (message.content) body.appendChild(markdown(message.content));
    (message.embeds || []).forEach((embed) => {
      body.appendChild(el("div", { class: "embed" },
        embed.author && embed.author.name ? el("div", { class: "author" }, embed.author.name) : null,
        embed.title ? el("div", { class: "author" }, embed.title) : null,
        embed.description ? markdown(embed.description) : null));
    });
    item.querySelector(".thinking")?.remove();
    item.appendChild(body);
    if (isPrivate) item.appendChild(el("div", { class: "private-note" }, "Only you can see this"));
    item.dataset.state = "done";
  }

  async function pollOriginal(token, item, isPrivate) {
    for (let attempt = 0; attempt < 600; attempt++) {
      const result = await api("/playground/api/original?token=" + encodeURIComponent(token));
      if (result.found && !result.loading) {
        renderDiscordMessage(item, result.message, isPrivate);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    item.querySelector(".thinking").textContent = "No reply after five minutes: is the worker running?";
  }

  async function send(event) {
    event.preventDefault();
    $("send").disabled = true;
    try {
      const spec = command();
      const options = collectOptions();
      const subcommand = $("subcommand-label").hidden ? "" : $("subcommand").value;
      const described = "/" + spec.name + (subcommand ? " " + subcommand : "") + " " +
        Object.entries(options).filter(([, v]) => v).map(([k, v]) => k + ":" +
          (k === "target" ? memberName(v) : v)).join(" ");
      const result = await api("/playground/api/command", {
        member: $("member").value, command: spec.name, subcommand, options,
      });
      const response = result.response || {};
      const flags = (response.data || {}).flags || 0;
      const isPrivate = (flags & 64) === 64;
      if (result.status !== 200) {
        addMessage("Roast Den", "endpoint answered " + result.status, el("div", { class: "error" }, JSON.stringify(response)), "bot");
      } else if (response.type === 5) {
        const item = addMessage("Roast Den", memberName($("member").value) + " used " + described,
          el("div", { class: "thinking" }, "Roast Den is thinking…"), "bot" + (isPrivate ? " private" : ""));
        item.dataset.state = "thinking";
        item.dataset.token = result.token;
        pollOriginal(result.token, item, isPrivate);
      } else if (response.type === 4) {
        const item = addMessage("Roast Den", memberName($("member").value) + " used " + described,
          el("div", {}), "bot" + (isPrivate ? " private" : ""));
        renderDiscordMessage(item, response.data || {}, isPrivate);
      }
    } finally {
      $("send").disabled = false;
    }
  }

  let seenChannelMessages = 0;
  async function refreshChannel() {
    const result = await api("/playground/api/channel");
    const messages = result.messages || [];
    for (; seenChannelMessages < messages.length; seenChannelMessages++) {
      const message = messages[seenChannelMessages];
      const item = addMessage((message.author || {}).username || "Roast Den", "reply in #general", el("div", {}), "bot mention-reply");
      renderDiscordMessage(item, message, false);
    }
  }

  async function postMessage(event) {
    event.preventDefault();
    const content = $("mention-text").value.trim();
    if (!content) return;
    addMessage(memberName($("member").value), "in #general", el("div", { class: "reply" }, content), "human");
    const result = await api("/playground/api/channel", { member: $("member").value, content });
    if (result.note) addMessage("Roast Den", "", el("div", { class: "thinking" }, result.note), "bot note");
    $("mention-text").value = "";
  }

  function renderMemberNote() {
    const member = state.setup.members.find((m) => m.id === $("member").value);
    const notes = [];
    if (member.higher_self_of) notes.push("Higher Self of " + member.higher_self_of);
    if (member.manager) notes.push("can manage the server");
    $("member-note").textContent = notes.join("; ") || "an ordinary member";
    renderOptions();
  }

  async function start() {
    state.setup = await api("/playground/api/setup");
    $("model").textContent = "Model: " + state.setup.model;
    state.setup.members.forEach((m) => $("member").appendChild(el("option", { value: m.id }, m.name)));
    state.setup.personas.forEach((p) => $("personas").appendChild(el("li", {}, el("b", {}, p.name + " (" + p.id + ")"),
      el("span", { class: "muted small" }, p.tagline))));
    state.setup.commands.forEach((c) => $("command").appendChild(el("option", { value: c.name }, "/" + c.name)));
    $("member").value = state.setup.members.find((m) => !m.higher_self_of && !m.manager).id;
    $("command").addEventListener("change", () => { $("subcommand").innerHTML = ""; renderCommand(); });
    $("subcommand").addEventListener("change", renderOptions);
    $("member").addEventListener("change", renderMemberNote);
    $("composer").addEventListener("submit", send);
    $("mention-composer").addEventListener("submit", postMessage);
    renderCommand();
    renderMemberNote();
    setInterval(refreshChannel, 1000);
    document.body.dataset.ready = "true";
  }

  start();
})();
