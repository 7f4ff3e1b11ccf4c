import { describe, expect, it } from 'vitest';
import { render, splitSections } from '../index.ts';
import { testEnv } from '../testing.ts';

const html = (source: string): string => render(source, 'markdown', testEnv()).html;

describe('front matter', () => {
  it('renders a leading block of key: value lines as nothing', () => {
    expect(html('---\nname: Culture Laval\nsectors: ["Arts", "Musique"]\n---\n\nTexte **libre**.')).toBe('<p>Texte <strong>libre</strong>.</p>\n');
  });

  it('keeps the Markdown meaning of --- elsewhere: rules, setext headings, prose between rules', () => {
    expect(html('Intro\n\n---\nname: x\n---')).not.toBe('<p>Intro</p>\n');
    expect(html('---\nUne phrase, pas une donnée.\n---')).toContain('Une phrase, pas une donnée.');
    expect(html('---\n---')).toContain('<hr');
  });

  it('is not a section and holds no heading', () => {
    const sections = splitSections('---\nname: x\n---\n\n## Titre\n\nTexte');
    expect(sections.map((s) => s.title)).toEqual(['', 'Titre']);
  });
});
