/**
 * Chinese (MediaWiki's ZhConverter): variants, fallbacks and manual levels. MediaWiki converts
 * with its ZhConversion dictionaries (tens of thousands of pairs); the engine ships none, so only
 * the page's own `-{ }-` rules convert text.
 */
import type { VariantLanguage } from './types.ts';

export const CHINESE: VariantLanguage = {
  main: 'zh',
  variants: ['zh', 'zh-hans', 'zh-hant', 'zh-cn', 'zh-hk', 'zh-mo', 'zh-my', 'zh-sg', 'zh-tw'],
  fallbacks: {
    zh: ['zh-hans', 'zh-hant', 'zh-cn', 'zh-tw', 'zh-hk', 'zh-sg', 'zh-mo', 'zh-my'],
    'zh-hans': ['zh-cn', 'zh-sg', 'zh-my'],
    'zh-hant': ['zh-tw', 'zh-hk', 'zh-mo'],
    'zh-cn': ['zh-hans', 'zh-sg', 'zh-my'],
    'zh-sg': ['zh-my', 'zh-hans', 'zh-cn'],
    'zh-my': ['zh-sg', 'zh-hans', 'zh-cn'],
    'zh-tw': ['zh-hant', 'zh-hk', 'zh-mo'],
    'zh-hk': ['zh-mo', 'zh-hant', 'zh-tw'],
    'zh-mo': ['zh-hk', 'zh-hant', 'zh-tw'],
  },
  manualLevel: { zh: 'disable', 'zh-hans': 'unidirectional', 'zh-hant': 'unidirectional' },
  bcp47: {
    'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-cn': 'zh-Hans-CN', 'zh-hk': 'zh-Hant-HK', 'zh-mo': 'zh-Hant-MO',
    'zh-my': 'zh-Hans-MY', 'zh-sg': 'zh-Hans-SG', 'zh-tw': 'zh-Hant-TW',
  },
  names: {
    zh: '原文', 'zh-hans': '简体', 'zh-hant': '繁體', 'zh-cn': '大陆', 'zh-tw': '臺灣', 'zh-hk': '香港', 'zh-mo': '澳門',
    'zh-sg': '新加坡', 'zh-my': '大马',
  },
  descCodeSeparator: '：',
  descVarSeparator: '；',
};
