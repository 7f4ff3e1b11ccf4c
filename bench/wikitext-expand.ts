/**
 * Preprocessor benchmark: one page calling templates 4,000 times (MediaWiki needs about 1.2 s
 * for as many calls), expanded with the wikitext engine's preprocessor alone. Prints figures only.
 * Run: npx tsx bench/wikitext-expand.ts
 */
import { preprocess } from '../src/modules/markup/wikitext/preprocess/index.ts';
import { testContext } from '../src/modules/markup/wikitext/preprocess/testing.ts';

const CALLS = 4000;
const ROUNDS = 7;

const pages = {
  'Modèle:Fiche': '{| class="fiche"\n|-\n! {{{titre|Sans titre}}}\n|-\n| {{{contenu}}} {{#if:{{{lien|}}}|[[{{{lien}}}]]}}\n|}',
  'Modèle:Date': '{{#time:j F Y|{{{1}}}}}',
  'Modèle:Nombre': '{{formatnum:{{#expr:{{{1}}} * 3}}}}',
  'Modèle:Cadre': '<div class="cadre">{{{1}}}</div>',
};

const calls: string[] = [];
for (let i = 0; i < CALLS; i++) {
  switch (i % 4) {
    case 0: calls.push(`{{Fiche|titre=Atelier ${i}|contenu=Texte ${i}|lien=Page ${i}}}`); break;
    case 1: calls.push(`{{Date|2024-0${(i % 9) + 1}-1${i % 10}}}`); break;
    case 2: calls.push(`{{Nombre|${i}}}`); break;
    default: calls.push(`{{Cadre|{{Nombre|${i}}}}}`); // nested: 1,000 more calls
  }
}
const page = calls.join('\n');

const times: number[] = [];
let length = 0;
for (let r = 0; r < ROUNDS; r++) {
  const ctx = testContext({ pages });
  const started = performance.now();
  length = preprocess(page, ctx).length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`${CALLS} template calls (+1,000 nested), ${page.length} chars in, ${length} chars out`);
console.log(`first run ${times[times.length - 1]!.toFixed(1)} ms (worst), median ${times[Math.floor(ROUNDS / 2)]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms`);
