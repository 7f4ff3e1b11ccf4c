/** The network's namespaces (see markup/namespaces.ts) and vocabularies. */
export const NS_ORGANISATION = 100;
export const NS_CHANTIER = 102;
export const NS_PERSON = 104;
export const NS_PROJECT = 106;
export const NS_RENCONTRE = 108;
export const NS_LEARNING = 110;

/** Canonical (French) names of the network's namespaces, to build titles. */
export const NAMESPACE_NAMES: Readonly<Record<number, string>> = { 100: 'Organisation', 102: 'Chantier', 106: 'Projet', 108: 'Rencontre', 110: 'Apprentissage' };

export const ORGANISATION_KINDS = ['regional_council', 'national_grouping', 'sectoral_association', 'institution', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const CHANTIER_KINDS = ['collaboration', 'mutualisation', 'expertise'] as const;
export type ChantierKind = (typeof CHANTIER_KINDS)[number];

export const DELIVERABLE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const PERSON_ROLES = ['agent', 'manager', 'coordination', 'partner'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Mandate scope of an agent (the 2021 survey's categories). */
export const MANDATE_SCOPES = ['organisational', 'sectoral', 'territorial', 'double'] as const;
export type MandateScope = (typeof MANDATE_SCOPES)[number];

/** The four axes of an agent's mandate. */
export const MANDATE_AXES = ['concertation', 'formation', 'veille', 'projets'] as const;
export type MandateAxis = (typeof MANDATE_AXES)[number];

/** The five reflection axes of the 2021 national meeting. */
export const REFLECTION_AXES = ['literacy', 'members', 'business', 'change', 'networking'] as const;
export type ReflectionAxis = (typeof REFLECTION_AXES)[number];

export const LEARNING_KINDS = ['success', 'challenge'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];
