// @ts-check
// The live task page: mutations over HTTP POST /graphql, updates over graphql-ws (window.graphqlWs, served by the
// gateway from the graphql-ws package). Plain browser JavaScript, no build step.
'use strict';

/**
 * @template {keyof PageElements} K
 * @param {K} id
 * @returns {PageElements[K]}
 */
const $ = (id) => /** @type {PageElements[K]} */ (document.getElementById(id));
const config = window.APP_CONFIG || {};
if (config.demoClipId) $('clipId').value = config.demoClipId;

const TASK_FIELDS = `id kind status error observedAt submittedAt estimatedCompletionAt
  clips { id title audioUrl imageUrl duration }
  stems { kind name clip { id audioUrl duration } }`;

function authorization() {
  const key = $('apiKey').value.trim();
  return key ? `Bearer ${key}` : undefined;
}

/**
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>} the response's `data`, shaped by `query`
 */
async function gql(query, variables) {
  const auth = authorization();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors && body.errors.length) throw new Error(describeErrors(body.errors));
  return body.data;
}

/** @param {readonly PageGraphQLError[]} errors */
function describeErrors(errors) {
  return errors.map((e) => `${(e.extensions && e.extensions.code) || 'ERROR'}: ${e.message}`).join('\n');
}

/**
 * What a live connection's failure says, as an Error: graphql-ws hands over an Error, a list of GraphQL errors, or the
 * socket's CloseEvent (e.g. 4403 "UNAUTHENTICATED: the sign-in token has expired" once its retries are spent).
 * @param {unknown} err
 */
function connectionError(err) {
  if (err instanceof Error) return err;
  if (Array.isArray(err)) return new Error(describeErrors(err));
  const close = /** @type {{ code?: unknown, reason?: unknown }} */ (err ?? {});
  if (typeof close.code === 'number')
    return new Error(close.reason ? String(close.reason) : `Live updates stopped (connection closed, ${close.code}).`);
  return new Error('Live updates stopped: the connection failed.');
}

/** @type {GraphQLWsClient | undefined} */
let wsClient;
/** @type {string | undefined} */
let wsKey;
function subscriptions() {
  const auth = authorization();
  if (!wsClient || wsKey !== auth) {
    if (wsClient) wsClient.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = window.graphqlWs.createClient({
      url,
      connectionParams: auth ? { authorization: auth } : {},
      // 4403: the gateway refused the token (it expired). Trying again with the same token cannot succeed, so the
      // reason is shown at once instead of after graphql-ws's retries; a new token makes a new client.
      shouldRetry: (event) => !(event && typeof event === 'object' && /** @type {{ code?: unknown }} */ (event).code === 4403),
    });
    wsKey = auth;
  }
  return wsClient;
}

/** @type {{ id: string, stop: () => void } | null} */
let following = null;

/**
 * Shows a task and follows it over graphql-ws until it is final; resolves with its last state. Opening another
 * task stops following this one (the promise then resolves with the last state seen).
 * @param {PageTask} task
 * @returns {Promise<PageTask>}
 */
function follow(task) {
  if (following) following.stop();
  $('events').replaceChildren();
  progressShown.length = 0;
  showTask(task);
  if (task.status === 'SUCCEEDED' || task.status === 'FAILED') return Promise.resolve(task);
  return new Promise((resolve, reject) => {
    let last = task;
    /** @param {() => void} settle */
    const done = (settle) => {
      if (following === current) following = null;
      settle();
    };
    const unsubscribe = subscriptions().subscribe(
      { query: `subscription($id: ID!) { taskUpdated(taskId: $id) { ${TASK_FIELDS} } }`, variables: { id: task.id } },
      {
        next: (/** @type {PageResult<{ taskUpdated: PageTask }>} */ result) => {
          if (result.errors && result.errors.length)
            return done(() => reject(new Error(describeErrors(/** @type {readonly PageGraphQLError[]} */ (result.errors)))));
          last = /** @type {{ taskUpdated: PageTask }} */ (result.data).taskUpdated;
          logEvent(last);
          showTask(last);
        },
        error: (err) => done(() => reject(connectionError(err))),
        complete: () => done(() => resolve(last)),
      },
    );
    const current = { id: task.id, stop: () => (unsubscribe(), done(() => resolve(last))) };
    following = current;
  });
}

/**
 * One line per update received, so the task's progress reads as a timeline.
 * @param {PageTask} task
 */
function logEvent(task) {
  const li = document.createElement('li');
  li.dataset.status = task.status;
  const at = task.observedAt ? new Date(task.observedAt).toLocaleTimeString() : new Date().toLocaleTimeString();
  li.textContent = `${at} · ${task.status}${task.clips.length ? ` · ${task.clips.length} clips` : ''}`;
  $('events').append(li);
}

/** @param {PageTask} task */
function showTask(task) {
  $('taskView').hidden = false;
  $('taskId').textContent = task.id;
  $('taskKind').textContent = task.kind;
  const order = ['PENDING', 'RUNNING', 'SUCCEEDED'];
  const at = order.indexOf(task.status);
  for (const li of /** @type {HTMLCollectionOf<HTMLLIElement>} */ ($('steps').children)) {
    const i = order.indexOf(/** @type {string} */ (li.dataset.status));
    li.className =
      task.status === 'FAILED' ? (i === 2 ? 'failed' : '') : i < at || task.status === 'SUCCEEDED' ? 'done' : i === at ? 'current' : '';
    if (task.status === 'FAILED' && i === 2) li.textContent = 'Failed';
  }
  $('error').textContent = task.error || '';
  showProgress(task);
  if (task.stems.length) return showStems(task);
  mixerFor = null;
  $('mixer').hidden = true;
  showPlayers(
    task.clips.map((c) => ({ name: c.title || c.id, kind: 'CLIP', clip: c })),
    task.status === 'SUCCEEDED',
  );
}

/**
 * A card per clip, with a player once the task has succeeded (the takes of a song are separate songs).
 * @param {{ name: string, kind: string, clip: PageClip }[]} tracks
 * @param {boolean} playable
 */
function showPlayers(tracks, playable) {
  $('tracks').replaceChildren(
    ...tracks.map((t) => {
      const li = document.createElement('li');
      li.dataset.kind = t.kind;
      li.dataset.clipId = t.clip.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = t.name;
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = t.kind;
      li.append(name, kind);
      if (t.clip.audioUrl && playable) {
        const audio = document.createElement('audio');
        audio.controls = true;
        audio.preload = 'metadata';
        audio.src = t.clip.audioUrl;
        li.append(audio);
      }
      return li;
    }),
  );
}

const mixer = window.createMixer($('mixer'));
/** The id of the task whose stems the mixer has. @type {string | null} */
let mixerFor = null;

/**
 * A stems task's stems go to the mixer once it has succeeded: one transport for all of them.
 * @param {PageTask} task
 */
function showStems(task) {
  $('tracks').replaceChildren();
  if (task.status !== 'SUCCEEDED') {
    $('mixer').hidden = true;
    return;
  }
  if (mixerFor === task.id) return;
  mixerFor = task.id;
  const stems = task.stems
    .filter((s) => s.clip.audioUrl)
    .map((s) => ({ name: s.name, kind: s.kind, url: /** @type {string} */ (s.clip.audioUrl) }));
  mixer.load(stems).catch((err) => {
    // An audio host that does not allow other origins to read its files (CORS) can still be played, one by one.
    $('mixer').hidden = true;
    $('error').textContent = `The mixer could not load the stems (${err.message || err}); each stem has its own player below.`;
    showPlayers(
      task.stems.map((s) => ({ name: s.name, kind: s.kind, clip: s.clip })),
      true,
    );
  });
}

/** @type {ReturnType<typeof setInterval> | undefined} */
let progressTimer;
/**
 * The estimated progress of a running task: the time since it was submitted over the time it is expected to take
 * (both from the gateway), moved along between updates. It never shows 100% before the task is done.
 * @param {PageTask} task
 */
function showProgress(task) {
  clearInterval(progressTimer);
  const box = $('progress');
  const final = task.status === 'SUCCEEDED' || task.status === 'FAILED';
  // Either may be null: Date.parse(null) is NaN, and the `end > start` test below then hides the bar.
  const start = Date.parse(/** @type {string} */ (task.submittedAt));
  const end = Date.parse(/** @type {string} */ (task.estimatedCompletionAt));
  if (final) {
    if (!box.hidden) setProgress(task.status === 'SUCCEEDED' ? 1 : 0, task.status === 'SUCCEEDED' ? 'done' : 'failed');
    return;
  }
  if (!(end > start)) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const update = () => {
    const now = Date.now();
    const left = Math.max(1, Math.ceil((end - now) / 1000));
    setProgress(Math.min(0.99, Math.max(0, (now - start) / (end - start))), `about ${left} s left`);
  };
  update();
  progressTimer = setInterval(update, 250);
}

/** Live updates ended in an error: the estimate stops where it was, and says so, instead of counting on. */
function progressStopped() {
  clearInterval(progressTimer);
  progressTimer = undefined;
  if (!$('progress').hidden) $('progressText').textContent = 'no live updates: see the error below';
}

/** @type {number[]} */
const progressShown = [];
/**
 * @param {number} fraction
 * @param {string} text
 */
function setProgress(fraction, text) {
  if (progressShown.at(-1) !== fraction) progressShown.push(fraction);
  if (progressShown.length > 200) progressShown.shift();
  $('progressFill').style.width = `${(fraction * 100).toFixed(1)}%`;
  $('progressBar').setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  $('progressText').textContent = text;
}

/** For tests and the console: the mixer's audio graph as it is now (start times, gains), and the progress shown. */
window.studio = {
  mixer,
  snapshot: () => mixer.snapshot(),
  progressShown,
};

/**
 * @param {HTMLButtonElement} button
 * @param {() => Promise<void>} work
 */
async function run(button, work) {
  const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('button[data-action]'));
  buttons.forEach((b) => (b.disabled = true));
  $('error').textContent = '';
  try {
    await work();
  } catch (err) {
    progressStopped();
    $('taskView').hidden = false;
    $('error').textContent = /** @type {Error} */ (err).message || String(err);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/**
 * A submitted task: into the viewer's list (with sign-in), then followed here.
 * @param {PageTask} task
 */
function submitted(task) {
  if (viewer) viewer.added(task);
  return follow(task);
}

$('create').addEventListener('click', () =>
  run($('create'), async () => {
    const data = await gql(`mutation($d: String!) { createMusic(input: { description: $d }) { ${TASK_FIELDS} } }`, {
      d: $('description').value,
    });
    const done = await submitted(data.createMusic);
    if (done && done.status === 'SUCCEEDED' && done.clips[0]) $('clipId').value = done.clips[0].id;
  }),
);

/**
 * @param {HTMLButtonElement} button
 * @param {'splitStemsFull' | 'splitStemsBasic'} operation
 */
function split(button, operation) {
  button.addEventListener('click', () =>
    run(button, async () => {
      const data = await gql(`mutation($c: ID!) { ${operation}(clipId: $c) { ${TASK_FIELDS} } }`, { c: $('clipId').value.trim() });
      await submitted(data[operation]);
    }),
  );
}
split($('split'), 'splitStemsFull');
split($('splitBasic'), 'splitStemsBasic');

/**
 * Opens any task by id (from the viewer's list): shown at once, followed live while it is unfinished.
 * @param {string} taskId
 */
async function open(taskId) {
  $('error').textContent = '';
  try {
    const data = await gql(`query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: taskId });
    const done = await follow(data.task);
    if (done && done.kind === 'CREATE_MUSIC' && done.status === 'SUCCEEDED' && done.clips[0]) $('clipId').value = done.clips[0].id;
  } catch (err) {
    progressStopped();
    $('taskView').hidden = false;
    $('error').textContent = /** @type {Error} */ (err).message || String(err);
  }
}

// With end-user sign-in on, the key field takes the user's token instead, and the page lists their tasks and budget.
const viewer = config.signIn
  ? window.createViewerPanel($('viewerView'), {
      gql,
      describeErrors,
      open,
      subscribe: (request, sink) => subscriptions().subscribe(request, sink),
    })
  : null;
if (viewer) {
  $('apiKeyLabel').textContent = 'Sign-in token (JWT from your sign-in provider)';
  $('apiKey').placeholder = 'paste your token';
  const signIn = () => {
    // Another user (or none): what the page showed of the last one goes, its errors included.
    if (following) following.stop();
    progressStopped();
    $('taskView').hidden = true;
    $('error').textContent = '';
    if (!$('apiKey').value.trim()) return viewer.stop();
    showCosts();
    viewer.refresh().catch((err) => {
      viewer.stop();
      $('signInError').textContent = err.message || String(err);
    });
    $('signInError').textContent = '';
  };
  $('apiKey').addEventListener('change', signIn);
  signIn();
}

/** Each button's price, from `operationCosts` (with sign-in, once there is a token to ask with). */
function showCosts() {
  gql('{ operationCosts { operation credits } }')
    .then((data) => {
      for (const cost of data.operationCosts) {
        const el = document.querySelector(`[data-cost-for="${cost.operation}"]`);
        if (el && cost.credits !== null) el.textContent = `${cost.credits} credits`;
      }
    })
    .catch(() => {});
}
// With sign-in, the costs are asked for once there is a token (signIn), not before (that would be a 401).
if (!viewer) showCosts();
