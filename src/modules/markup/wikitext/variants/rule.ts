/**
 * One `-{ … }-` block (MediaWiki's ConverterRule): flags before `|`, then either plain text or
 * variant rules (`zh-hans:…;zh-hant:…` two-way, `from=>zh-tw:to` one-way). Parsing gives what
 * the block displays, the title it sets (T flag) and the rules it adds to or removes from the
 * page's conversion tables (A, H, - flags).
 */
import type { ManualLevel } from './types.ts';

/** What a rule needs from its converter. */
export interface RuleHost {
  variants: readonly string[];
  main: string;
  /** Lower-case internal code of a variant name (BCP 47 and any case accepted), or undefined. */
  validateVariant(name: string): string | undefined;
  fallbacks(variant: string): readonly string[];
  manualLevel(variant: string): ManualLevel;
  variantName(variant: string): string | undefined;
  /** Splits rules on ';' followed by a variant rule (MediaWiki's getVarSeparatorPattern). */
  separator: RegExp;
  descCodeSeparator: string;
  descVarSeparator: string;
  autoConvert(text: string, variant: string): string;
}

const FLAGS = new Set(['A', 'T', 'R', 'D', '-', 'H', 'N']);

export interface ParsedRule {
  /** HTML shown in place of the block. */
  display: string;
  /** The title set by a T flag, or undefined. */
  title?: string;
  action: 'add' | 'remove' | 'none';
  /** Pairs per variant to add to (or remove from) the page's tables. */
  convTable: Map<string, Map<string, string>>;
}

export function parseFlags(text: string, host: RuleHost): { flags: Set<string>; variantFlags: Set<string>; rules: string } {
  let flags = new Set<string>();
  let variantFlags = new Set<string>();
  let rules = text;
  const sep = text.indexOf('|');
  if (sep >= 0) {
    for (const raw of text.slice(0, sep).split(';')) {
      const f = raw.trim();
      const variant = FLAGS.has(f) ? undefined : host.validateVariant(f);
      if (FLAGS.has(f)) flags.add(f);
      else if (variant) flags.add(variant);
    }
    rules = text.slice(sep + 1);
  }
  if (flags.size === 0) flags.add('S');
  else if (flags.has('R')) flags = new Set(['R']);
  else if (flags.has('N')) flags = new Set(['N']);
  else if (flags.has('-')) flags = new Set(['-']);
  else if (flags.size === 1 && flags.has('T')) flags.add('H');
  else if (flags.has('H')) {
    const kept = new Set(['+', 'H']);
    if (flags.has('T')) kept.add('T');
    if (flags.has('D')) kept.add('D');
    flags = kept;
  } else {
    if (flags.has('A')) {
      flags.add('+');
      flags.add('S');
    }
    if (flags.has('D')) flags.delete('S');
    variantFlags = new Set([...flags].filter((f) => host.variants.includes(f)));
    if (variantFlags.size > 0) flags = new Set();
  }
  return { flags, variantFlags, rules };
}

/** Two-way texts by variant and one-way pairs by variant (ConverterRule::parseRules). */
export function parseRules(rules: string, host: RuleHost): { bid: Map<string, string>; unid: Map<string, Map<string, string>> } {
  let bid = new Map<string, string>();
  let unid = new Map<string, Map<string, string>>();
  // Semicolons of character references do not separate rules.
  const choices = rules.replace(/(&[#a-zA-Z0-9]+);/g, '$1\x01').split(host.separator).map((c) => c.split('\x01').join(';'));
  for (const c of choices) {
    const colon = c.indexOf(':');
    if (colon < 0) continue;
    const to = c.slice(colon + 1).trim();
    const head = c.slice(0, colon).trim();
    const arrow = head.indexOf('=>');
    let variant: string | undefined;
    if (arrow < 0) {
      variant = host.validateVariant(head);
      if (to !== '' && variant) bid.set(variant, to);
    } else {
      const from = head.slice(0, arrow).trim();
      variant = host.validateVariant(head.slice(arrow + 2).trim());
      if (from !== '' && variant) {
        const pairs = unid.get(variant) ?? new Map<string, string>();
        pairs.set(from, to);
        unid.set(variant, pairs);
      }
    }
    // A choice naming no variant is a syntax error: the block has no rules.
    if (!variant || host.variantName(variant) === undefined) {
      bid = new Map();
      unid = new Map();
      break;
    }
  }
  return { bid, unid };
}

function firstIn(bid: Map<string, string>, variants: readonly string[]): string | undefined {
  for (const v of variants) if (bid.has(v)) return bid.get(v);
  return undefined;
}

/** ConverterRule::parse for the wanted variant. */
export function parseRule(text: string, variant: string, host: RuleHost): ParsedRule {
  const parsed = parseFlags(text, host);
  const variantFlags = parsed.variantFlags;
  let { flags, rules } = parsed;
  if (variantFlags.size > 0) {
    // -{zh-hans;zh-hant|text}-: the text converted to the variant (or a fallback) when it is listed.
    const target = variantFlags.has(variant) ? variant : host.fallbacks(variant).find((f) => variantFlags.has(f));
    if (target) rules = host.autoConvert(rules, target);
    flags = new Set(['R']);
  }
  let bid = new Map<string, string>();
  let unid = new Map<string, Map<string, string>>();
  if (!flags.has('R') && !flags.has('N')) {
    // '=>' was escaped by the Sanitizer.
    rules = rules.replace(/=&gt;/g, '=>');
    ({ bid, unid } = parseRules(rules, host));
  }
  if (bid.size === 0 && unid.size === 0) {
    if (flags.has('+') || flags.has('-')) {
      if (rules !== '') for (const v of host.variants) bid.set(v, rules);
    } else if (!flags.has('N') && !flags.has('T')) {
      flags = new Set(['R']);
    }
  }

  const converted = (): string | undefined => {
    if (bid.size + unid.size === 0) return rules;
    let disp = bid.get(variant) ?? firstIn(bid, host.fallbacks(variant));
    if (disp === undefined && unid.has(variant)) disp = [...unid.get(variant)!.values()][0];
    if (disp === undefined && host.manualLevel(variant) === 'disable') {
      disp = bid.size > 0 ? [...bid.values()][0] : [...[...unid.values()][0]!.values()][0];
    }
    return disp;
  };

  let display: string | undefined;
  let title: string | undefined;
  let action: ParsedRule['action'] = 'none';
  for (const flag of flags) {
    switch (flag) {
      case 'R':
        display = rules;
        break;
      case 'N':
        display = host.variantName(rules.trim()) ?? '';
        break;
      case 'D':
        display = describe(bid, unid, host);
        break;
      case 'H':
        display = '';
        break;
      case '-':
        action = 'remove';
        display = '';
        break;
      case '+':
        action = 'add';
        display = '';
        break;
      case 'S':
        display = converted();
        break;
      case 'T':
        title = variant === host.main ? (bid.get(variant) ?? rules) : converted();
        display = '';
        break;
    }
  }
  return {
    display: display ?? '<span class="error">Error detected in manual language conversion rule</span>',
    title,
    action,
    convTable: convTable(bid, unid, host),
  };
}

/** The D flag's text: "name:text;" per two-way rule, "from⇒name:to;" per one-way rule. */
function describe(bid: Map<string, string>, unid: Map<string, Map<string, string>>, host: RuleHost): string {
  const cs = host.descCodeSeparator;
  const vs = host.descVarSeparator;
  let text = '';
  for (const [k, v] of bid) text += `${host.variantName(k)}${cs}${v}${vs}`;
  for (const [k, pairs] of unid) for (const [from, to] of pairs) text += `${from}⇒${host.variantName(k)}${cs}${to}${vs}`;
  return text;
}

/** ConverterRule::generateConvTable: the pairs each variant's table gets from this rule. */
function convTable(bidIn: Map<string, string>, unid: Map<string, Map<string, string>>, host: RuleHost): Map<string, Map<string, string>> {
  const table = new Map<string, Map<string, string>>();
  if (bidIn.size === 0 && unid.size === 0) return table;
  const bid = new Map(bidIn);
  const put = (v: string, from: string, to: string) => {
    const t = table.get(v) ?? new Map<string, string>();
    t.set(from, to);
    table.set(v, t);
  };
  const marked: string[] = [];
  for (const v of host.variants) {
    if (!bid.has(v)) {
      const vf = firstIn(bid, host.fallbacks(v));
      if (vf) bid.set(v, vf);
    }
    if (bid.has(v)) {
      for (const vo of marked) {
        if (host.manualLevel(v) === 'bidirectional') put(v, bid.get(vo)!, bid.get(v)!);
        if (host.manualLevel(vo) === 'bidirectional') put(vo, bid.get(v)!, bid.get(vo)!);
      }
      marked.push(v);
    }
    const level = host.manualLevel(v);
    const own = unid.get(v);
    if ((level === 'bidirectional' || level === 'unidirectional') && own) {
      // The one-way pairs win over the two-way ones ($unidtable + $convTable).
      const merged = new Map(own);
      for (const [from, to] of table.get(v) ?? []) if (!merged.has(from)) merged.set(from, to);
      table.set(v, merged);
    }
  }
  return table;
}
