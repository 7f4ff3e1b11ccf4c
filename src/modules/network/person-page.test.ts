import { describe, expect, it } from 'vitest';
import { personTitle } from './person-page.ts';

describe('the title of a person’s page', () => {
  it('is the display name in the Personne: namespace', () => {
    expect(personTitle('Awa Diallo')?.full).toBe('Personne:Awa Diallo');
    expect(personTitle('élise côté')?.full).toBe('Personne:Élise côté');
  });
  it('does not exist for a name that makes no title there', () => {
    expect(personTitle('Awa#Diallo')).toBeUndefined();
    expect(personTitle('[[Awa]]')).toBeUndefined();
  });
});
