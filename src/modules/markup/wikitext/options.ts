/** Defaults of the engine's settings (MediaWiki's, except the French content language). */
import type { WikitextOptions, WikitextSite } from './types.ts';

export const DEFAULT_OPTIONS: WikitextOptions = {
  fragmentMode: ['html5'],
  magicLinks: { ISBN: true, PMID: true, RFC: true },
  allowExternalImages: false,
  thumbSize: 180,
  maxTocLevel: 999,
  subpages: false,
  linkHolderBatchSize: 1000,
  allowDisplayTitle: true,
  restrictDisplayTitle: true,
  externalLinkTarget: '',
  noFollowLinks: true,
  strictCss: true,
};

export const DEFAULT_SITE: WikitextSite = {
  server: '',
  articlePath: '/wiki/$1',
  script: '/index.php',
  siteName: 'Maillage',
  language: 'fr',
};
