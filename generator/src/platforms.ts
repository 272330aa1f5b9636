/** One OpenAPI document of a platform. */
export interface SpecSource {
  /** Repo-relative path of the spec's root file. */
  path: string;
  /**
   * Client property the spec's resources live under. Platforms split into several specs (Wazo: one per
   * daemon) give each one a namespace; a single-spec platform leaves it out and its tags sit on the client.
   */
  namespace?: string;
}

export interface PlatformConfig {
  /** Name on the command line: `pnpm generate voipstudio`. */
  name: string;
  /** Product name used in generated docs. */
  title: string;
  specs: readonly SpecSource[];
  /** Repo-relative directory that only the generator writes. */
  output: string;
  /** Exported names of the generated code. */
  names: {
    /** Prefix of the platform-wide event maps: `Kazoo` → `KazooBlackholeEvents` (see `x-pbxkit-event-channel`). */
    prefix: string;
    clientInterface: string;
    clientFactory: string;
    eventsInterface: string;
    handlersFactory: string;
  };
}

export const platforms: readonly PlatformConfig[] = [
  {
    name: 'voipstudio',
    title: 'VoIPstudio',
    specs: [{ path: 'specs/voipstudio/openapi.yaml' }],
    output: 'packages/voipstudio/src/generated',
    names: {
      prefix: 'Voipstudio',
      clientInterface: 'VoipstudioApi',
      clientFactory: 'createVoipstudioApi',
      eventsInterface: 'VoipstudioWebhookEvents',
      handlersFactory: 'createVoipstudioHandlers',
    },
  },
  {
    name: 'kazoo',
    title: 'Kazoo',
    specs: [{ path: 'specs/kazoo/openapi.yaml' }],
    output: 'packages/kazoo/src/generated',
    names: {
      prefix: 'Kazoo',
      clientInterface: 'KazooApi',
      clientFactory: 'createKazooApi',
      eventsInterface: 'KazooWebhookEvents',
      handlersFactory: 'createKazooHandlers',
    },
  },
  {
    name: 'wazo',
    title: 'Wazo Platform',
    specs: [
      { path: 'specs/wazo/auth.yaml', namespace: 'auth' },
      { path: 'specs/wazo/calld.yaml', namespace: 'calld' },
      { path: 'specs/wazo/confd.yaml', namespace: 'confd' },
      { path: 'specs/wazo/dird.yaml', namespace: 'dird' },
      { path: 'specs/wazo/agentd.yaml', namespace: 'agentd' },
      { path: 'specs/wazo/call-logd.yaml', namespace: 'callLogd' },
      { path: 'specs/wazo/chatd.yaml', namespace: 'chatd' },
      { path: 'specs/wazo/websocketd.yaml', namespace: 'websocketd' },
    ],
    output: 'packages/wazo/src/generated',
    names: {
      prefix: 'Wazo',
      clientInterface: 'WazoApi',
      clientFactory: 'createWazoApi',
      eventsInterface: 'WazoEvents',
      handlersFactory: 'createWazoHandlers',
    },
  },
];
