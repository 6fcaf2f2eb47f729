// Pure planning: (spec, templates) -> files in memory. Nothing here touches the
// target folder, which keeps --dry-run, snapshots and update free.
import { type FilePolicy, type Plan, sortedPlan } from "../plan.js";
import { TEMPLATES_DIR } from "../paths.js";
import { resourceViews } from "../resources.js";
import { type Answers, hasAuth } from "../options.js";
import type { MigrationRecord, ProjectSpec } from "../spec.js";
import { builtCatalog } from "./built.js";
import { buildContext, type TemplateContext } from "./context.js";
import { createTemplateCompiler, type TemplateCompiler } from "./handlebars.js";
import { inAppMigrations, inAppRecords, revertData, revertDrops } from "./django-apps.js";
import { adoptFormerRevisions, inlinedIn, nextHistory, originOf } from "./history.js";
import { type Layer, type LayerFile, readCatalog } from "./layer.js";
import { isTemplate, outputPath, substituteTokens } from "./paths.js";
import { seamPartials, seamProblems } from "./seams.js";
import { holds, projectTags } from "./tags.js";

export type { TemplateContext } from "./context.js";

/** Output path -> content, the whole project as it would be written. */

export interface PlanOptions {
  readonly templatesDir: string;
  /** The project's real migration head (update passes it, so its own revisions count). */
  readonly migrationHead?: string | null;
  /** Consent to revisions that revert (drop) what an earlier one created. */
  readonly allowDataLoss?: boolean;
  /** The answers the project had until now (update): what its history was written under. */
  readonly previousAnswers?: Answers;
}

export interface ProjectPlan {
  readonly plan: Plan;
  readonly context: TemplateContext;
  /** How `update` treats each file that is not a plain three-way merge. */
  readonly policies: ReadonlyMap<string, FilePolicy>;
  /** The project's migration history after this plan. */
  readonly history: MigrationRecord[];
}

/** One use of a layer; a parametrised layer (a resource) is used once per resource. */
interface LayerUse {
  readonly layer: Layer;
  readonly params: Readonly<Record<string, unknown>>;
  readonly tokens: Readonly<Record<string, string>>;
}

interface Catalog {
  readonly layers: readonly Layer[];
  /** Built by `npm run build`: every template has its precompiled form. */
  readonly precompiled: boolean;
}

const catalogs = new Map<string, Catalog>();

function catalog(templatesDir: string): Catalog {
  let found = catalogs.get(templatesDir);
  if (!found) {
    const built = templatesDir === TEMPLATES_DIR ? builtCatalog() : null;
    found = built ? { layers: built, precompiled: true } : { layers: readSoundCatalog(templatesDir), precompiled: false };
    catalogs.set(templatesDir, found);
  }
  return found;
}

/** A catalog from disk, checked as a whole (the build checks the built one). */
function readSoundCatalog(templatesDir: string): Layer[] {
  const layers = readCatalog(templatesDir);
  const problems = seamProblems(layers);
  if (problems.length > 0) throw new Error(`template seams: ${problems.join("; ")}`);
  return layers;
}

/** Tests that edit a template folder call this between renders. */
export function forgetTemplates(templatesDir: string): void {
  catalogs.delete(templatesDir);
}

function renderText(env: TemplateCompiler, source: string, template: string, context: object): string {
  try {
    return env.compile(template)(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${source}: ${reason}`);
  }
}

export function planProject(spec: ProjectSpec, options: PlanOptions): ProjectPlan {
  const tags = projectTags(spec.answers);
  const { layers: all, precompiled } = catalog(options.templatesDir);
  const resources = resourceViews(spec.resources, { users: hasAuth(spec.answers) });
  const uses: LayerUse[] = [];
  for (const layer of all.filter((l) => holds(l.manifest.when, tags))) {
    if (layer.manifest.each === "resources") {
      for (const resource of resources) uses.push({ layer, params: { resource }, tokens: { resource: resource.name } });
    } else uses.push({ layer, params: {}, tokens: {} });
  }
  const applies = (file: LayerFile): boolean => holds(file.tags, tags);
  const layers = [...new Set(uses.map((u) => u.layer))];
  const partials = seamPartials(layers);
  const env = createTemplateCompiler(partials, precompiled);

  const m = (use: LayerUse) => use.layer.manifest;
  const context = buildContext(spec.names, spec.answers, resources, {
    runtime: [...layers.flatMap((l) => l.manifest.dependencies), ...resources.flatMap((r) => r.dependencies)],
    dev: layers.flatMap((l) => l.manifest.devDependencies),
    routers: uses.flatMap((u) => m(u).routers.map((r) => substituteTokens(r, u.tokens))),
    // Sorted by module: cli.py imports them in this order, as ruff's isort wants.
    commands: layers.flatMap((l) => l.manifest.commands).sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0)),
    settings: layers.flatMap((l) => l.manifest.settings),
  });
  for (const layer of all) for (const list of layer.manifest.sections) context.sections[list] = [];
  for (const use of uses) {
    for (const [list, template] of use.layer.sections) {
      const texts = context.sections[list];
      if (!texts) throw new Error(`${use.layer.name}/_sections/${list}: no layer declares a section list "${list}"`);
      // Without its last newline, so `{{this}}` on a line of its own reads naturally.
      texts.push(renderText(env, `${use.layer.name}/_sections/${list}`, template, { ...context, ...use.params }).replace(/\n$/, ""));
    }
  }

  // Revisions: which each use contributes, then the history they extend.
  const revisionFiles = new Map<string, { use: LayerUse; file: LayerFile }>();
  const apps = new Map<string, string>();
  // Revisions that change another's table (MigrationDecl.within), with the template that
  // writes them: it also writes their revert, so it counts when it applied until now.
  const within = new Map<string, string>();
  const inAppTemplates = new Map<string, { use: LayerUse; file: LayerFile }>();
  const before = options.previousAnswers === undefined ? null : projectTags(options.previousAnswers);
  for (const use of uses) {
    for (const decl of m(use).migrations) {
      const file = use.layer.files.find((f) => `${f.slice}/${f.source}` === decl.template);
      if (!file) throw new Error(`${use.layer.name}/layer.json: migration template ${decl.template} does not exist`);
      const revision = substituteTokens(decl.revision, use.tokens);
      if (decl.within !== undefined && (applies(file) || (before !== null && holds(file.tags, before)))) {
        within.set(revision, substituteTokens(decl.within, use.tokens));
        inAppTemplates.set(revision, { use, file });
      }
      if (!applies(file)) continue;
      revisionFiles.set(revision, { use, file });
      if (decl.app !== undefined) apps.set(revision, substituteTokens(decl.app, use.tokens));
    }
  }
  const history = nextHistory({
    previous: adoptFormerRevisions(spec.history, formerRevisions(all, uses, options.previousAnswers)),
    contributed: [...revisionFiles.keys()],
    apps,
    within,
    ...(options.migrationHead === undefined ? {} : { head: options.migrationHead }),
    ...(options.allowDataLoss === undefined ? {} : { allowDataLoss: options.allowDataLoss }),
  });
  const byRevision = new Map(history.map((r) => [r.revision, r]));
  const delegate = delegateTemplate(uses);
  // Revision templates render only through the history below, never as plain files.
  const migrationTemplates = new Set([...revisionFiles.values(), ...inAppTemplates.values()].map((v) => v.file));
  if (delegate) migrationTemplates.add(delegate.file);

  const plan: Plan = new Map();
  const policies = new Map<string, FilePolicy>();
  const emit = (use: LayerUse, file: LayerFile, extra: Record<string, unknown>, tokens = use.tokens): string => {
    const path = outputPath(file.source, { ...tokens, pkg: spec.names.pkg });
    const template = isTemplate(file.source);
    const text = template
      ? renderText(env, `${use.layer.name}/${file.slice}/${file.source}`, file.content.toString("utf8"), { ...context, ...use.params, ...extra })
      : file.content.toString("utf8");
    // A file that renders empty is "not in this combination", even if an
    // earlier layer produced it: that is how a layer removes a file.
    if (text.trim() === "") plan.delete(path);
    else plan.set(path, template ? Buffer.from(text) : file.content);
    return path;
  };
  for (const use of uses) {
    for (const file of use.layer.files) if (applies(file) && !migrationTemplates.has(file)) emit(use, file, {});
  }
  // The delegate's files in history order. A Django project keeps them in one app, so
  // each names the one written before it (`previous`); a record its delegate renders
  // nothing for (Django's re-apply: the app's own files do it) has no file to name.
  let previous: string | null = null;
  const lastWrittenAbout = new Map<string, string>();
  // History index -> the delegate's file written there.
  const delegated = new Map<number, string>();
  const drops = revertDrops(all);
  const inAppChanges = inAppRecords(history);
  for (const [index, record] of history.entries()) {
    if (record.kind === "apply" || inAppChanges.has(record)) continue;
    if (!delegate) throw new Error(`revision ${record.revision} needs a layer with a revisionDelegate, and none applies`);
    const path = emit(delegate.use, delegate.file, { migration: record, previous: previous === null ? [] : [previous], ...revertData(record, drops) }, { ...delegate.use.tokens, revision: record.revision });
    if (!plan.has(path)) continue;
    policies.set(path, "once");
    previous = record.revision;
    delegated.set(index, record.revision);
    if (record.of !== undefined) lastWrittenAbout.set(record.of, record.revision);
  }
  // An app's own migrations of another revision's table.
  const inAppFiles = inAppMigrations(history);
  for (const [index, record] of history.entries()) {
    const at = inAppFiles.get(record.revision);
    const own = inAppTemplates.get(originOf(record));
    if (at === undefined || own === undefined) continue;
    // A revert runs before the delegate's next file (which may drop the table its
    // column points at); an apply after its last one (which may make that table again).
    const next = [...delegated].find(([i]) => i > index);
    const last = [...delegated].filter(([i]) => i < index).at(-1);
    const order = record.kind === "revert" ? { runBefore: next ? [next[1]] : [], after: [] } : { runBefore: [], after: last ? [last[1]] : [] };
    const path = emit(own.use, own.file, { migration: record, inApp: at, ...order }, { ...own.use.tokens, migration: at.name });
    if (plan.has(path)) policies.set(path, "once");
  }
  for (const [revision, { use, file }] of revisionFiles) {
    if (inAppTemplates.has(revision)) continue;
    const record = byRevision.get(revision);
    // No record: another revision's file applied it (`also`), and it has none of its own.
    if (!record) continue;
    // Added back after a revert: the revert's file runs first (`after`), as Django must be told.
    const after = lastWrittenAbout.get(revision);
    const path = emit(use, file, { migration: record, inlined: inlinedIn(record, history), after: after === undefined ? [] : [after] });
    if (plan.has(path)) policies.set(path, "once");
  }
  return { plan: sortedPlan(plan), context, policies, history };
}

/**
 * Moved revision -> where it was before, for the layers that applied under the project's
 * previous answers. A revision written within another's file (`within`) was there too:
 * a table made while it applied was made with it.
 */
function formerRevisions(all: readonly Layer[], uses: readonly LayerUse[], previousAnswers: Answers | undefined): Map<string, string> {
  const moved = new Map<string, string>();
  if (previousAnswers === undefined) return moved;
  const tags = projectTags(previousAnswers);
  const held = (layer: Layer, template: string): boolean => layer.files.some((f) => `${f.slice}/${f.source}` === template && holds(f.tags, tags));
  for (const layer of all.filter((l) => l.manifest.each === null && holds(l.manifest.when, tags))) {
    for (const decl of layer.manifest.migrations) {
      if (decl.formerlyIn !== undefined && held(layer, decl.template)) moved.set(decl.revision, decl.formerlyIn);
    }
  }
  for (const use of uses.filter((u) => u.layer.manifest.each !== null)) {
    for (const decl of use.layer.manifest.migrations) {
      if (decl.within !== undefined && held(use.layer, decl.template)) moved.set(substituteTokens(decl.revision, use.tokens), substituteTokens(decl.within, use.tokens));
    }
  }
  return moved;
}

function delegateTemplate(uses: readonly LayerUse[]): { use: LayerUse; file: LayerFile } | null {
  for (const use of uses) {
    const template = use.layer.manifest.revisionDelegate;
    if (template === null) continue;
    const file = use.layer.files.find((f) => `${f.slice}/${f.source}` === template);
    if (!file) throw new Error(`${use.layer.name}/layer.json: revisionDelegate ${template} does not exist`);
    return { use, file };
  }
  return null;
}
