import { describe, expect, it } from 'vitest';
import { fieldsSearchText } from './search-text.ts';

describe('words of an entity page’s fields, for search', () => {
  it('turns an organisation’s codes into labels in both languages and its region into its name', () => {
    const text = fieldsSearchText(100, '---\nname: Culture Laval\nkind: regional_council\nregion: 13\nsectors: ["Arts visuels", "Musique"]\nwebsite: https://x.example\n---\n\nTexte.');
    expect(text.split('\n')).toEqual(['Culture Laval', 'Conseil régional de la culture', 'Regional culture council', 'Laval', 'Arts visuels', 'Musique']);
  });
  it('keeps a chantier’s free-text fields and its deliverables’ titles, not their status codes', () => {
    const text = fieldsSearchText(102, '---\nname: Almanach\nkind: mutualisation\ndeliverables: [{"title": "Fiche type", "status": "done"}]\nneeds: ["Un expert"]\n---');
    expect(text).toContain('Mutualisation');
    expect(text).toContain('Fiche type');
    expect(text).toContain('Un expert');
    expect(text).not.toContain('done');
  });
  it('ignores pages outside the network’s namespaces, pages without fields and unknown codes', () => {
    expect(fieldsSearchText(0, '---\nname: X\n---')).toBe('');
    expect(fieldsSearchText(100, 'Pas de fiche.')).toBe('');
    expect(fieldsSearchText(100, '---\nkind: nope\nregion: 99\n---')).toBe('');
  });
});
