import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectLinks, render } from './index.ts';
import { displaySize, isBlockFile, parseFileOptions } from './media.ts';
import { testEnv, unsafeParts } from './testing.ts';
import type { RenderFile } from './types.ts';

describe('parseFileOptions', () => {
  it.each([
    [['vignette', 'droite', 'Légende'], { frame: 'thumb', align: 'right', caption: 'Légende' }],
    [['thumb', 'right', 'Caption'], { frame: 'thumb', align: 'right', caption: 'Caption' }],
    [['miniature', 'gauche'], { frame: 'thumb', align: 'left', caption: '' }],
    [['cadre', 'centré'], { frame: 'frame', align: 'center', caption: '' }],
    [['frame', 'center'], { frame: 'frame', align: 'center', caption: '' }],
    [['sans cadre', 'néant'], { frame: 'frameless', align: 'none', caption: '' }],
    [['sans_cadre'], { frame: 'frameless', caption: '' }],
    [['frameless', 'none'], { frame: 'frameless', align: 'none', caption: '' }],
    [['320px'], { width: 320, caption: '' }],
    [['x200px'], { height: 200, caption: '' }],
    [['320x200px'], { width: 320, height: 200, caption: '' }],
    [['320 px', 'alt=Texte = égal'], { width: 320, alt: 'Texte = égal', caption: '' }],
    [['upright'], { upright: 0.75, caption: '' }],
    [['upright=1.5'], { upright: 1.5, caption: '' }],
    [['redresse=0,5'], { upright: 0.5, caption: '' }],
    [['lien=Accueil'], { link: 'Accueil', caption: '' }],
    [['link=https://exemple.ca'], { link: 'https://exemple.ca', caption: '' }],
    [['lien='], { link: '', caption: '' }],
    [['bordure', 'milieu'], { border: true, valign: 'middle', caption: '' }],
  ])('reads %j', (parts, expected) => {
    expect(parseFileOptions(parts)).toEqual(expected);
  });

  it('keeps the first value of an option and the last unrecognised part as the caption', () => {
    expect(parseFileOptions(['gauche', 'droite', '100px', '200px', 'Un', 'Deux'])).toEqual({ align: 'left', width: 100, caption: 'Deux' });
    expect(parseFileOptions(['upright=abc'])).toEqual({ caption: 'upright=abc' });
    expect(parseFileOptions(['99999999px']).width).toBe(10_000);
  });

  it('makes thumbnails, frames and aligned media blocks; the rest inline', () => {
    expect(isBlockFile(parseFileOptions(['vignette']))).toBe(true);
    expect(isBlockFile(parseFileOptions(['cadre']))).toBe(true);
    expect(isBlockFile(parseFileOptions(['droite']))).toBe(true);
    expect(isBlockFile(parseFileOptions(['sans_cadre', '100px']))).toBe(false);
  });
});

describe('displaySize', () => {
  const photo = { width: 800, height: 600, mime: 'image/png' };
  const icon = { width: 100, height: 50, mime: 'image/png' };
  const vector = { width: 100, height: 50, mime: 'image/svg+xml' };
  it.each([
    [[], photo, [800, 600]],
    [['vignette'], photo, [220, 165]],
    [['vignette', 'upright'], photo, [170, 128]],
    [['vignette', 'upright=2'], photo, [440, 330]],
    [['vignette'], icon, [100, 50]],
    [['vignette'], vector, [220, 110]],
    [['cadre', '50px'], photo, [800, 600]],
    [['320px'], photo, [320, 240]],
    [['x150px'], photo, [200, 150]],
    [['400x150px'], photo, [200, 150]],
    [['vignette', '1000px'], photo, [800, 600]],
    [['200px'], icon, [200, 100]],
  ] as const)('%j of %j', (parts, file, [w, h]) => {
    expect(displaySize(parseFileOptions(parts), file)).toEqual({ width: w, height: h });
  });
});

describe('embedded files in Markdown', () => {
  const photo: RenderFile = { url: '/f/1/Photo.png', thumbUrl: (w) => (w >= 800 ? '/f/1/Photo.png' : `/t/${w <= 220 ? 220 : 640}/Photo.png`), width: 800, height: 600, mime: 'image/png' };
  const env = testEnv({ files: new Map([['Fichier:Photo.png', photo]]) });

  it('renders a thumbnail as a figure out of the paragraph, with caption links recorded', () => {
    const r = render('Avant [[Fichier:Photo.png|vignette|Vue du [[Accueil|site]]]] après', 'markdown', env);
    expect(r.html).toBe('<p>Avant</p>\n<figure class="mw-file mw-file-thumb mw-halign-right mw-default-size"><a href="/wiki/Fichier:Photo.png" class="mw-file-description">'
      + '<img src="/t/220/Photo.png" srcset="/t/640/Photo.png 1.5x" alt="Vue du site" width="220" height="165" loading="lazy" decoding="async" class="mw-file-element"></a>'
      + '<figcaption>Vue du <a href="/wiki/Accueil" title="Accueil">site</a></figcaption></figure>\n<p>après</p>\n');
    expect(r.links).toEqual(['Fichier:Photo.png', 'Accueil']);
  });

  it('renders a plain embed inline, a missing file as a red link to the upload form, and [[:Fichier:…]] as a link', () => {
    const r = render('[[Fichier:Photo.png|alt=Photo]] [[Image:Absente.png|Texte]] [[:Fichier:Photo.png]]', 'markdown', env);
    expect(r.html).toContain('<span class="mw-file mw-default-size"><a href="/wiki/Fichier:Photo.png" class="mw-file-description"><img src="/f/1/Photo.png" alt="Photo" width="800" height="600"');
    expect(r.html).toContain('<span class="mw-file mw-default-size mw-file-missing"><a href="/wiki/Sp%C3%A9cial:T%C3%A9l%C3%A9verser?wpDestFile=Absente.png" class="new" title="Fichier:Absente.png (page inexistante)">Texte</a></span>');
    expect(r.html).toContain('<a href="/wiki/Fichier:Photo.png?action=edit&amp;redlink=1" class="new"');
    expect(collectLinks('[[Fichier:Photo.png|lien=Aide:Modifier]]', 'markdown')).toEqual(['Fichier:Photo.png', 'Aide:Modifier']);
  });

  it('links the image where lien= says, never to a script', () => {
    expect(render('[[Fichier:Photo.png|lien=]]', 'markdown', env).html).not.toContain('<a ');
    const ext = render('[[Fichier:Photo.png|link=https://exemple.ca/x]]', 'markdown', env);
    expect(ext.html).toContain('<a href="https://exemple.ca/x" class="external" rel="nofollow noopener">');
    expect(ext.externalLinks).toEqual(['https://exemple.ca/x']);
    const js = render('[[Fichier:Photo.png|lien=javascript:alert(1)]] [[Fichier:Photo.png|alt="><script>x</script>]]', 'markdown', env);
    expect(unsafeParts(js.html)).toEqual([]);
    expect(js.html).not.toContain('href="javascript');
  });

  it('leaves unclosed or invalid embeds as text', () => {
    expect(render('[[Fichier:Photo.png|vignette', 'markdown', env).html).toBe('<p>[[Fichier:Photo.png|vignette</p>\n');
    expect(render('[[Fichier:a{b}.png]]', 'markdown', env).html).toBe('<p>[[Fichier:a{b}.png]]</p>\n');
  });

  it('stays safe and agrees with collectLinks on any mix of embed syntax', () => {
    const piece = fc.constantFrom('[[', ']]', '|', 'Fichier:', 'Photo.png', ':Fichier:', 'vignette', 'droite', '320px', 'alt=', 'lien=', 'javascript:', 'Accueil', '"', '<b>', ' ', '\n', '\n\n', '- ', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const src = parts.join('');
        const r = render(src, 'markdown', env);
        expect(unsafeParts(r.html)).toEqual([]);
        expect(r.links).toEqual(collectLinks(src, 'markdown').filter((k) => !k.startsWith('Spécial:')));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves many unclosed embeds as text (each gives up at once when no ]] follows)', () => {
    const src = '[[Fichier:Photo.png|vignette|'.repeat(20_000);
    expect(render(src, 'markdown', env).html).toBe(`<p>${src}</p>\n`);
  });
});
