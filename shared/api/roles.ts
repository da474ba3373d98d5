/** The roles a Loket user can hold. Names in code are English; labels are what users see. */
export const ROLES = ['front_desk', 'kadis', 'kabid', 'technical', 'security', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  front_desk: 'Front desk (Sekretariat/TU)',
  kadis: 'Kepala Dinas',
  kabid: 'Kepala Bidang',
  technical: 'Kasi / Petugas teknis',
  security: 'Petugas keamanan (Persandian)',
  admin: 'Administrator',
};

/** Who may make a call: nobody logged in, anybody logged in, or a list of roles. */
export type Access = 'public' | 'user' | readonly Role[];

export function roleAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'user') return true;
  return access.includes(role);
}
