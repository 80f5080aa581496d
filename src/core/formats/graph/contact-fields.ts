/**
 * Graph contact fields with no place in the neutral model, kept in `Contact.extra` under the vCard property
 * that carries them (standard where one exists, else an X- name), so Graph → vCard → Graph keeps them.
 */
export const GRAPH_SCALAR_EXTRAS = [
  ['profession', 'ROLE'],
  ['initials', 'X-MS-INITIALS'],
  ['fileAs', 'X-MS-FILEAS'],
  ['officeLocation', 'X-MS-OFFICE-LOCATION'],
  ['manager', 'X-MANAGER'],
  ['assistantName', 'X-ASSISTANT'],
  ['spouseName', 'X-SPOUSE'],
] as const;

/** Multi-valued: each value in its own extra key (`X-MS-IMADDRESS`, `X-MS-IMADDRESS#2`, …). */
export const GRAPH_LIST_EXTRAS = [['imAddresses', 'X-MS-IMADDRESS']] as const;

export type GraphScalarExtraField = (typeof GRAPH_SCALAR_EXTRAS)[number][0];

/** Extra keys the Graph mapping consumes (with or without a `#n` suffix). */
export function isGraphExtraKey(key: string): boolean {
  const bare = key.replace(/#\d+$/, '');
  return GRAPH_SCALAR_EXTRAS.some(([, k]) => k === bare) || GRAPH_LIST_EXTRAS.some(([, k]) => k === bare);
}
