/**
 * The Cite extension's messages (i18n/en.json and i18n/fr.json of mediawiki-extensions-Cite,
 * 2024–2025 versions, with the cite-bracket spans): French for the content language `fr`, English
 * (MediaWiki's fallback for a language without translations here) for any other. Values are wikitext.
 */

export type CiteMessageKey = keyof typeof EN;

const EN = {
  cite_error: 'Cite error: $1',
  cite_error_ref_numeric_key: 'Invalid <code>&lt;ref&gt;</code> tag; name cannot be a simple integer. Use a descriptive title',
  cite_error_ref_no_key: 'The opening <code>&lt;ref&gt;</code> tag is malformed or has a bad name',
  cite_error_ref_too_many_keys: 'Invalid parameter in <code>&lt;ref&gt;</code> tag',
  cite_error_ref_follow_conflicts: 'A <code>&lt;ref follow="…"&gt;</code> tag that is the continuation of a previous one cannot be named individually or have details.',
  cite_error_ref_invalid_dir: 'Invalid <code>dir="$1"</code>, must be <code>ltr</code> or <code>rtl</code>',
  cite_error_ref_no_input: 'Invalid <code>&lt;ref&gt;</code> tag; refs with no name must have content',
  cite_error_references_duplicate_key: 'Invalid <code>&lt;ref&gt;</code> tag; name "$1" defined multiple times with different content',
  cite_error_references_invalid_parameters: 'Invalid parameter in <code>&lt;references&gt;</code> tag',
  cite_error_references_no_text: 'Invalid <code>&lt;ref&gt;</code> tag; no text was provided for refs named <code>$1</code>',
  cite_error_included_ref: 'Closing <code>&lt;/ref&gt;</code> missing for <code>&lt;ref&gt;</code> tag',
  cite_error_included_references: 'Closing tag missing for <code>&lt;references&gt;</code>',
  cite_error_group_refs_without_references: '<code>&lt;ref&gt;</code> tags exist for a group named "$1", but no corresponding <code>&lt;references group="$1"/&gt;</code> tag was found',
  cite_error_references_group_mismatch: '<code>&lt;ref&gt;</code> tag in <code>&lt;references&gt;</code> has conflicting group attribute "$1".',
  cite_error_references_missing_key: '<code>&lt;ref&gt;</code> tag with name "$1" defined in <code>&lt;references&gt;</code> is not used in prior text.',
  cite_error_references_no_key: '<code>&lt;ref&gt;</code> tag defined in <code>&lt;references&gt;</code> has no name attribute.',
  cite_error_empty_references_define: '<code>&lt;ref&gt;</code> tag with name "$1" defined in <code>&lt;references&gt;</code> group "$2" has no content.',
  // '&#32;' in the JSON files: a plain space once the message is read.
  cite_references_link_many_sep: ' ',
  cite_references_link_many_and: ' ',
};

const FR: Record<CiteMessageKey, string> = {
  cite_error: 'Erreur de référence : $1',
  cite_error_ref_numeric_key: 'Balise <code>&lt;ref&gt;</code> incorrecte : la valeur de l’attribut <code>name</code> ne peut être un simple entier. Utilisez un titre descriptif.',
  cite_error_ref_no_key: 'La balise ouvrante <code>&lt;ref&gt;</code> est mal formée ou a un mauvais nom.',
  cite_error_ref_too_many_keys: 'Paramètre invalide dans la balise <code>&lt;ref&gt;</code>',
  cite_error_ref_follow_conflicts: 'Une balise &lt;<code>&lt;ref follow="…"&gt;</code>="..."&gt; qui est la continuation d\'une précédente ne peut être ni nommée individuellement ni étendue',
  cite_error_ref_invalid_dir: '<code>dir="$1"</code> non valide, doit être <code>ltr</code> ou <code>rtl</code>',
  cite_error_ref_no_input: 'Balise <code>&lt;ref&gt;</code> incorrecte : les références sans nom doivent avoir un contenu.',
  cite_error_references_duplicate_key: 'Balise <code>&lt;ref&gt;</code> incorrecte : le nom « $1 » est défini plusieurs fois avec des contenus différents.',
  cite_error_references_invalid_parameters: 'Paramètre incorrect dans la balise <code>&lt;references&gt;</code>',
  cite_error_references_no_text: 'Balise <code>&lt;ref&gt;</code> incorrecte : aucun texte n’a été fourni pour les références nommées <code>$1</code>',
  cite_error_included_ref: 'Balise fermante <code>&lt;/ref&gt;</code> manquante pour la balise <code>&lt;ref&gt;</code>',
  cite_error_included_references: 'Balise fermante manquante pour <code>&lt;reference&gt;</code>',
  cite_error_group_refs_without_references: 'Des balises <code>&lt;ref&gt;</code> existent pour un groupe nommé « $1 », mais aucune balise <code>&lt;references group="$1"/&gt;</code> correspondante n’a été trouvée',
  cite_error_references_group_mismatch: 'La balise <code>&lt;ref&gt;</code> dans <code>&lt;references&gt;</code> a un attribut de groupe « $1 » en conflit.',
  cite_error_references_missing_key: 'La balise <code>&lt;ref&gt;</code> nommée « $1 » définie dans <code>&lt;references&gt;</code> n’est pas utilisée dans le texte précédent.',
  cite_error_references_no_key: 'La balise <code>&lt;ref&gt;</code> définie dans <code>&lt;references&gt;</code> n’a pas d’attribut de nom.',
  cite_error_empty_references_define: 'La balise <code>&lt;ref&gt;</code> avec le nom « $1 » définie dans le groupe <code>&lt;references&gt;</code> « $2 » n’a aucun contenu.',
  cite_references_link_many_sep: ' ',
  cite_references_link_many_and: ' et ',
};

/** The message in the content language (French or English), $1, $2… replaced by the parameters. */
export function citeMessage(language: string, key: CiteMessageKey, ...params: string[]): string {
  const text = (/^fr(?:-|$)/.test(language) ? FR : EN)[key];
  return text.replace(/\$(\d)/g, (m, n: string) => params[Number(n) - 1] ?? m);
}
