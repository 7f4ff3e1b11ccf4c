/**
 * The few interface messages the preprocessor prints, in the content language (MediaWiki's
 * en.json and fr.json wording).
 */
type Messages = Record<string, (arg: string) => string>;

const EN: Messages = {
  'template-loop': (t) => `Template loop detected: [[${t}]]`,
  'template-depth': (n) => `Template recursion depth limit exceeded (${n})`,
  'expand-depth': () => 'Expansion depth limit exceeded',
  'node-count': () => 'Node-count limit exceeded',
  'unknown-tag': (t) => `Unknown extension tag "${t}"`,
  'no-function': (f) => `Script error: No such module "${f}".`,
};

const FR: Messages = {
  'template-loop': (t) => `Boucle de modèle détectée : [[${t}]]`,
  'template-depth': (n) => `Limite de profondeur des appels de modèles dépassée (${n})`,
  'expand-depth': () => 'Profondeur d’expansion dépassée',
  'node-count': () => 'Limite du nombre de nœuds dépassée',
  'unknown-tag': (t) => `Balise d’extension « ${t} » inconnue`,
  'no-function': (f) => `Erreur de script : aucun module « ${f} ».`,
};

export function message(language: string, key: keyof typeof EN, arg = ''): string {
  const table = language === 'fr' ? FR : EN;
  return (table[key] ?? EN[key]!)(arg);
}
