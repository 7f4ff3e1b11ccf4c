import { describe, expect, it } from 'vitest';
import { raw, renderDocument } from './jsx-runtime.ts';

describe('JSX runtime', () => {
  it('escapes text and attribute values', () => {
    const evil = '"><script>alert(1)</script>';
    expect(String(<p title={evil}>{evil}</p>)).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
  it('passes raw HTML only when asked', () => {
    expect(String(<div>{raw('<b>ok</b>')}</div>)).toBe('<div><b>ok</b></div>');
  });
  it('renders booleans, void elements, arrays and fragments', () => {
    expect(String(<input required disabled={false} value={undefined} />)).toBe('<input required>');
    expect(String(<ul>{[1, 2].map((n) => <li>{n}</li>)}</ul>)).toBe('<ul><li>1</li><li>2</li></ul>');
    expect(String(<>{'a'}{null}{false}{'b'}</>)).toBe('ab');
  });
  it('refuses attribute names that could break out of the tag', () => {
    const props = { 'onload="x"': 'y' } as Record<string, string>;
    expect(() => <img {...props} />).toThrow(/invalid attribute name/);
  });
  it('adds the doctype to documents', () => {
    expect(renderDocument(<html lang="fr-CA"></html>)).toBe('<!doctype html>\n<html lang="fr-CA"></html>');
  });
});
