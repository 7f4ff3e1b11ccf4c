import { describe, expect, it } from 'vitest';
import { expand } from '../preprocess/testing.ts';
import { evaluate, ExprError, phpRound } from './expr.ts';

const en = (text: string): string => expand(text, { language: 'en' });

describe('#expr', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['2 ^ 3 ^ 2', '64'],
    ['-2 ^ 2', '4'],
    ['10 / 4', '2.5'],
    ['1 / 3', '0.33333333333333'],
    ['7 mod 3', '1'],
    ['-7 mod 3', '-1'],
    ['7.9 mod 3.9', '1'],
    ['5.5 fmod 2', '1.5'],
    ['2.5 round 0', '3'],
    ['-2.5 round 0', '-3'],
    ['1234.5678 round 2', '1234.57'],
    ['1234.5678 round -2', '1200'],
    ['1e3', '1000'],
    ['1.5e-3', '0.0015'],
    ['2 e 2', '200'],
    ['e', '2.718281828459'],
    ['pi', '3.1415926535898'],
    ['trunc -1.7', '-1'],
    ['floor -1.2', '-2'],
    ['ceil 1.2', '2'],
    ['abs -4', '4'],
    ['sqrt 16', '4'],
    ['ln e', '1'],
    ['exp 0', '1'],
    ['sin 0 + cos 0', '1'],
    ['atan 1 * 4', '3.1415926535898'],
    ['not 0', '1'],
    ['1 and 0', '0'],
    ['1 or 0', '1'],
    ['3 > 2 and 2 >= 2 and 1 < 2 and 1 <= 1 and 1 = 1 and 1 != 2 and 1 <> 2', '1'],
    ['3 &lt; 2', '0'],
    ['+-+3', '-3'],
    ['1.2.3 + 1', '2.2'],
    ['1e20', '1.0E+20'],
    ['100000000000000', '1.0E+14'],
    ['10000000000000', '10000000000000'],
    ['0.00001', '1.0E-5'],
    ['', ''],
    ['2 − 1', '1'],
  ])('%s = %s', (input, output) => {
    expect(evaluate(input)).toBe(output);
  });

  it.each([
    ['1 +', 'missing_operand', '+'],
    ['(1', 'unclosed_bracket', ''],
    ['1)', 'unexpected_closing_bracket', ''],
    ['1 2', 'unexpected_number', ''],
    ['foo', 'unrecognised_word', 'foo'],
    ['1 & 2', 'unrecognised_punctuation', '&'],
    ['1 / 0', 'division_by_zero', '/'],
    ['1 mod 0', 'division_by_zero', 'mod'],
    ['asin 2', 'invalid_argument', 'asin'],
    ['ln 0', 'invalid_argument_ln', 'ln'],
    ['sqrt -1', 'not_a_number', 'sqrt'],
    ['* 2', 'unexpected_operator', '*'],
    ['1 not 2', 'unexpected_operator', 'not'],
    ['pi pi', 'unexpected_number', ''],
  ])('%s fails with %s', (input, key, param) => {
    try {
      evaluate(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect((e as ExprError).key).toBe(key);
      expect((e as ExprError).param).toBe(param);
    }
  });

  it('exhausts its stack on deep nesting', () => {
    expect(() => evaluate('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(ExprError);
  });

  it('shows errors as MediaWiki does, in the content language', () => {
    expect(en('{{#expr: 1 & 2}}')).toBe('<strong class="error">Expression error: Unrecognized punctuation character &quot;&amp;&quot;.</strong>');
    expect(en('{{#expr: 1/0}}')).toBe('<strong class="error">Division by zero.</strong>');
    expect(expand('{{#expr: 1 +}}')).toBe('<strong class="error">Erreur d’expression : opérande manquant pour +.</strong>');
  });

  it('chooses a branch with #ifexpr', () => {
    expect(en('{{#ifexpr: 2 > 1 | yes | no }}')).toBe('yes');
    expect(en('{{#ifexpr: 2 < 1 | yes | no }}')).toBe('no');
    expect(en('{{#ifexpr: | yes | no }}')).toBe('no');
    expect(en('{{#ifexpr: 0.0 | yes }}')).toBe('');
    expect(en('{{#ifexpr: 1 + | yes | no }}')).toContain('Missing operand for +');
  });

  it('rounds like PHP', () => {
    expect(phpRound(1.955, 2)).toBe(1.96);
    expect(phpRound(-0.5, 0)).toBe(-1);
    expect(phpRound(5.045, 2)).toBe(5.05);
  });
});
