/** The example operations GraphiQL opens with, so a newcomer can run something at once. */
import { demoClip } from '../sandbox/index.js';

// GraphiQL names each tab after its first operation (SplitDemoSong, ReadTask, WatchTask, ...): the comments refer to
// tabs by those names.
const splitStems = `# Welcome to aimusic-graphql. Press ▶ to split the sandbox demo song into its 12 stems.
# Then paste the returned id into the WatchTask tab to watch the task live until it is
# SUCCEEDED, or into the ReadTask tab to read it once.
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
  # The prices in force: the upstream brand's published ones, or OPERATION_COSTS_FILE's.
  operationCosts { operation credits note source }
}
`;

const voice = `# A persona from a voice: run it, then read the task (ReadVoice) until it is SUCCEEDED and has a persona,
# then sing with it in createMusicWithPersona. (createPersona is deprecated: unavailable upstream.)
mutation CaptureVoice {
  createVoice(input: { audioUrl: "https://example.com/voices/my-voice.wav" }) {
    id
    kind
    status
  }
}

query ReadVoice {
  task(id: "PASTE-TASK-ID") { status error persona { id name } }
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
  { query: voice },
];

/** With PERSISTED_OPERATIONS_ONLY GraphiQL can run nothing (it sends documents, not hashes); its page says why. */
export const persistedOnlyTabs = [
  {
    query: `# This gateway runs only persisted operations (PERSISTED_OPERATIONS_ONLY=true).
# It refuses any document sent as text, so GraphiQL cannot run queries here: every request gets
# PERSISTED_QUERY_ONLY. Clients send extensions.persistedQuery.sha256Hash of an operation in the
# manifest (operations/generated/persisted-documents.json, written by npm run codegen).
# The schema (schema.graphql) and the operations are in the repository; run documents of your own
# on a gateway without this setting.
`,
  },
];
