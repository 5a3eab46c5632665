// @ts-check
// The signed-in viewer's side of the live page (only when the gateway has end-user sign-in on): their tasks, newest
// first (the `viewer.tasks` connection, a page at a time), their credit budget, and every change of their unfinished
// tasks live over `viewerTaskUpdated`. Plain browser JavaScript, no build step.
'use strict';

(() => {
  const PAGE = 10;
  const ROW_FIELDS = 'id kind status submittedAt';

  /** @param {{ limit: number, used: number, remaining: number, resetsAt: string } | null} budget */
  function describeBudget(budget) {
    if (!budget) return 'No credit budget is set for your account.';
    const resets = new Date(budget.resetsAt).toLocaleString();
    return `Budget: ${budget.remaining} of ${budget.limit} credits left (${budget.used} used), renews ${resets}.`;
  }

  /**
   * `deps`: gql(query, variables), subscribe(request, sink) → unsubscribe, describeErrors(errors), open(taskId).
   * Returns { refresh(), stop() }.
   * @param {HTMLElement} root
   * @param {ViewerPanelDeps} deps
   * @returns {ViewerPanel}
   */
  function createViewerPanel(root, deps) {
    const list = /** @type {HTMLElement} */ (root.querySelector('.viewer-tasks'));
    const more = /** @type {HTMLElement} */ (root.querySelector('.more'));
    const budget = /** @type {HTMLElement} */ (root.querySelector('.budget'));
    const status = /** @type {HTMLElement} */ (root.querySelector('.viewer-status'));
    /** @type {Map<string, HTMLLIElement>} */
    const rows = new Map();
    /** @type {string | null} */
    let endCursor = null;
    /** @type {(() => void) | null} */
    let unsubscribe = null;

    /** @param {PageTaskRow} task */
    function row(task) {
      let li = rows.get(task.id);
      if (!li) {
        li = document.createElement('li');
        li.dataset.taskId = task.id;
        const open = document.createElement('button');
        open.type = 'button';
        open.className = 'open';
        open.addEventListener('click', () => deps.open(task.id));
        li.append(open);
        rows.set(task.id, li);
      }
      li.dataset.status = task.status;
      const when = task.submittedAt ? new Date(task.submittedAt).toLocaleTimeString() : '';
      /** @type {Element} */ (li.querySelector('.open')).textContent =
        `${task.kind} · ${task.status}${when ? ` · ${when}` : ''} · ${task.id.slice(0, 8)}`;
      return li;
    }

    /** @param {string | null} after */
    async function loadPage(after) {
      const data = await deps.gql(
        `query($first: Int!, $after: String) { viewer { id budget { limit used remaining resetsAt }
          tasks(first: $first, after: $after) { edges { cursor node { ${ROW_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`,
        { first: PAGE, after },
      );
      const { tasks } = data.viewer;
      budget.textContent = describeBudget(data.viewer.budget);
      const items = tasks.edges.map((/** @type {{ node: PageTaskRow }} */ edge) => row(edge.node));
      if (after) list.append(...items);
      else list.replaceChildren(...items);
      endCursor = tasks.pageInfo.endCursor;
      more.hidden = !tasks.pageInfo.hasNextPage;
      root.hidden = false;
      status.textContent = items.length || after ? '' : 'No tasks yet.';
    }

    async function refreshBudget() {
      const data = await deps.gql('{ viewer { budget { limit used remaining resetsAt } } }');
      budget.textContent = describeBudget(data.viewer.budget);
    }

    /** Every change of any unfinished task of the viewer: its row moves, and a task never seen here is added on top. */
    function follow() {
      if (unsubscribe) unsubscribe();
      unsubscribe = deps.subscribe(
        { query: `subscription { viewerTaskUpdated { ${ROW_FIELDS} } }` },
        {
          next: (/** @type {PageResult<{ viewerTaskUpdated: PageTaskRow }>} */ result) => {
            if (result.errors && result.errors.length) return void (status.textContent = deps.describeErrors(result.errors));
            const task = /** @type {{ viewerTaskUpdated: PageTaskRow }} */ (result.data).viewerTaskUpdated;
            const known = rows.has(task.id);
            const li = row(task);
            if (!known) list.prepend(li);
            status.textContent = '';
            if (task.status === 'FAILED') refreshBudget().catch(() => {});
          },
          error: (/** @type {{ message?: string } | null | undefined} */ err) =>
            (status.textContent = err && err.message ? err.message : 'Live updates stopped.'),
          complete: () => {},
        },
      );
    }

    more.addEventListener('click', () => loadPage(endCursor).catch((err) => (status.textContent = err.message)));

    return {
      async refresh() {
        rows.clear();
        await loadPage(null);
        follow();
      },
      /** A task this page just submitted: shown at once, before its first live event. */
      added(task) {
        if (!rows.has(task.id)) list.prepend(row(task));
        status.textContent = '';
        refreshBudget().catch(() => {});
      },
      stop() {
        if (unsubscribe) unsubscribe();
        unsubscribe = null;
        root.hidden = true;
      },
    };
  }

  window.createViewerPanel = createViewerPanel;
})();
