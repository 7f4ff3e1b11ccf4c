import { describe, expect, it } from 'vitest';
import { transferTagsOf, withTransferTags } from './transfer.ts';

describe('transfer-action tags', () => {
  it('reads the tags of a page, whatever the spelling of the category link', () => {
    expect(transferTagsOf('Texte\n\n[[Catégorie:Transfert – partager]]\n[[Category:Transfert_–_diffuser|clé]]\n[[Catégorie:Autre]]')).toEqual(['diffuser', 'partager']);
    expect(transferTagsOf('Une phrase qui cite [[Catégorie:Transfert – partager]] au milieu.')).toEqual([]);
  });

  it('sets exactly the tags asked for, leaving the rest of the page alone', () => {
    const source = '---\nname: A\n---\n\nTexte.\n\n[[Catégorie:Chantiers]]\n[[Catégorie:Transfert – partager]]';
    const tagged = withTransferTags(source, ['documenter', 'diffuser']);
    expect(tagged).toBe('---\nname: A\n---\n\nTexte.\n\n[[Catégorie:Chantiers]]\n\n[[Catégorie:Transfert – diffuser]]\n[[Catégorie:Transfert – documenter]]');
    expect(transferTagsOf(tagged)).toEqual(['diffuser', 'documenter']);
    expect(withTransferTags(tagged, [])).toBe('---\nname: A\n---\n\nTexte.\n\n[[Catégorie:Chantiers]]');
  });
});
