// Chat shorthand spelled out. People type "db", "k8s" or "perf" in Slack; notes taken from a talk mostly
// spell the words out ("database", "Kubernetes", "performance"), and no stemmer joins the two forms.
// Only abbreviations whose expansion is unambiguous in tech talk are listed: "ms"
// (milliseconds or Microsoft), "sec" (seconds or security) and "ts" (TypeScript or timestamp) are not.
const source: Record<string, readonly string[]> = {
  admin: ['administrator'],
  admins: ['administrators'],
  app: ['application'],
  apps: ['applications'],
  async: ['asynchronous'],
  auth: ['authentication'],
  config: ['configuration'],
  configs: ['configurations'],
  db: ['database'],
  dbs: ['databases'],
  dev: ['development', 'developer'],
  devs: ['developers'],
  docs: ['documentation'],
  env: ['environment'],
  envs: ['environments'],
  impl: ['implementation'],
  infosec: ['security'],
  infra: ['infrastructure'],
  js: ['javascript'],
  k8s: ['kubernetes'],
  kube: ['kubernetes'],
  mgmt: ['management'],
  msg: ['message'],
  msgs: ['messages'],
  ops: ['operations'],
  perf: ['performance'],
  prod: ['production'],
  repo: ['repository'],
  repos: ['repositories'],
  stats: ['statistics'],
};

const shorthand: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(source));

/** The spelled-out forms of a shorthand word ("db" → "database"); none for any other word. */
export const spelledOut = (word: string): readonly string[] => shorthand.get(word.toLowerCase()) ?? [];
