import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type Role } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { ACTIONS, assignableRoles, authorize, can, type Action } from './policy.ts';

const as = (role: Role): Actor => ({ kind: 'user', sessionId: 's', user: { id: 1, email: 'x@y.ca', name: 'X', role, locale: null, createdAt: 0 } });

// The expected table, written out so a change to the policy has to change this test too.
const TABLE: Record<Action, Array<'anonymous' | Role>> = {
  'site.read': ['anonymous', 'reader', 'contributor', 'agent', 'coordination', 'admin'],
  'account.manage': ['reader', 'contributor', 'agent', 'coordination', 'admin'],
  'pages.edit': ['contributor', 'agent', 'coordination', 'admin'],
  'pages.move': ['contributor', 'agent', 'coordination', 'admin'],
  'pages.delete': ['coordination', 'admin'],
  'pages.protect': ['coordination', 'admin'],
  'files.upload': ['contributor', 'agent', 'coordination', 'admin'],
  'network.contribute': ['agent', 'coordination', 'admin'],
  'network.follow': ['reader', 'contributor', 'agent', 'coordination', 'admin'],
  'network.coordinate': ['coordination', 'admin'],
  'network.people.view': ['agent', 'coordination', 'admin'],
  'users.list': ['coordination', 'admin'],
  'users.invite': ['coordination', 'admin'],
  'users.setRole': ['admin'],
  'settings.edit': ['admin'],
  'api.highlimits': ['coordination', 'admin'],
  'transfer.import': ['admin'],
  'polls.manage': ['coordination', 'admin'],
};

describe('policy', () => {
  it('covers every action in the table', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS) {
    it(`decides ${action}`, () => {
      const allowed = ['anonymous', 'reader', 'contributor', 'agent', 'coordination', 'admin'].filter((who) =>
        can(who === 'anonymous' ? ANONYMOUS : as(who as Role), action),
      );
      expect(allowed).toEqual(TABLE[action]);
    });
  }
  it('asks anonymous visitors to log in and refuses signed-in users', () => {
    expect(() => authorize(ANONYMOUS, 'users.list')).toThrow(expect.objectContaining({ code: 'login_required' }) as AppError);
    expect(() => authorize(as('agent'), 'users.list')).toThrow(expect.objectContaining({ code: 'forbidden' }) as AppError);
  });
  it('lets admins hand out any role and coordination up to agent', () => {
    expect(assignableRoles(as('admin'))).toEqual(['reader', 'contributor', 'agent', 'coordination', 'admin']);
    expect(assignableRoles(as('coordination'))).toEqual(['reader', 'contributor', 'agent']);
    expect(assignableRoles(as('agent'))).toEqual([]);
  });
});
