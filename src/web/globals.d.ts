/**
 * Types for the live page's browser scripts (app.js, mixer.js, viewer.js), read only by `npm run typecheck:web`
 * (tsconfig.web.json). The page never loads this file: serve.ts serves only the files it lists, scripts/build.mjs
 * neither compiles nor copies declarations, and the main tsconfig excludes it so that these browser globals stay out
 * of the server's program.
 *
 * The scripts are classic scripts sharing the page's global scope: graphql-ws's UMD build (`window.graphqlWs`),
 * then mixer.js (`window.createMixer`) and viewer.js (`window.createViewerPanel`), then app.js, which reads
 * `window.APP_CONFIG` (written into the page by serve.ts) and sets `window.studio`.
 */

/** `window.APP_CONFIG`: the options serve.ts's createWebPage was given. */
interface AppConfig {
  demoClipId?: string;
  signIn?: boolean;
}

/** The elements of index.html that app.js reads by id (its `$`). */
interface PageElements {
  apiKey: HTMLInputElement;
  apiKeyLabel: HTMLLabelElement;
  signInError: HTMLElement;
  viewerView: HTMLElement;
  description: HTMLInputElement;
  create: HTMLButtonElement;
  clipId: HTMLInputElement;
  split: HTMLButtonElement;
  splitBasic: HTMLButtonElement;
  taskView: HTMLElement;
  taskId: HTMLElement;
  taskKind: HTMLElement;
  steps: HTMLOListElement;
  progress: HTMLElement;
  progressBar: HTMLElement;
  progressFill: HTMLElement;
  progressText: HTMLElement;
  events: HTMLOListElement;
  error: HTMLElement;
  tracks: HTMLUListElement;
  mixer: HTMLElement;
}

type GraphQLWs = typeof import('graphql-ws/client');
type GraphQLWsClient = import('graphql-ws/client').Client;
/** A GraphQL response (or a graphql-ws `next`) whose `data` is `D`. */
type PageResult<D> = import('graphql').FormattedExecutionResult<D>;
/** An error of a GraphQL response. */
type PageGraphQLError = import('graphql').GraphQLFormattedError;

type TaskStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A `Clip` as app.js selects it (TASK_FIELDS). */
interface PageClip {
  id: string;
  title?: string | null;
  audioUrl: string | null;
  imageUrl?: string | null;
  duration: number | null;
}

/** A `Task` as app.js selects it (TASK_FIELDS). */
interface PageTask {
  id: string;
  kind: string;
  status: TaskStatus;
  error: string | null;
  observedAt: string;
  submittedAt: string | null;
  estimatedCompletionAt: string | null;
  clips: PageClip[];
  stems: { kind: string; name: string; clip: PageClip }[];
}

/** A task as the viewer's list selects it (viewer.js's ROW_FIELDS). */
type PageTaskRow = Pick<PageTask, 'id' | 'kind' | 'status' | 'submittedAt'>;

/** A stem given to the mixer. */
interface MixerStem {
  name: string;
  kind: string;
  url: string;
}

/** What `mixer.snapshot()` reports of the audio graph (read by test/live-page.e2e.test.ts through `window.studio`). */
interface MixerSnapshot {
  contextState: AudioContextState | 'none';
  currentTime: number;
  playing: boolean;
  offset: number;
  position: number;
  duration: number;
  stems: {
    kind: string;
    name: string;
    startTime: number | null;
    gain: number;
    muted: boolean;
    solo: boolean;
    volume: number;
  }[];
}

/** The mixer as the rest of the page uses it (mixer.js's Mixer). */
interface StudioMixer {
  playing: boolean;
  load(tracks: MixerStem[]): Promise<void>;
  play(): Promise<void>;
  pause(): void;
  seek(seconds: number): void;
  snapshot(): MixerSnapshot;
}

/** What app.js gives viewer.js's createViewerPanel. */
interface ViewerPanelDeps {
  gql(query: string, variables?: Record<string, unknown>): Promise<any>;
  describeErrors(errors: readonly PageGraphQLError[]): string;
  open(taskId: string): unknown;
  subscribe: GraphQLWsClient['subscribe'];
}

/** viewer.js's panel of the signed-in viewer's tasks and budget. */
interface ViewerPanel {
  refresh(): Promise<void>;
  added(task: PageTaskRow): void;
  stop(): void;
}

interface Window {
  APP_CONFIG?: AppConfig;
  graphqlWs: GraphQLWs;
  createMixer(root: HTMLElement): StudioMixer;
  createViewerPanel(root: HTMLElement, deps: ViewerPanelDeps): ViewerPanel;
  /** For tests and the console (app.js). */
  studio: {
    mixer: StudioMixer;
    snapshot(): MixerSnapshot;
    progressShown: number[];
  };
}
