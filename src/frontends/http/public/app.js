// The K8Helper page: asks /api/v1/query and shows the answer. No framework, no build step.
import { startHealthStrip } from "./health-strip.js";
import { withoutToolNames, words } from "./labels.js";
import { answerMarkdown } from "./markdown.js";
import { element, renderDetails, renderParts } from "./render-answer.js";

const RECENT_KEY = "k8helper.recent";
const TOKEN_KEY = "k8helper.token";
const MAX_RECENT = 10;

const $ = (id) => document.getElementById(id);
const form = $("ask-form");
const questionInput = $("question");
const namespaceInput = $("namespace");
const freshInput = $("fresh");
const tokenInput = $("token");
const askButton = $("ask");
const working = $("working");
const errorBox = $("error");
const answerBox = $("answer");

let inFlight = false;
/** The conversation the last answer belongs to: follow-up questions send it back. */
let conversation;
let lastAnswer;
let lastQuestion = "";

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask();
});
questionInput.addEventListener("keydown", (event) => {
  // Enter asks; Shift+Enter is a new line; Enter while an IME is composing (Chinese input) is not a submit.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
for (const button of document.querySelectorAll("button.example")) {
  button.addEventListener("click", () => askAgain(button.textContent));
}
$("clear-recent").addEventListener("click", () => {
  storage("localStorage")?.removeItem(RECENT_KEY);
  showRecent();
});
$("new-conversation").addEventListener("click", () => {
  conversation = undefined;
  $("conversation-row").hidden = true;
  questionInput.focus();
});
$("copy-markdown").addEventListener("click", async () => {
  if (!lastAnswer) return;
  const markdown = answerMarkdown(lastQuestion, lastAnswer);
  $("markdown").value = markdown;
  try {
    await navigator.clipboard.writeText(markdown);
  } catch {
    // No clipboard (plain HTTP, a denied permission): the text stays selectable in the box below.
  }
  $("markdown").hidden = false;
  $("copy-markdown").textContent = words(lastAnswer.language).copied;
});
tokenInput.value = storage("sessionStorage")?.getItem(TOKEN_KEY) ?? "";
if (tokenInput.value) $("token-row").hidden = false;
showRecent();
startHealthStrip($("health"), async (query) => {
  const response = await fetch("api/v1/query", {
    method: "POST",
    headers: requestHeaders(),
    body: JSON.stringify({ query }),
  });
  return response.json();
});

function askAgain(text) {
  questionInput.value = text;
  form.requestSubmit();
}

async function ask() {
  const query = questionInput.value.trim();
  if (!query || inFlight) return;
  const body = { query };
  if (namespaceInput.value.trim()) body.namespace = namespaceInput.value.trim();
  if (freshInput.checked) body.fresh = true;
  if (conversation) body.conversation = conversation;
  rememberQuestion(query);
  setWorking(true);
  try {
    const response = await fetch("api/v1/query", {
      method: "POST",
      headers: requestHeaders(),
      body: JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    // An answer that could not be given still comes as an Answer (error set): it is shown as the error it is.
    if (!response.ok || payload?.error) return showError(response, payload);
    showAnswer(query, payload);
  } catch (error) {
    showError(null, null, `Could not reach K8Helper: ${error.message}`);
  } finally {
    setWorking(false);
  }
}

function requestHeaders() {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = tokenInput.value.trim();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
    storage("sessionStorage")?.setItem(TOKEN_KEY, token);
  }
  return headers;
}

let workingTimer;
function setWorking(on) {
  inFlight = on;
  askButton.disabled = on;
  answerBox.setAttribute("aria-busy", String(on));
  clearInterval(workingTimer);
  working.hidden = !on;
  if (!on) return;
  errorBox.hidden = true;
  const started = Date.now();
  const tick = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    working.textContent = seconds > 0 ? `Working… ${seconds} s` : "Working…";
  };
  tick();
  workingTimer = setInterval(tick, 1000);
}

function showAnswer(question, answer) {
  errorBox.hidden = true;
  lastAnswer = answer;
  lastQuestion = question;
  const label = words(answer.language);
  answerBox.lang = answer.language === "zh" ? "zh" : "en";
  $("answer-question").textContent = question;
  $("answer-context").textContent = label.on(answer.cluster, answer.namespace);
  // A refusal is said once: in its own box, not again as the summary.
  const summary = $("summary");
  summary.hidden = Boolean(answer.refusal);
  summary.textContent = withoutToolNames(answer.summary, answer.language);
  const refusal = $("refusal");
  refusal.hidden = !answer.refusal;
  refusal.textContent = answer.refusal ?? "";
  $("notes").replaceChildren(
    ...answer.notes.map((note) => element("li", withoutToolNames(note, answer.language))),
  );
  renderParts(answer, $("parts"), askAgain);
  $("details-title").textContent = label.details;
  $("calls-title").textContent = label.calls;
  renderDetails(answer, $("facts"), $("calls"));
  $("copy-markdown").textContent = label.copy;
  $("markdown").hidden = true;
  if (answer.conversation) {
    conversation = answer.conversation;
    $("conversation-note").textContent = label.followUp;
    $("new-conversation").textContent = label.newConversation;
    $("conversation-row").hidden = false;
  }
  answerBox.hidden = false;
  answerBox.dataset.answered = String(Number(answerBox.dataset.answered ?? 0) + 1);
}

function showError(response, payload, fallback) {
  // The previous answer would read as this question's: it goes.
  answerBox.hidden = true;
  lastAnswer = undefined;
  const error = payload?.error;
  let message = withoutToolNames(
    fallback ??
      error?.message ??
      `K8Helper answered ${response?.status} ${response?.statusText ?? ""}`.trim(),
    payload?.language,
  );
  if (response?.status === 401) {
    $("token-row").hidden = false;
    tokenInput.focus();
    message = "This server needs its API token: enter it below the question and ask again.";
  }
  if (response?.status === 429) {
    const retry = response.headers.get("Retry-After");
    if (retry) message = `${message} (retry after ${retry} s)`;
  }
  const lines = [element("p", message)];
  for (const problem of error?.problems ?? []) {
    lines.push(
      element("p", problem.path ? `${problem.path}: ${problem.message}` : problem.message, "problem"),
    );
  }
  errorBox.replaceChildren(...lines);
  errorBox.hidden = false;
}

function rememberQuestion(query) {
  const store = storage("localStorage");
  if (!store) return;
  const recent = [query, ...readRecent().filter((item) => item !== query)].slice(0, MAX_RECENT);
  store.setItem(RECENT_KEY, JSON.stringify(recent));
  showRecent();
}

function readRecent() {
  try {
    const recent = JSON.parse(storage("localStorage")?.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(recent) ? recent.filter((item) => typeof item === "string") : [];
  } catch {
    return [];
  }
}

function showRecent() {
  const recent = readRecent();
  $("recent").replaceChildren(
    ...recent.map((query) => {
      const button = element("button", query, "example");
      button.type = "button";
      button.addEventListener("click", () => askAgain(query));
      const item = element("li");
      item.append(button);
      return item;
    }),
  );
  $("no-recent").hidden = recent.length > 0;
  $("clear-recent").hidden = recent.length === 0;
}

/** localStorage/sessionStorage, or undefined where the browser forbids them (private modes, file://). */
function storage(name) {
  try {
    return window[name];
  } catch {
    return undefined;
  }
}
