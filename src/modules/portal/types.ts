/** The network's public profile shown on the home page (stored as a setting, loaded by the demo). */
export interface NetworkProfile {
  name: string;
  summary: string;
  axes: Array<{ name: string; description: string }>;
  chantiers: Array<{ name: string; kind: 'collaboration' | 'mutualisation' | 'expertise'; description: string }>;
  organisations: Array<{ name: string; regionCode: string; regionName: string }>;
  survey: { year: number; rows: Array<{ scope: string; share: number }> };
}

export const PROFILE_KEY = 'portal.network_profile';

export function parseProfile(json: string | undefined): NetworkProfile | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as NetworkProfile;
    return Array.isArray(value.axes) && Array.isArray(value.chantiers) ? value : undefined;
  } catch {
    return undefined;
  }
}
