// The voicecart browser tester. No framework, no build step. Every value from the server or
// the shopper is put into the page with textContent, never parsed as HTML: product names,
// utterances and replies are data, never markup.
"use strict";

(function () {
  const CHANNEL_NAMES = { text: "Text", alexa: "Alexa", dialogflow: "Dialogflow ES",
                          "dialogflow-cx": "Dialogflow CX" };
  const state = { user: "demo", channel: "text", session: null, turns: [] };
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function money(value) {
    return "$" + Number(value).toFixed(2);
  }

  function amount(quantity, unit) {
    if (quantity === null || quantity === undefined) return unit ? String(unit) : "—";
    return unit ? `${quantity} ${String(unit).replace(/_/g, " ")}` : String(quantity);
  }

  // --- talking to the server -------------------------------------------------------------

  async function api(path, body) {
    // From the origin, not relative to the page: a page opened as http://user:token@host/
    // would otherwise build URLs with credentials in them, which fetch refuses.
    const response = await fetch(window.location.origin + path, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const reason = data && data.reason ? data.reason : `HTTP ${response.status}`;
      throw new Error(reason);
    }
    return data;
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  // --- the conversation --------------------------------------------------------------------

  function addLine(who, text, className) {
    const item = el("li", null, className);
    item.appendChild(el("span", who, "who"));
    item.appendChild(el("span", text, "text"));
    $("transcript").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  async function send(text) {
    const said = text.trim();
    if (!said) return;
    addLine("You", said, "you");
    setStatus("Waiting for the reply…");
    try {
      const turn = await api("/tester/api/turn", {
        user: state.user, channel: state.channel, text: said, state: state.session });
      state.session = turn.state;
      state.turns.push({ said: said, speech: turn.speech, end_session: turn.end_session });
      const reply = addLine("voicecart", turn.speech, "skill");
      reply.dataset.intent = turn.understood.intent || "";
      if (turn.end_session) addLine("", "The session ended.", "note");
      showUnderstanding(turn);
      showShopper(turn);
      speak(turn.speech);
      setStatus("");
    } catch (error) {
      addLine("Error", error.message, "error");
      setStatus(error.message, true);
    }
  }

  function speak(text) {
    if (!$("speak").checked || !("speechSynthesis" in window) || !text) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  function newSession(note) {
    state.session = null;
    state.turns = [];
    if (note) addLine("", note, "note");
  }

  // --- what was understood -------------------------------------------------------------------

  function showUnderstanding(turn) {
    const box = $("understanding");
    clear(box);
    const understood = turn.understood || {};
    const facts = el("dl", null, "facts");
    const fact = (name, value, id) => {
      facts.appendChild(el("dt", name));
      const dd = el("dd", value);
      if (id) dd.id = id;
      facts.appendChild(dd);
    };
    fact("Said", turn.said);
    fact("Intent", understood.intent || "—", "understood-intent");
    fact("Channel", CHANNEL_NAMES[turn.channel] || turn.channel);
    fact("Time", `${turn.time_ms} ms`, "understood-time");
    const slots = understood.slots || {};
    fact("Slots", Object.keys(slots).length ? JSON.stringify(slots) : "none", "understood-slots");
    if (understood.sent) fact("Sent to the platform", JSON.stringify(understood.sent));
    box.appendChild(facts);
    box.appendChild(itemsList(understood.items || [], (turn.cart || {}).items || []));
    showRaw(turn);
  }

  // One small definition list per item: readable at any width, and each value labelled.
  // "In the cart" is the product's cart line after the turn: what is billed, beside what
  // was asked.
  function itemsList(items, cartLines) {
    if (!items.length) return el("p", "No items.", "muted");
    const box = el("div");
    box.appendChild(el("h3", "Items"));
    const list = el("ol", null, "items");
    list.id = "understood-items";
    for (const item of items) {
      const product = item.product;
      // brand and size tell apart same-named products ("Large White Eggs, 12 ct")
      const label = (c) => [c.name || c.id, c.brand, c.size].filter(Boolean).join(", ");
      const others = (item.alternatives || []).map((c) => `${label(c)} (${c.confidence})`);
      const facts = el("dl", null, "facts item");
      const fact = (name, value, className) => {
        facts.appendChild(el("dt", name));
        facts.appendChild(el("dd", value, className));
      };
      fact("Phrase", item.phrase || "—", "phrase");
      fact("Asked", amount(item.quantity, item.unit), "asked");
      fact("Product", product ? label(product) : "no match", "product");
      if (item.ambiguous) fact("Ambiguous", "yes: the skill asks which one is meant", "ambiguous");
      const line = product && cartLines.find((l) => l.product_id === product.id);
      fact("In the cart", line ? `${amount(line.quantity, line.unit)}, ${money(line.line_total)}`
                               : "no", "billed");
      fact("Confidence", product && product.confidence !== null ? product.confidence : "—",
           "confidence");
      fact("Alternatives", others.length ? others.join("; ") : "—", "alternatives");
      list.appendChild(el("li")).appendChild(facts);
    }
    box.appendChild(list);
    return box;
  }

  function showRaw(turn) {
    const raw = $("raw");
    if (!turn.request_json) {
      raw.hidden = true;
      return;
    }
    raw.hidden = false;
    $("raw-request").textContent = JSON.stringify(turn.request_json, null, 2);
    $("raw-response").textContent = JSON.stringify(turn.response_json, null, 2);
  }

  // --- the cart and the orders -------------------------------------------------------------

  // Fields shown in their own column; any other field of a line (new ones included) is
  // listed under the line's name.
  const SHOWN = new Set(["product_id", "name", "quantity", "unit", "unit_price", "line_total"]);

  function showShopper(data) {
    showCart(data.cart || { items: [], total: 0 });
    showOrders(data.orders || []);
  }

  function showCart(cart) {
    const box = $("cart");
    clear(box);
    if (!cart.items.length) {
      box.appendChild(el("p", "The cart is empty.", "muted"));
      return;
    }
    const table = el("table", null, "cart");
    table.appendChild(el("caption", `${state.user}'s cart`));
    const head = el("tr");
    ["Item", "Quantity", "Price", "Total"].forEach((name) => {
      const th = el("th", name);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    for (const line of cart.items) {
      const row = el("tr");
      row.dataset.productId = line.product_id;
      const name = el("td", null, "name");
      name.appendChild(el("span", line.name));
      const extras = Object.keys(line).filter((key) => !SHOWN.has(key));
      for (const key of extras) {
        name.appendChild(el("small", `${key.replace(/_/g, " ")}: ${describe(line[key])}`, "extra"));
      }
      row.appendChild(name);
      row.appendChild(el("td", amount(line.quantity, line.unit), "quantity"));
      row.appendChild(el("td", money(line.unit_price), "price"));
      row.appendChild(el("td", money(line.line_total), "line-total"));
      body.appendChild(row);
    }
    const foot = table.appendChild(el("tfoot")).appendChild(el("tr"));
    const label = el("th", "Total");
    label.scope = "row";
    label.colSpan = 3;
    foot.appendChild(label);
    foot.appendChild(el("td", money(cart.total), "total"));
    box.appendChild(table);
  }

  function describe(value) {
    if (value && typeof value === "object") {
      if ("quantity" in value) return amount(value.quantity, value.unit);
      return JSON.stringify(value);
    }
    return String(value);
  }

  function showOrders(orders) {
    const box = $("orders");
    clear(box);
    if (!orders.length) {
      box.appendChild(el("p", "No orders yet.", "muted"));
      return;
    }
    const list = el("ul", null, "orders");
    for (const order of orders) {
      const f = order.fulfillment || {};
      const item = el("li");
      item.dataset.orderId = order.id;
      item.appendChild(el("strong", `Order ${order.id}`));
      item.appendChild(el("span", ` ${String(order.status).replace(/_/g, " ")} · ${f.type || ""}` +
        `${f.store_name ? " at " + f.store_name : ""} · ${order.items.length} item(s) · ` +
        `${money(order.total)}`));
      list.appendChild(item);
    }
    box.appendChild(list);
  }

  async function refreshShopper() {
    try {
      showShopper(await api("/tester/api/state", { user: state.user }));
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // --- dialogs ---------------------------------------------------------------------------------

  async function saveDialog() {
    if (!state.turns.length) {
      setStatus("Say something first: there is no dialog to save.", true);
      return;
    }
    try {
      const yaml = await api("/tester/api/dialog/export", {
        turns: state.turns, channel: state.channel, name: `tester session (${state.user})` });
      const saved = $("saved-yaml");
      saved.textContent = yaml;
      saved.hidden = false;
      const link = el("a");
      link.href = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
      link.download = "voicecart-dialog.yaml";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setStatus(`Saved ${state.turns.length} step(s) as voicecart-dialog.yaml.`);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  async function runDialog(file) {
    const box = $("dialog-result");
    clear(box);
    box.appendChild(el("p", `Running ${file.name}…`, "muted"));
    try {
      const outcome = await api("/tester/api/dialog/run", {
        yaml: await file.text(), filename: file.name, channel: state.channel });
      showOutcome(outcome);
    } catch (error) {
      clear(box);
      box.appendChild(el("p", error.message, "error"));
    }
  }

  function showOutcome(outcome) {
    const box = $("dialog-result");
    clear(box);
    const verdict = outcome.passed ? "passed" : "failed";
    const title = el("h3", `${outcome.name || outcome.file}: ${verdict}`, verdict);
    title.id = "dialog-verdict";
    box.appendChild(title);
    if (outcome.error) {
      box.appendChild(el("p", outcome.error, "error"));
      return;
    }
    box.appendChild(el("p", `As shopper ${outcome.user}.`, "muted"));
    const list = el("ol", null, "steps");
    for (const step of outcome.steps) {
      const item = el("li", null, `step ${step.status}`);
      item.dataset.status = step.status;
      item.appendChild(el("span", step.status, "badge"));
      item.appendChild(el("span", ` said: ${step.say}`, "said"));
      if (step.speech !== null) item.appendChild(el("span", `reply: ${step.speech}`, "reply"));
      for (const reason of step.reasons) item.appendChild(el("span", reason, "reason"));
      list.appendChild(item);
    }
    box.appendChild(list);
  }

  // --- the microphone, where the browser has speech recognition ----------------------------

  function setUpMicrophone() {
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    if (!Recognition) return;
    const mic = $("mic");
    mic.hidden = false;
    let listening = null;
    mic.addEventListener("click", () => {
      if (listening) {
        listening.stop();
        return;
      }
      listening = new Recognition();
      listening.lang = "en-US";
      listening.interimResults = false;
      listening.onresult = (event) => send(event.results[0][0].transcript);
      listening.onerror = (event) => setStatus(`Speech recognition: ${event.error}`, true);
      listening.onend = () => {
        listening = null;
        mic.setAttribute("aria-pressed", "false");
        mic.textContent = "Speak";
      };
      mic.setAttribute("aria-pressed", "true");
      mic.textContent = "Stop listening";
      listening.start();
    });
  }

  // --- wiring ----------------------------------------------------------------------------------

  function start() {
    if (!("speechSynthesis" in window)) $("speak-control").hidden = true;
    $("say-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("say");
      const text = input.value;
      input.value = "";
      send(text);
    });
    $("shopper-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const user = $("shopper").value.trim();
      if (!user) return;
      state.user = user;
      newSession(`Now shopping as ${user}: a new session.`);
      refreshShopper();
    });
    $("channel").addEventListener("change", (event) => {
      state.channel = event.target.value;
      newSession(`Channel: ${CHANNEL_NAMES[state.channel]}. A new session.`);
      $("raw").hidden = true;
    });
    $("reset").addEventListener("click", async () => {
      try {
        const answer = await api("/tester/api/reset", {
          user: state.user, channel: state.channel, state: state.session });
        newSession("Session reset.");
        showShopper(answer);
      } catch (error) {
        setStatus(error.message, true);
      }
    });
    $("save-dialog").addEventListener("click", saveDialog);
    $("load-dialog").addEventListener("change", (event) => {
      const file = event.target.files[0];
      if (file) runDialog(file);
      event.target.value = "";
    });
    setUpMicrophone();
    state.user = $("shopper").value.trim() || "demo";
    refreshShopper();
  }

  start();
})();
