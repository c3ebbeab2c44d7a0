import { API_ROLES, type ApiRole } from '@cloudwright/contracts';
import { roleAllows, rolesAdmitted } from './roles';

describe(roleAllows.name, () => {
  // caller → routes it may use, by the role the route needs
  const table: Record<ApiRole, ApiRole[]> = {
    viewer: ['viewer'],
    operator: ['viewer', 'operator'],
    approver: ['viewer', 'approver'],
    admin: ['viewer', 'operator', 'approver', 'admin'],
  };

  for (const caller of API_ROLES) {
    for (const required of API_ROLES) {
      const allowed = table[caller].includes(required);
      it(`${allowed ? 'lets' : 'does not let'} ${caller} use a route needing ${required}`, () => {
        expect(roleAllows(caller, required)).toBe(allowed);
      });
    }
  }

  it('lists the admitted roles consistently with roleAllows', () => {
    for (const required of API_ROLES) {
      expect(rolesAdmitted(required)).toEqual(API_ROLES.filter((caller) => roleAllows(caller, required)));
    }
  });
});
