/**
 * French stop words: the entries of PostgreSQL's `french.stop` (Snowball list) that survive
 * folding unchanged. PostgreSQL checks its list after `unaccent`, so accented entries (`été`,
 * `même`) never match there; keeping only the ASCII entries makes both engines drop the same words.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes moi mon ne ' +
    'nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos ' +
    'votre vous c d j l m n s t y suis es est sommes sont serai seras sera serons serez seront serais ' +
    'serait serions seriez seraient fus fut furent sois soit soyons soyez soient fusse fusses ' +
    'fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai ' +
    'auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez ' +
    'avaient eut eurent aie aies ait ayons ayez aient eusse eusses eussions eussiez eussent'
  ).split(' '),
);
