import { describe, expect, it } from 'vitest';
import { JsonData } from './json-data.tsx';

describe('JsonData', () => {
  it('writes JSON that cannot close its element and reads back the same', () => {
    const data = { a: '</script><script>alert(1)</script>', b: 'l’été & « ça »', c: '\u2028' };
    const html = JsonData({ id: 'x', data }).html;
    expect(html.startsWith('<script type="application/json" id="x">')).toBe(true);
    expect(html.slice(0, -'</script>'.length)).not.toMatch(/<\/|<!--/);
    const body = html.slice(html.indexOf('>') + 1, -'</script>'.length);
    expect(JSON.parse(body)).toEqual(data);
  });
});
