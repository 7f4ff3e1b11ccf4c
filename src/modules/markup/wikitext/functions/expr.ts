/**
 * #expr's expression evaluator, after ParserFunctions' ExprParser: shunting-yard over numbers,
 * words (mod, round, not, sin, pi, e…) and punctuation, PHP float semantics and messages.
 */

export class ExprError extends Error {
  constructor(
    readonly key: string,
    readonly param = '',
  ) {
    super(key);
  }
}

/** A PHP value: a float, or an int where PHP would produce one (mod, trunc). */
interface Num {
  v: number;
  int: boolean;
}

const Op = {
  Negative: 3,
  Positive: 4,
  Plus: 5,
  Minus: 6,
  Times: 7,
  Divide: 8,
  Mod: 9,
  Open: 10,
  Close: 11,
  And: 12,
  Or: 13,
  Not: 14,
  Equality: 15,
  Less: 16,
  Greater: 17,
  LessEq: 18,
  GreaterEq: 19,
  NotEq: 20,
  Round: 21,
  Exponent: 22,
  Sine: 23,
  Cosine: 24,
  Tangens: 25,
  ArcSine: 26,
  ArcCos: 27,
  ArcTan: 28,
  Exp: 29,
  Ln: 30,
  Abs: 31,
  Floor: 32,
  Trunc: 33,
  Ceil: 34,
  Pow: 35,
  Pi: 36,
  Fmod: 37,
  Sqrt: 38,
} as const;
type Op = (typeof Op)[keyof typeof Op];

const PRECEDENCE: Record<number, number> = {
  [Op.Negative]: 10, [Op.Positive]: 10, [Op.Exponent]: 10,
  [Op.Sine]: 9, [Op.Cosine]: 9, [Op.Tangens]: 9, [Op.ArcSine]: 9, [Op.ArcCos]: 9, [Op.ArcTan]: 9, [Op.Exp]: 9,
  [Op.Ln]: 9, [Op.Abs]: 9, [Op.Floor]: 9, [Op.Trunc]: 9, [Op.Ceil]: 9, [Op.Not]: 9, [Op.Sqrt]: 9,
  [Op.Pow]: 8,
  [Op.Times]: 7, [Op.Divide]: 7, [Op.Mod]: 7, [Op.Fmod]: 7,
  [Op.Plus]: 6, [Op.Minus]: 6,
  [Op.Round]: 5,
  [Op.Equality]: 4, [Op.Less]: 4, [Op.Greater]: 4, [Op.LessEq]: 4, [Op.GreaterEq]: 4, [Op.NotEq]: 4,
  [Op.And]: 3, [Op.Or]: 2, [Op.Pi]: 0, [Op.Open]: -1, [Op.Close]: -1,
};

const NAMES: Record<number, string> = {
  [Op.Negative]: '-', [Op.Positive]: '+', [Op.Not]: 'not', [Op.Times]: '*', [Op.Divide]: '/', [Op.Mod]: 'mod',
  [Op.Fmod]: 'fmod', [Op.Plus]: '+', [Op.Minus]: '-', [Op.Round]: 'round', [Op.Equality]: '=', [Op.Less]: '<',
  [Op.Greater]: '>', [Op.LessEq]: '<=', [Op.GreaterEq]: '>=', [Op.NotEq]: '<>', [Op.And]: 'and', [Op.Or]: 'or',
  [Op.Exponent]: 'e', [Op.Sine]: 'sin', [Op.Cosine]: 'cos', [Op.Tangens]: 'tan', [Op.ArcSine]: 'asin',
  [Op.ArcCos]: 'acos', [Op.ArcTan]: 'atan', [Op.Ln]: 'ln', [Op.Exp]: 'exp', [Op.Abs]: 'abs', [Op.Floor]: 'floor',
  [Op.Trunc]: 'trunc', [Op.Ceil]: 'ceil', [Op.Pow]: '^', [Op.Pi]: 'pi', [Op.Sqrt]: 'sqrt',
};

const WORDS: Record<string, Op> = {
  mod: Op.Mod, fmod: Op.Fmod, and: Op.And, or: Op.Or, not: Op.Not, round: Op.Round, div: Op.Divide, e: Op.Exponent,
  sin: Op.Sine, cos: Op.Cosine, tan: Op.Tangens, asin: Op.ArcSine, acos: Op.ArcCos, atan: Op.ArcTan, exp: Op.Exp,
  ln: Op.Ln, abs: Op.Abs, trunc: Op.Trunc, floor: Op.Floor, ceil: Op.Ceil, pi: Op.Pi, sqrt: Op.Sqrt,
};

const UNARY_WORDS = new Set<Op>([Op.Not, Op.Sine, Op.Cosine, Op.Tangens, Op.ArcSine, Op.ArcCos, Op.ArcTan, Op.Exp, Op.Ln, Op.Abs, Op.Floor, Op.Trunc, Op.Ceil, Op.Sqrt]);

const MAX_STACK = 100;
const WHITE = ' \t\r\n';
const NUMBER = '0123456789.';

const f = (v: number): Num => ({ v, int: false });
const truthy = (n: Num): boolean => n.v !== 0;

/** PHP's (int) cast of a float. */
function toInt(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.trunc(v);
}

/** PHP's round() (half away from zero, with pre-rounding). */
export function phpRound(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** Math.abs(places);
  let x = places >= 0 ? value * factor : value / factor;
  x = Number(x.toPrecision(15));
  const r = Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
  const out = places >= 0 ? r / factor : r * factor;
  return Number.isFinite(out) ? out : value;
}

function doOperation(op: Op, stack: Num[]): void {
  const need = (n: number): void => {
    if (stack.length < n) throw new ExprError('missing_operand', NAMES[op]);
  };
  const unary = UNARY_WORDS.has(op) || op === Op.Negative || op === Op.Positive;
  if (unary) {
    need(1);
    const a = stack.pop()!;
    let r: Num;
    switch (op) {
      case Op.Negative: r = { v: -a.v, int: a.int }; break;
      case Op.Positive: r = a; break;
      case Op.Not: r = { v: truthy(a) ? 0 : 1, int: true }; break;
      case Op.Sine: r = f(Math.sin(a.v)); break;
      case Op.Cosine: r = f(Math.cos(a.v)); break;
      case Op.Tangens: r = f(Math.tan(a.v)); break;
      case Op.ArcSine:
        if (a.v < -1 || a.v > 1) throw new ExprError('invalid_argument', NAMES[op]);
        r = f(Math.asin(a.v));
        break;
      case Op.ArcCos:
        if (a.v < -1 || a.v > 1) throw new ExprError('invalid_argument', NAMES[op]);
        r = f(Math.acos(a.v));
        break;
      case Op.ArcTan: r = f(Math.atan(a.v)); break;
      case Op.Exp: r = f(Math.exp(a.v)); break;
      case Op.Ln:
        if (a.v <= 0) throw new ExprError('invalid_argument_ln', NAMES[op]);
        r = f(Math.log(a.v));
        break;
      case Op.Abs: r = { v: Math.abs(a.v), int: a.int }; break;
      case Op.Floor: r = f(Math.floor(a.v)); break;
      case Op.Trunc: r = { v: toInt(a.v), int: true }; break;
      case Op.Ceil: r = f(Math.ceil(a.v)); break;
      case Op.Sqrt: {
        const v = Math.sqrt(a.v);
        if (Number.isNaN(v)) throw new ExprError('not_a_number', 'sqrt');
        r = f(v);
        break;
      }
      default: throw new ExprError('unknown_error', String(op));
    }
    stack.push(r);
    return;
  }
  need(2);
  const right = stack.pop()!;
  const left = stack.pop()!;
  const bothInt = left.int && right.int;
  const b = (x: boolean): Num => ({ v: x ? 1 : 0, int: true });
  let r: Num;
  switch (op) {
    case Op.Times: r = { v: left.v * right.v, int: bothInt && Number.isSafeInteger(left.v * right.v) }; break;
    case Op.Divide:
      if (right.v === 0) throw new ExprError('division_by_zero', NAMES[op]);
      r = { v: left.v / right.v, int: bothInt && Number.isInteger(left.v / right.v) };
      break;
    case Op.Mod: {
      const l = toInt(left.v);
      const rr = toInt(right.v);
      if (rr === 0) throw new ExprError('division_by_zero', NAMES[op]);
      r = { v: l % rr, int: true };
      if (Object.is(r.v, -0)) r.v = 0;
      break;
    }
    case Op.Fmod:
      if (right.v === 0) throw new ExprError('division_by_zero', NAMES[op]);
      r = f(left.v % right.v);
      break;
    case Op.Plus: r = { v: left.v + right.v, int: bothInt && Number.isSafeInteger(left.v + right.v) }; break;
    case Op.Minus: r = { v: left.v - right.v, int: bothInt && Number.isSafeInteger(left.v - right.v) }; break;
    case Op.And: r = b(truthy(left) && truthy(right)); break;
    case Op.Or: r = b(truthy(left) || truthy(right)); break;
    case Op.Equality: r = b(left.v === right.v); break;
    case Op.Less: r = b(left.v < right.v); break;
    case Op.Greater: r = b(left.v > right.v); break;
    case Op.LessEq: r = b(left.v <= right.v); break;
    case Op.GreaterEq: r = b(left.v >= right.v); break;
    case Op.NotEq: r = b(left.v !== right.v); break;
    case Op.Round: r = f(phpRound(left.v, toInt(right.v))); break;
    case Op.Exponent: r = f(left.v * 10 ** right.v); break;
    case Op.Pow: {
      const v = left.v ** right.v;
      r = { v, int: bothInt && right.v >= 0 && Number.isSafeInteger(v) };
      break;
    }
    default: throw new ExprError('unknown_error', String(op));
  }
  stack.push(r);
}

/** PHP's string conversion of a number (precision 14 for floats). */
export function phpNumberString(n: Num): string {
  const v = n.v;
  if (n.int && Number.isSafeInteger(v)) return String(v === 0 ? 0 : v);
  if (Number.isInteger(v) && Math.abs(v) < 1e14 && !Object.is(v, -0)) return String(v);
  if (Number.isNaN(v)) return 'NAN';
  if (!Number.isFinite(v)) return v > 0 ? 'INF' : '-INF';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, exp] = v.toExponential(13).split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 14) {
    let m = mant.replace(/0+$/, '').replace(/\.$/, '');
    if (!m.includes('.')) m += '.0';
    return `${m}E${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  const fixed = v.toFixed(Math.max(0, 13 - e));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** Evaluates an expression; throws ExprError. Returns '' for an empty expression. */
export function evaluate(input: string): string {
  const expr = input.replace(/&lt;|&gt;|&minus;|−/g, (m) => (m === '&lt;' ? '<' : m === '&gt;' ? '>' : '-'));
  const operands: Num[] = [];
  const operators: Op[] = [];
  let p = 0;
  const end = expr.length;
  let expecting: 'expression' | 'operator' = 'expression';
  while (p < end) {
    if (operands.length > MAX_STACK || operators.length > MAX_STACK) throw new ExprError('stack_exhausted');
    const ch = expr[p]!;
    const ch2 = expr.slice(p, p + 2);
    let op: Op;
    let name: string;
    if (WHITE.includes(ch)) {
      while (p < end && WHITE.includes(expr[p]!)) p++;
      continue;
    } else if (NUMBER.includes(ch)) {
      if (expecting !== 'expression') throw new ExprError('unexpected_number');
      let q = p;
      while (q < end && NUMBER.includes(expr[q]!)) q++;
      operands.push(f(parseFloatPhp(expr.slice(p, q))));
      p = q;
      expecting = 'operator';
      continue;
    } else if (/[A-Za-z]/.test(ch)) {
      const word = /^[A-Za-z]*/.exec(expr.slice(p))![0].toLowerCase();
      p += word.length;
      const w = WORDS[word];
      if (w === undefined) throw new ExprError('unrecognised_word', word);
      if (w === Op.Exponent) {
        if (expecting === 'expression') {
          operands.push(f(Math.E));
          expecting = 'operator';
          continue;
        }
      } else if (w === Op.Pi) {
        if (expecting !== 'expression') throw new ExprError('unexpected_number');
        operands.push(f(Math.PI));
        expecting = 'operator';
        continue;
      } else if (UNARY_WORDS.has(w)) {
        if (expecting !== 'expression') throw new ExprError('unexpected_operator', word);
        operators.push(w);
        continue;
      }
      name = word;
      op = w;
    } else if (ch2 === '<=') {
      name = ch2;
      op = Op.LessEq;
      p += 2;
    } else if (ch2 === '>=') {
      name = ch2;
      op = Op.GreaterEq;
      p += 2;
    } else if (ch2 === '<>' || ch2 === '!=') {
      name = ch2;
      op = Op.NotEq;
      p += 2;
    } else if (ch === '+' || ch === '-') {
      p++;
      if (expecting === 'expression') {
        operators.push(ch === '+' ? Op.Positive : Op.Negative);
        continue;
      }
      name = ch;
      op = ch === '+' ? Op.Plus : Op.Minus;
    } else if (ch === '*' || ch === '/' || ch === '^' || ch === '=' || ch === '<' || ch === '>') {
      name = ch;
      op = { '*': Op.Times, '/': Op.Divide, '^': Op.Pow, '=': Op.Equality, '<': Op.Less, '>': Op.Greater }[ch];
      p++;
    } else if (ch === '(') {
      if (expecting === 'operator') throw new ExprError('unexpected_operator', '(');
      operators.push(Op.Open);
      p++;
      continue;
    } else if (ch === ')') {
      let last = operators[operators.length - 1];
      while (last !== undefined && last !== Op.Open) {
        doOperation(last, operands);
        operators.pop();
        last = operators[operators.length - 1];
      }
      if (last === undefined) throw new ExprError('unexpected_closing_bracket');
      operators.pop();
      expecting = 'operator';
      p++;
      continue;
    } else {
      throw new ExprError('unrecognised_punctuation', String.fromCodePoint(expr.codePointAt(p)!));
    }

    if (expecting === 'expression') throw new ExprError('unexpected_operator', name);
    let last = operators[operators.length - 1];
    while (last !== undefined && PRECEDENCE[op]! <= PRECEDENCE[last]!) {
      doOperation(last, operands);
      operators.pop();
      last = operators[operators.length - 1];
    }
    operators.push(op);
    expecting = 'expression';
  }
  for (let op = operators.pop(); op !== undefined; op = operators.pop()) {
    if (op === Op.Open) throw new ExprError('unclosed_bracket');
    doOperation(op, operands);
  }
  return operands.map(phpNumberString).join('<br />\n');
}

/** PHP's (float) cast of a run of digits and dots ('1.2.3' → 1.2). */
function parseFloatPhp(s: string): number {
  const m = /^\d*(?:\.\d*)?/.exec(s)![0];
  const v = parseFloat(m === '.' || m === '' ? '0' : m.startsWith('.') ? '0' + m : m);
  return Number.isNaN(v) ? 0 : v;
}

/** Whether an evaluated result counts as true for #ifexpr. */
export function resultIsTrue(result: string): boolean {
  if (result === '') return false;
  const n = Number(result);
  if (!Number.isNaN(n) && /^-?(?:\d|\.\d)/.test(result)) return n !== 0;
  return result !== '0';
}

const MESSAGES: Record<string, Record<string, string>> = {
  en: {
    stack_exhausted: 'Expression error: Stack exhausted.',
    unexpected_number: 'Expression error: Unexpected number.',
    preg_match_failure: 'Expression error: Unexpected preg_match failure.',
    unrecognised_word: 'Expression error: Unrecognized word "$1".',
    unexpected_operator: 'Expression error: Unexpected $1 operator.',
    missing_operand: 'Expression error: Missing operand for $1.',
    unexpected_closing_bracket: 'Expression error: Unexpected closing bracket.',
    unrecognised_punctuation: 'Expression error: Unrecognized punctuation character "$1".',
    unclosed_bracket: 'Expression error: Unclosed bracket.',
    division_by_zero: 'Division by zero.',
    invalid_argument: 'Invalid argument for $1: < -1 or > 1.',
    invalid_argument_ln: 'Invalid argument for ln: <= 0.',
    unknown_error: 'Expression error: Unknown error ($1).',
    not_a_number: 'In $1: result is not a number.',
  },
  fr: {
    stack_exhausted: 'Erreur d’expression : pile épuisée.',
    unexpected_number: 'Erreur d’expression : nombre inattendu.',
    preg_match_failure: 'Erreur d’expression : échec inattendu de preg_match.',
    unrecognised_word: 'Erreur d’expression : mot « $1 » non reconnu.',
    unexpected_operator: 'Erreur d’expression : opérateur $1 inattendu.',
    missing_operand: 'Erreur d’expression : opérande manquant pour $1.',
    unexpected_closing_bracket: 'Erreur d’expression : parenthèse fermante inattendue.',
    unrecognised_punctuation: 'Erreur d’expression : caractère de ponctuation « $1 » non reconnu.',
    unclosed_bracket: 'Erreur d’expression : parenthèse non fermée.',
    division_by_zero: 'Division par zéro.',
    invalid_argument: 'Argument incorrect pour $1 : < -1 ou > 1.',
    invalid_argument_ln: 'Argument incorrect pour ln : <= 0.',
    unknown_error: 'Erreur d’expression : erreur inconnue ($1).',
    not_a_number: 'Dans $1 : le résultat n’est pas un nombre.',
  },
};

/** The error as MediaWiki shows it: `<strong class="error">…</strong>` (message HTML-escaped). */
export function exprErrorHtml(e: ExprError, language: string): string {
  const table = MESSAGES[language] ?? MESSAGES['en']!;
  const msg = (table[e.key] ?? MESSAGES['en']![e.key] ?? e.key).replace('$1', e.param);
  const escaped = msg.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
  return `<strong class="error">${escaped}</strong>`;
}
