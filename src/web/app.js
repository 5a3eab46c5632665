// The live task page: mutations over HTTP POST /graphql, updates over graphql-ws (window.graphqlWs, served by the
// gateway from the graphql-ws package). Plain browser JavaScript, no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const config = window.APP_CONFIG || {};
if (config.demoClipId) $('clipId').value = config.demoClipId;

const TASK_FIELDS = `id kind status error observedAt
  clips { id title audioUrl imageUrl duration }
  stems { kind name clip { id audioUrl duration } }`;

function authorization() {
  const key = $('apiKey').value.trim();
  return key ? `Bearer ${key}` : undefined;
}

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

function describeErrors(errors) {
  return errors.map((e) => `${(e.extensions && e.extensions.code) || 'ERROR'}: ${e.message}`).join('\n');
}

let wsClient;
let wsKey;
function subscriptions() {
  const auth = authorization();
  if (!wsClient || wsKey !== auth) {
    if (wsClient) wsClient.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = window.graphqlWs.createClient({ url, connectionParams: auth ? { authorization: auth } : {} });
    wsKey = auth;
  }
  return wsClient;
}

/** Follows a task until it completes; calls onTask with every state. */
function watch(taskId, onTask) {
  return new Promise((resolve, reject) => {
    let last;
    subscriptions().subscribe(
      { query: `subscription($id: ID!) { taskUpdated(taskId: $id) { ${TASK_FIELDS} } }`, variables: { id: taskId } },
      {
        next: (result) => {
          if (result.errors && result.errors.length) return reject(new Error(describeErrors(result.errors)));
          last = result.data.taskUpdated;
          onTask(last);
        },
        error: (err) => reject(err instanceof Error ? err : new Error(describeErrors(Array.isArray(err) ? err : [err]))),
        complete: () => resolve(last),
      },
    );
  });
}

/** One line per update received, so the task's progress reads as a timeline. */
function logEvent(task) {
  const li = document.createElement('li');
  li.dataset.status = task.status;
  const at = task.observedAt ? new Date(task.observedAt).toLocaleTimeString() : new Date().toLocaleTimeString();
  li.textContent = `${at} · ${task.status}${task.clips.length ? ` · ${task.clips.length} clips` : ''}`;
  $('events').append(li);
}

function showTask(task) {
  $('taskView').hidden = false;
  $('taskId').textContent = task.id;
  $('taskKind').textContent = task.kind;
  const order = ['PENDING', 'RUNNING', 'SUCCEEDED'];
  const at = order.indexOf(task.status);
  for (const li of $('steps').children) {
    const i = order.indexOf(li.dataset.status);
    li.className = task.status === 'FAILED' ? (i === 2 ? 'failed' : '') : i < at || task.status === 'SUCCEEDED' ? 'done' : i === at ? 'current' : '';
    if (task.status === 'FAILED' && i === 2) li.textContent = 'Failed';
  }
  $('error').textContent = task.error || '';
  const tracks = task.stems.length
    ? task.stems.map((s) => ({ name: s.name, kind: s.kind, clip: s.clip }))
    : task.clips.map((c) => ({ name: c.title || c.id, kind: 'CLIP', clip: c }));
  const list = $('tracks');
  list.replaceChildren(
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
      if (t.clip.audioUrl && task.status === 'SUCCEEDED') {
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

async function run(button, work) {
  const buttons = document.querySelectorAll('button');
  buttons.forEach((b) => (b.disabled = true));
  $('error').textContent = '';
  try {
    await work();
  } catch (err) {
    $('taskView').hidden = false;
    $('error').textContent = err.message || String(err);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

$('create').addEventListener('click', () =>
  run($('create'), async () => {
    const data = await gql(`mutation($d: String!) { createMusic(input: { description: $d }) { ${TASK_FIELDS} } }`, {
      d: $('description').value,
    });
    showTask(data.createMusic);
    $('events').replaceChildren();
    const done = await watch(data.createMusic.id, (task) => (logEvent(task), showTask(task)));
    if (done && done.status === 'SUCCEEDED' && done.clips[0]) $('clipId').value = done.clips[0].id;
  }),
);

$('split').addEventListener('click', () =>
  run($('split'), async () => {
    const data = await gql(`mutation($c: ID!) { splitStemsFull(clipId: $c) { ${TASK_FIELDS} } }`, { c: $('clipId').value.trim() });
    showTask(data.splitStemsFull);
    $('events').replaceChildren();
    await watch(data.splitStemsFull.id, (task) => (logEvent(task), showTask(task)));
  }),
);

gql('{ operationCosts { operation credits } }')
  .then((data) => {
    for (const cost of data.operationCosts) {
      const el = document.querySelector(`[data-cost-for="${cost.operation}"]`);
      if (el && cost.credits !== null) el.textContent = `${cost.credits} credits`;
    }
  })
  .catch(() => {});
