/** Random wikitext for property tests (fuzz.test.ts and `npm run fuzz:wikitext`). */
import fc from 'fast-check';
import { testEnv } from '../testing.ts';
import { renderWikitextBody } from './index.ts';

const PIECES = [
  "'", "''", "'''", "'''''", '[[', ']]', '[', ']', '{{', '}}', '{{{', '}}}', '|', '||', '!!', '{|', '|}', '|-', '|+',
  '\n', '\n\n', ' ', '*', '#', ':', ';', '=', '==', '----', '<', '>', '</', '/>', '&', '&amp;', '&#x', ';', 'http://',
  'https://e.org/x', 'mailto:a@b', 'ISBN 978-0-306-40615-7', 'RFC 123', 'PMID 42', '__NOTOC__', '__TOC__', 'Fichier:',
  'File:', 'Catégorie:', 'Category:', 'thumb', 'px', 'link=', 'alt=', '<nowiki>', '</nowiki>', '<pre>', '</pre>', '<b>',
  '</b>', '<i>', '<div>', '</div>', '<table>', '<tr>', '<td>', '<span style="color:red">', '<!--', '-->', '<ref>', '</ref>',
  '<references/>', '<gallery>', '</gallery>', 'é', '«', '»', '\u00a0', 'x', 'Accueil', '#REDIRECTION', '\x7f', 'UNIQ',
];

export function wikitextArbitrary(maxLength = 60): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength }).map((parts) => parts.join(''));
}

const ENV = testEnv();

export function renderTimed(source: string): { ms: number; html: string } {
  const start = performance.now();
  const { html } = renderWikitextBody(source, ENV);
  return { ms: performance.now() - start, html };
}
