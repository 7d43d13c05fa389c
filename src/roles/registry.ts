// Roles by name. A game's definition names the role each seat plays; configs may override it.
import type { Role } from './role.js';

const roles = new Map<string, Role>();

export function registerRole(role: Role): void {
  roles.set(role.name, role as Role);
}

export function findRole(name: string): Role | undefined {
  return roles.get(name);
}

export function roleNames(): string[] {
  return [...roles.keys()].sort();
}
