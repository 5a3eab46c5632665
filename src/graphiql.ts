/** The example operations GraphiQL opens with, so a newcomer can run something at once. */
import { demoClip } from './upstream/sandbox/store.js';

const splitStems = `# Welcome to aimusic-graphql. Press ▶ to split the sandbox demo song into its 12 stems,
# then copy the returned id into the "Watch a task" tab.
mutation SplitDemoSong {
  splitStemsFull(clipId: "${demoClip.id}") {
    id
    kind
    status
  }
}
`;

const readTask = `# Paste a task id from a mutation; run again until status is SUCCEEDED.
query ReadTask {
  task(id: "PASTE-TASK-ID") {
    id
    kind
    status
    error
    stems { kind name clip { id audioUrl duration } }
    clips { id title status audioUrl imageUrl }
  }
}
`;

const createSong = `mutation CreateSong {
  createMusic(input: {
    description: "an upbeat synthwave song about a night drive"
    model: SONIC_V4_5
  }) {
    id
    kind
    status
  }
}
`;

const analyseAndPrices = `# Operations that answer at once, and what each operation costs.
mutation TempoOfDemoSong {
  getBpm(clipId: "${demoClip.id}") { bpm minBpm maxBpm }
}

query AccountAndPrices {
  credits { total }
  operationCosts { operation credits note }
}
`;

const watchTask = `# Paste a task id from a mutation: the current state now, then every change until it is final.
subscription WatchTask {
  taskUpdated(taskId: "PASTE-TASK-ID") {
    id
    status
    observedAt
    clips { id title status audioUrl }
  }
}
`;

export const graphiqlTabs = [
  { query: splitStems },
  { query: readTask },
  { query: watchTask },
  { query: createSong },
  { query: analyseAndPrices },
];
