/**
 * Reader of MediaWiki's parser-test files (after MediaWiki's TestFileReader): `!! article`
 * fixtures, `!! test` blocks with their sections (wikitext, options, config, html/php, html,
 * html/*, html/parsoid…, metadata), and options parsed as ParserTestRunner does
 * (`name`, `name=value`, `name="quoted"`, `name=[[link]]`, `name={json}`, comma lists).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface Article {
  title: string;
  text: string;
}

export type OptionValue = true | string | string[];

export interface ParserTest {
  file: string;
  name: string;
  line: number;
  sections: Record<string, string>;
  options: Record<string, OptionValue>;
  config: Record<string, string>;
}

export interface TestFile {
  file: string;
  articles: Article[];
  tests: ParserTest[];
  fileOptions: Record<string, OptionValue>;
}

const SECTION = /^!!\s*([\w/+:-]+)\s*$/;

/** Removes one trailing newline, as TestFileReader does for each section. */
function chomp(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

export function readTestFile(path: string): TestFile {
  const lines = readFileSync(path, 'utf8').split('\n');
  const file = basename(path);
  const out: TestFile = { file, articles: [], tests: [], fileOptions: {} };
  let sections: Record<string, string> | undefined;
  let current: string | undefined;
  let start = 0;
  let buf: string[] = [];
  const flush = () => {
    if (sections && current !== undefined) sections[current] = chomp(buf.join('\n') + '\n');
    buf = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = SECTION.exec(line);
    if (!m) {
      if (current !== undefined) buf.push(line);
      continue;
    }
    const name = m[1]!.toLowerCase();
    flush();
    if (name === 'end' || name === 'endarticle' || name === 'endhooks' || name === 'endfunctionhooks') {
      if (sections) finish(out, sections, file, start);
      sections = undefined;
      current = undefined;
      continue;
    }
    if (!sections) {
      sections = {};
      start = i + 1;
    }
    current = name;
  }
  return out;
}

function finish(out: TestFile, s: Record<string, string>, file: string, line: number): void {
  if ('article' in s) {
    out.articles.push({ title: s.article!.trim(), text: s.text ?? '' });
  } else if ('test' in s) {
    out.tests.push({
      file,
      name: s.test!.trim(),
      line,
      sections: s,
      options: parseOptions(s.options ?? ''),
      config: parseConfig(s.config ?? ''),
    });
  } else if ('options' in s && !('test' in s)) {
    out.fileOptions = parseOptions(s.options ?? '');
  }
}

function parseConfig(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/** Reads one option value at `i`: quoted, [[link]], {json} (balanced braces) or bare. */
function readValue(text: string, i: number): [string, number] {
  if (text[i] === '"') {
    const end = text.indexOf('"', i + 1);
    return end < 0 ? [text.slice(i + 1), text.length] : [text.slice(i + 1, end), end + 1];
  }
  if (text.startsWith('[[', i)) {
    const end = text.indexOf(']]', i);
    return end < 0 ? [text.slice(i + 2), text.length] : [text.slice(i + 2, end), end + 2];
  }
  if (text[i] === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return [text.slice(i, j + 1), j + 1];
    }
    return [text.slice(i), text.length];
  }
  const m = /^[^\s,]*/.exec(text.slice(i))!;
  return [m[0], i + m[0].length];
}

export function parseOptions(text: string): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  let i = 0;
  while (i < text.length) {
    const m = /^[\s]*([\w-]+)/.exec(text.slice(i));
    if (!m) {
      i++;
      continue;
    }
    const key = m[1]!.toLowerCase();
    i += m[0].length;
    const eq = /^\s*=\s*/.exec(text.slice(i));
    if (!eq) {
      out[key] = true;
      continue;
    }
    i += eq[0].length;
    const values: string[] = [];
    for (;;) {
      const [v, next] = readValue(text, i);
      values.push(v);
      i = next;
      const comma = /^\s*,\s*/.exec(text.slice(i));
      if (!comma) break;
      i += comma[0].length;
    }
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
