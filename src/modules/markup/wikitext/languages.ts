/**
 * Content languages other than English and French, as MediaWiki's MessagesXx.php files give
 * them, limited to what the engine uses: namespace names (the English canonical names stay
 * aliases), the link trail and link prefix, number formatting (separators and digits), and
 * the few interface messages a rendered page shows. See docs/wikitext.md, "Languages and variants".
 */

export interface LanguageData {
  /** $namespaceNames by number (spaces, not underscores); '$1' in 5 is the meta namespace. */
  namespaces?: Readonly<Record<number, string>>;
  /** $namespaceAliases: other names, by number. */
  aliases?: Readonly<Record<number, readonly string[]>>;
  /** $linkTrail: letters after `]]` that join the link text. */
  linkTrail?: RegExp;
  /** $linkPrefixExtension with $linkPrefixCharset (one character): letters before `[[` that join the link text. */
  linkPrefix?: RegExp;
  /** $separatorTransformTable: the thousands and decimal separators of formatnum. */
  separators?: { group: string; decimal: string };
  /** $digitTransformTable: digits 0-9 of formatnum. */
  digits?: string;
  /** $digitGroupingPattern '#,##,##0.###': groups of two digits above the thousands. */
  indianGrouping?: boolean;
  /** Messages shown in rendered pages ('$1' = the title); English when absent. */
  messages?: Partial<Record<'redLink' | 'editSection' | 'editSectionHint', string>>;
  /** Image options in the language ($magicWords img_*): words and `key=` forms by their English form, and the width suffix. */
  imageOptions?: { words?: Readonly<Record<string, string>>; pxSuffix?: string };
  /** Other magic words ($magicWords), by id: the language's synonyms (the English ones stay valid). */
  magicWords?: Readonly<Record<string, readonly string[]>>;
  /** MediaWiki's BCP 47 code when it differs from the code ('sr-ec' → 'sr-Cyrl'). */
  bcp47?: string;
  /** The language whose data fills what this one leaves out ($fallback). */
  fallback?: string;
}

const SERBIAN_CYRILLIC: LanguageData = {
  namespaces: {
    [-2]: 'Медиј', [-1]: 'Посебно', 1: 'Разговор', 2: 'Корисник', 3: 'Разговор са корисником', 5: 'Разговор о $1',
    6: 'Датотека', 7: 'Разговор о датотеци', 8: 'Медијавики', 9: 'Разговор о Медијавикију', 10: 'Шаблон',
    11: 'Разговор о шаблону', 12: 'Помоћ', 13: 'Разговор о помоћи', 14: 'Категорија', 15: 'Разговор о категорији',
  },
  aliases: {
    [-2]: ['Medij'], [-1]: ['Posebno'], 1: ['Razgovor'], 2: ['Korisnik'], 3: ['Razgovor sa korisnikom'], 6: ['Datoteka', 'Слика', 'Slika'],
    7: ['Razgovor o datoteci'], 10: ['Šablon'], 11: ['Razgovor o šablonu'], 12: ['Pomoć'], 13: ['Razgovor o pomoći'],
    14: ['Kategorija'], 15: ['Razgovor o kategoriji'],
  },
  linkTrail: /^([abvgdđežzijklljmnnjoprstćufhcčdžšабвгдђежзијклљмнњопрстћуфхцчџш]+)(.*)$/su,
  separators: { group: '.', decimal: ',' },
  messages: { redLink: '$1 (страница не постоји)', editSection: 'уреди', editSectionHint: 'Уредите одељак „$1”' },
  bcp47: 'sr-Cyrl',
};

// Chinese keeps the English canonical names; its own names are aliases.
const CHINESE: LanguageData = {
  aliases: {
    [-2]: ['媒体', '媒体文件', '媒體', '媒體文件'], [-1]: ['特殊'], 1: ['讨论', '討論', '对话', '對話'], 2: ['用户', '用戶', '使用者'],
    3: ['用户讨论', '用戶討論', '使用者討論', '用户对话', '用戶對話'], 6: ['文件', '檔案', '档案', '图像', '圖像', '图片', '圖片'],
    7: ['文件讨论', '檔案討論', '图像讨论', '圖像討論'], 10: ['模板', '样板', '樣板'], 11: ['模板讨论', '模板討論'],
    12: ['帮助', '幫助'], 13: ['帮助讨论', '幫助討論'], 14: ['分类', '分類'], 15: ['分类讨论', '分類討論'],
  },
  linkTrail: /^()(.*)$/su,
  messages: { redLink: '$1（页面不存在）', editSection: '编辑', editSectionHint: '编辑章节：$1' },
};

const GERMAN: LanguageData = {
  namespaces: {
    [-2]: 'Medium', [-1]: 'Spezial', 1: 'Diskussion', 2: 'Benutzer', 3: 'Benutzer Diskussion', 5: '$1 Diskussion',
    6: 'Datei', 7: 'Datei Diskussion', 8: 'MediaWiki', 9: 'MediaWiki Diskussion', 10: 'Vorlage', 11: 'Vorlage Diskussion',
    12: 'Hilfe', 13: 'Hilfe Diskussion', 14: 'Kategorie', 15: 'Kategorie Diskussion',
  },
  aliases: { 6: ['Bild'], 7: ['Bild Diskussion'], 2: ['Benutzerin'], 3: ['Benutzerin Diskussion'] },
  linkTrail: /^([äöüßa-z]+)(.*)$/su,
  separators: { group: '.', decimal: ',' },
  imageOptions: { words: { 'sprache=': 'lang=' } },
  messages: { redLink: '$1 (Seite nicht vorhanden)', editSection: 'Bearbeiten', editSectionHint: 'Abschnitt bearbeiten: $1' },
};

const ICELANDIC: LanguageData = {
  namespaces: {
    [-2]: 'Miðill', [-1]: 'Kerfissíða', 1: 'Spjall', 2: 'Notandi', 3: 'Notandaspjall', 5: '$1spjall', 6: 'Mynd',
    7: 'Myndaspjall', 8: 'Melding', 9: 'Meldingarspjall', 10: 'Snið', 11: 'Sniðaspjall', 12: 'Hjálp', 13: 'Hjálparspjall',
    14: 'Flokkur', 15: 'Flokkaspjall',
  },
  linkTrail: /^([áðéíóúýþæöa-z-–]+)(.*)$/su,
  linkPrefix: /[áÁðÐéÉíÍóÓúÚýÝþÞæÆöÖA-Za-z–-]/u,
  separators: { group: '.', decimal: ',' },
};

const ARABIC: LanguageData = {
  namespaces: {
    [-2]: 'ميديا', [-1]: 'خاص', 1: 'نقاش', 2: 'مستخدم', 3: 'نقاش المستخدم', 5: 'نقاش $1', 6: 'ملف', 7: 'نقاش الملف',
    8: 'ميدياويكي', 9: 'نقاش ميدياويكي', 10: 'قالب', 11: 'نقاش القالب', 12: 'مساعدة', 13: 'نقاش المساعدة', 14: 'تصنيف',
    15: 'نقاش التصنيف',
  },
  linkTrail: /^([a-zء-ي]+)(.*)$/su,
  linkPrefix: /[a-zA-Z\u0080-\uffff]/u,
  separators: { group: '٬', decimal: '٫' },
  digits: '٠١٢٣٤٥٦٧٨٩',
  messages: { redLink: '$1 (الصفحة غير موجودة)', editSection: 'عدل', editSectionHint: 'عدل القسم: $1' },
};

const PERSIAN: LanguageData = {
  namespaces: {
    [-2]: 'مدیا', [-1]: 'ویژه', 1: 'بحث', 2: 'کاربر', 3: 'بحث کاربر', 5: 'بحث $1', 6: 'پرونده', 7: 'بحث پرونده',
    8: 'مدیاویکی', 9: 'بحث مدیاویکی', 10: 'الگو', 11: 'بحث الگو', 12: 'راهنما', 13: 'بحث راهنما', 14: 'رده', 15: 'بحث رده',
  },
  linkTrail: /^([ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأئؤة‌]+)(.*)$/su,
  separators: { group: '٬', decimal: '٫' },
  digits: '۰۱۲۳۴۵۶۷۸۹',
};

const SPANISH: LanguageData = {
  namespaces: {
    [-2]: 'Medio', [-1]: 'Especial', 1: 'Discusión', 2: 'Usuario', 3: 'Usuario discusión', 5: '$1 discusión', 6: 'Archivo',
    7: 'Archivo discusión', 8: 'MediaWiki', 9: 'MediaWiki discusión', 10: 'Plantilla', 11: 'Plantilla discusión', 12: 'Ayuda',
    13: 'Ayuda discusión', 14: 'Categoría', 15: 'Categoría discusión',
  },
  aliases: { 2: ['Usuaria'], 3: ['Usuaria discusión'], 6: ['Imagen'], 7: ['Imagen discusión'] },
  linkTrail: /^([a-záéíóúñ]+)(.*)$/su,
  separators: { group: ' ', decimal: ',' },
  imageOptions: {
    words: {
      izquierda: 'left', izda: 'left', izq: 'left', derecha: 'right', dcha: 'right', der: 'right', centro: 'center',
      centrado: 'center', ninguno: 'none', miniatura: 'thumb', mini: 'thumb', miniaturadeimagen: 'thumb', marco: 'frame',
      borde: 'border', 'enlace=': 'link=', 'vínculo=': 'link=', 'vinculo=': 'link=',
    },
  },
};

const ESPERANTO: LanguageData = {
  namespaces: {
    [-2]: 'Aŭdvidaĵo', [-1]: 'Specialaĵo', 1: 'Diskuto', 2: 'Uzanto', 3: 'Uzanto-Diskuto', 5: '$1-Diskuto', 6: 'Dosiero',
    7: 'Dosiero-Diskuto', 8: 'MediaWiki', 9: 'MediaWiki-Diskuto', 10: 'Ŝablono', 11: 'Ŝablono-Diskuto', 12: 'Helpo',
    13: 'Helpo-Diskuto', 14: 'Kategorio', 15: 'Kategorio-Diskuto',
  },
  linkTrail: /^([a-zĉĝĥĵŝŭ]+)(.*)$/su,
  separators: { group: ' ', decimal: ',' },
  imageOptions: {
    words: { maldekstre: 'left', maldekstra: 'left', dekstre: 'right', dekstra: 'right' },
    pxSuffix: 'ra',
  },
};

const RUSSIAN: LanguageData = {
  namespaces: {
    [-2]: 'Медиа', [-1]: 'Служебная', 1: 'Обсуждение', 2: 'Участник', 3: 'Обсуждение участника', 5: 'Обсуждение $1',
    6: 'Файл', 7: 'Обсуждение файла', 8: 'MediaWiki', 9: 'Обсуждение MediaWiki', 10: 'Шаблон', 11: 'Обсуждение шаблона',
    12: 'Справка', 13: 'Обсуждение справки', 14: 'Категория', 15: 'Обсуждение категории',
  },
  aliases: { 2: ['Участница'], 3: ['Обсуждение участницы'], 6: ['Изображение'], 7: ['Обсуждение изображения'] },
  linkTrail: /^([a-zабвгдеёжзийклмнопрстуфхцчшщъыьэюя]+)(.*)$/su,
  separators: { group: '\u00a0', decimal: ',' },
};

const TURKISH: LanguageData = {
  namespaces: {
    [-2]: 'Ortam', [-1]: 'Özel', 1: 'Tartışma', 2: 'Kullanıcı', 3: 'Kullanıcı mesaj', 5: '$1 tartışma', 6: 'Dosya',
    7: 'Dosya tartışma', 8: 'MediaWiki', 9: 'MediaWiki tartışma', 10: 'Şablon', 11: 'Şablon tartışma', 12: 'Yardım',
    13: 'Yardım tartışma', 14: 'Kategori', 15: 'Kategori tartışma',
  },
  linkTrail: /^([a-zÇĞçğİıÖöŞşÜüÂâÎîÛû]+)(.*)$/su,
  separators: { group: '.', decimal: ',' },
  messages: { redLink: '$1 (sayfa mevcut değil)' },
};

const CATALAN: LanguageData = {
  namespaces: {
    [-2]: 'Multimèdia', [-1]: 'Especial', 1: 'Discussió', 2: 'Usuari', 3: 'Usuari Discussió', 5: '$1 Discussió', 6: 'Fitxer',
    7: 'Fitxer Discussió', 8: 'MediaWiki', 9: 'MediaWiki Discussió', 10: 'Plantilla', 11: 'Plantilla Discussió', 12: 'Ajuda',
    13: 'Ajuda Discussió', 14: 'Categoria', 15: 'Categoria Discussió',
  },
  linkTrail: /^((?:[a-zàèéíòóúç·ïü]|'(?!'))+)(.*)$/su,
  separators: { group: '.', decimal: ',' },
  messages: { redLink: '$1 (encara no existeix)' },
};

const KARAKALPAK: LanguageData = {
  linkTrail: /^((?:[a-zıʼ’“»]|'(?!'))+)(.*)$/su,
  messages: { redLink: '$1 (bet ele jaratılmaǵan)' },
};

const LINGALA: LanguageData = {
  linkTrail: /^([a-zàâçéèêîôûäëïöüùÇÉÂÊÎÔÛÄËÏÖÜÀÈÙ]+)(.*)$/su,
  messages: { redLink: '$1 (lonkásá  ezalí tɛ̂)' },
};

const CZECH: LanguageData = {
  magicWords: { lc: ['MALÁ'], uc: ['VELKÁ'], lcfirst: ['PRVNÍMALÉ'], ucfirst: ['PRVNÍVELKÉ'] },
};

const BELARUSIAN_TARASKIEVICA: LanguageData = { separators: { group: '\u00a0', decimal: ',' } };

const BENGALI: LanguageData = { digits: '০১২৩৪৫৬৭৮৯', indianGrouping: true };

const LANGUAGES: Readonly<Record<string, LanguageData>> = {
  'be-tarask': BELARUSIAN_TARASKIEVICA,
  bn: BENGALI,
  cs: CZECH,
  sr: SERBIAN_CYRILLIC,
  'sr-ec': SERBIAN_CYRILLIC,
  zh: CHINESE,
  de: GERMAN,
  is: ICELANDIC,
  ar: ARABIC,
  fa: PERSIAN,
  es: SPANISH,
  eo: ESPERANTO,
  ru: RUSSIAN,
  tr: TURKISH,
  ca: CATALAN,
  kaa: KARAKALPAK,
  ln: LINGALA,
};

/** The data of a content language, or undefined for English, French and languages not described here. */
export function languageData(code: string): LanguageData | undefined {
  return LANGUAGES[code];
}
