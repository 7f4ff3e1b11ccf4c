import { describe, expect, it } from 'vitest';
import { preprocess } from '../preprocess/index.ts';
import { expand, testContext } from '../preprocess/testing.ts';

const pages = { 'Modèle:Erreur': '<span class="error">non</span>', 'Existe': 'oui', 'Absente': null };

describe('ParserFunctions conditionals', () => {
  it('#if tests for non-blank text, trimming branches', () => {
    expect(expand('{{#if: x | oui | non }}')).toBe('oui');
    expect(expand('{{#if:   | oui | non }}')).toBe('non');
    expect(expand('{{#if: <!-- c --> | oui | non }}')).toBe('non');
    expect(expand('{{#if: x | a=b }}')).toBe('a=b');
    expect(expand('{{#if: | oui }}')).toBe('');
    expect(expand('{{#si: x | oui | non }}')).toBe('oui');
    expect(expand('{{#si: x | oui | non }}', { language: 'en' })).toBe('{{#si: x | oui | non }}');
  });

  it('#ifeq compares numbers numerically and text exactly', () => {
    expect(expand('{{#ifeq: 01 | 1 | égal | différent }}')).toBe('égal');
    expect(expand('{{#ifeq: 1e1 | 10.0 | égal | différent }}')).toBe('égal');
    expect(expand('{{#ifeq: a | A | égal | différent }}')).toBe('différent');
    expect(expand('{{#ifeq: &amp; | & | égal | différent }}')).toBe('égal');
    expect(expand('{{#ifeq: 0x10 | 16 | égal | différent }}')).toBe('différent');
  });

  it('#iferror recognises error markup', () => {
    expect(expand('{{#iferror: {{#expr: 1/0}} | erreur | correct }}')).toBe('erreur');
    expect(expand('{{#iferror: {{Erreur}} | erreur }}', { pages })).toBe('erreur');
    expect(expand('{{#iferror: 42 | erreur | correct }}')).toBe('correct');
    expect(expand('{{#iferror: 42 | erreur }}')).toBe('42');
    expect(expand('{{#iferror: <span class="xerror">x</span> | erreur }}')).toBe('<span class="xerror">x</span>');
  });

  it('#switch with fall-through, numbers and defaults', () => {
    const sw = (v: string): string => expand(`{{#switch: ${v} | a = A | b | c = BC | 1 = un | #default = défaut }}`);
    expect(sw('a')).toBe('A');
    expect(sw('b')).toBe('BC');
    expect(sw('c')).toBe('BC');
    expect(sw('1.0')).toBe('un');
    expect(sw('z')).toBe('défaut');
    expect(expand('{{#switch: z | a = A | dernier }}')).toBe('dernier');
    expect(expand('{{#switch: z | a = A }}')).toBe('');
    expect(expand('{{#switch: z | #défaut = D | a = A }}')).toBe('D');
    expect(expand('{{#switch: z | #default | a = A }}')).toBe('A');
    expect(expand('{{#switch: a | a | b = AB }}')).toBe('AB');
  });

  it('#ifexist looks pages up, reports unknown ones and counts as expensive', () => {
    const ctx = testContext({ pages });
    const out = preprocess('{{#ifexist: Existe | o | n }} {{#ifexist: Absente | o | n }} {{#ifexist: Accueil | o | n }} {{#ifexist: Inconnue | o | n }} {{#ifexist: a<b | o | n }}', ctx);
    expect(out).toBe('o n o n n');
    expect([...ctx.output.unresolved]).toEqual(['Inconnue']);
  });

  it('#ifexist stops checking past the expensive function limit', () => {
    const ctx = testContext({ pages, env: { options: { expensiveFunctionLimit: 1 } as never } });
    expect(preprocess('{{#ifexist: Existe | o | n }} {{#ifexist: Existe | o | n }} {{#ifexist: Accueil | o | n }}', ctx)).toBe('o o n');
    expect(ctx.output.limitWarnings).toEqual(['expensive functions']);
  });

  it('#titleparts splits titles on slashes', () => {
    expect(expand('{{#titleparts: Aide:A/b/c/d | 2 }}')).toBe('Aide:A/b');
    expect(expand('{{#titleparts: Aide:A/b/c/d | 2 | 2 }}')).toBe('b/c');
    expect(expand('{{#titleparts: Aide:A/b/c/d | -1 }}')).toBe('Aide:A/b/c');
    expect(expand('{{#titleparts: Aide:A/b/c/d | | -2 }}')).toBe('c/d');
    expect(expand('{{#titleparts: [[x]] | 1 }}')).toBe('[[x]]');
  });

  it('#rel2abs resolves relative paths', () => {
    expect(expand('{{#rel2abs: ./b | A/c }}')).toBe('A/c/b');
    expect(expand('{{#rel2abs: ../b | A/c/d }}')).toBe('A/c/b');
    expect(expand('{{#rel2abs: /b }}')).toBe('Bac à sable/b');
    expect(expand('{{#rel2abs: b | A }}')).toBe('b');
    expect(expand('{{#rel2abs: ../../.. | A/b }}', { language: 'en' })).toBe('<strong class="error">Error: Invalid depth in path: &quot;A/b/../../..&quot; (tried to access a node above the root node).</strong>');
  });
});
