/** Where the network's things live. Titles are in key form (underscores), without their namespace. */
const seg = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/%3A/g, ':');

export const orgUrl = (title: string) => `/wiki/Organisation:${seg(title)}`;
export const chantierUrl = (title: string) => `/wiki/Chantier:${seg(title)}`;
export const personUrl = (slug: string) => `/reseau/personnes/${encodeURIComponent(slug)}`;
/** A public person's wiki page (`Personne:`), by its title in key form. */
export const personPageUrl = (title: string) => `/wiki/Personne:${seg(title)}`;
export const rencontreUrl = (title: string) => `/wiki/Rencontre:${seg(title)}`;
export const projectUrl = (title: string) => `/wiki/Projet:${seg(title)}`;
export const learningUrl = (title: string) => `/wiki/Apprentissage:${seg(title)}`;
/** A page named by an entity field (« Culture Laval » in a project's organisations), in its namespace. */
export const namedUrl = (namespace: string, name: string) => `/wiki/${namespace}:${seg(name.replace(/ /g, '_'))}`;
