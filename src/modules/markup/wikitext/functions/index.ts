/**
 * The parser function and magic variable registry (MediaWiki's Parser::setFunctionHook and
 * mVariables): names come from words.ts, implementations from the modules beside it.
 */
import { CORE_FUNCTIONS } from './core.ts';
import { FORMATDATE_FUNCTIONS } from './formatdate.ts';
import { LOGIC_FUNCTIONS } from './logic.ts';
import { NAME_FUNCTIONS, NAME_VARIABLES } from './names.ts';
import { SITE_FUNCTIONS, SITE_VARIABLES } from './site.ts';
import { TIME_FUNCTIONS, TIME_VARIABLES } from './time.ts';
import type { MagicVariable, ParserFunction } from './types.ts';
import { namesOf, WORDS } from './words.ts';

export interface FunctionEntry {
  fn: ParserFunction;
  /** Called as `{{#name:…}}` (without SFH_NO_HASH). */
  hash: boolean;
}

const FUNCTIONS: Record<string, FunctionEntry> = {
  ...CORE_FUNCTIONS,
  ...FORMATDATE_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...NAME_FUNCTIONS,
  ...SITE_FUNCTIONS,
  ...TIME_FUNCTIONS,
};

const VARIABLES: Record<string, MagicVariable> = {
  ...NAME_VARIABLES,
  ...SITE_VARIABLES,
  ...TIME_VARIABLES,
};

interface Tables {
  csFunctions: Map<string, ParserFunction>;
  ciFunctions: Map<string, ParserFunction>;
  csVariables: Map<string, MagicVariable>;
  ciVariables: Map<string, MagicVariable>;
}

const tables = new Map<string, Tables>();

function tablesFor(language: string): Tables {
  let t = tables.get(language);
  if (t) return t;
  t = { csFunctions: new Map(), ciFunctions: new Map(), csVariables: new Map(), ciVariables: new Map() };
  for (const [id, entry] of Object.entries(FUNCTIONS)) {
    const cs = WORDS[id]?.cs ?? false;
    for (let name of namesOf(id, language)) {
      if (name.endsWith(':')) name = name.slice(0, -1);
      if (entry.hash) name = '#' + name;
      if (cs) t.csFunctions.set(name, entry.fn);
      else t.ciFunctions.set(name.toLowerCase(), entry.fn);
    }
  }
  for (const [id, fn] of Object.entries(VARIABLES)) {
    const cs = WORDS[id]?.cs ?? true;
    for (const name of namesOf(id, language)) {
      if (cs) t.csVariables.set(name, fn);
      else t.ciVariables.set(name.toLowerCase(), fn);
    }
  }
  tables.set(language, t);
  return t;
}

/** The parser function called `name` (the text before the colon), as Parser::callParserFunction looks it up. */
export function findFunction(name: string, language: string): ParserFunction | undefined {
  const t = tablesFor(language);
  return t.csFunctions.get(name) ?? t.ciFunctions.get(name.toLowerCase());
}

/** The magic variable whose name is exactly `name`. */
export function findVariable(name: string, language: string): MagicVariable | undefined {
  const t = tablesFor(language);
  return t.csVariables.get(name) ?? t.ciVariables.get(name.toLowerCase());
}

interface PrefixName {
  name: string;
  lower: string;
  cs: boolean;
}

const prefixTables = new Map<string, Map<string, PrefixName[]>>();

function prefixNames(id: string, language: string): PrefixName[] {
  let byId = prefixTables.get(language);
  if (!byId) {
    byId = new Map();
    prefixTables.set(language, byId);
  }
  let names = byId.get(id);
  if (!names) {
    const cs = WORDS[id]?.cs ?? false;
    names = namesOf(id, language).map((name) => ({ name, lower: name.toLowerCase(), cs }));
    byId.set(id, names);
  }
  return names;
}

/** MagicWord::matchStartAndRemove over several words: the word `text` starts with, and the rest. */
export function stripPrefixWord(ids: readonly string[], text: string, language: string): { id: string; rest: string } | undefined {
  // Every prefix word ends with a colon.
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  // A template call tries several words on the same text: its head is cut and lower-cased once.
  if (text !== last.text) last = { text, head: text.slice(0, colon + 1), lowerHead: text.slice(0, colon + 1).toLowerCase() };
  const { head, lowerHead } = last;
  // Most heads ('#if:'…) are none of the words: found out with one lookup.
  const candidates = prefixHeads(ids, language).get(lowerHead);
  if (!candidates) return undefined;
  for (const { id, n } of candidates) {
    if (n.cs ? head === n.name : lowerHead === n.lower) return { id, rest: text.slice(n.name.length) };
  }
  return undefined;
}

let last = { text: '', head: '', lowerHead: '' };

const headTables = new WeakMap<readonly string[], Map<string, Map<string, Array<{ id: string; n: PrefixName }>>>>();

/** The names of `ids` by lower-cased name, in the order they are tried; callers pass the same `ids` array each time. */
function prefixHeads(ids: readonly string[], language: string): Map<string, Array<{ id: string; n: PrefixName }>> {
  let byLanguage = headTables.get(ids);
  if (!byLanguage) headTables.set(ids, (byLanguage = new Map()));
  let heads = byLanguage.get(language);
  if (!heads) {
    heads = new Map();
    for (const id of ids) {
      for (const n of prefixNames(id, language)) {
        const list = heads.get(n.lower);
        if (list) list.push({ id, n });
        else heads.set(n.lower, [{ id, n }]);
      }
    }
    byLanguage.set(language, heads);
  }
  return heads;
}
