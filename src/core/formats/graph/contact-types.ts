/** Microsoft Graph contact JSON (v1.0 `contact` resource), the fields we read and write. Graph sends null for empty. */
export interface GraphEmailAddress {
  readonly name?: string | null;
  readonly address?: string | null;
}

export interface GraphPhysicalAddress {
  readonly street?: string | null;
  readonly city?: string | null;
  readonly state?: string | null;
  readonly countryOrRegion?: string | null;
  readonly postalCode?: string | null;
}

/** Fields Graph computes or owns; never sent back. */
interface GraphContactServerFields {
  readonly id?: string;
  readonly changeKey?: string;
  readonly '@odata.etag'?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly parentFolderId?: string;
}

export interface GraphContactWrite {
  displayName?: string | null;
  givenName?: string | null;
  middleName?: string | null;
  surname?: string | null;
  /** Honorific (Dr., Prof.), vCard N prefix. */
  title?: string | null;
  /** Suffix (Jr., III), vCard N suffix. */
  generation?: string | null;
  nickName?: string | null;
  initials?: string | null;
  fileAs?: string | null;
  companyName?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  profession?: string | null;
  officeLocation?: string | null;
  manager?: string | null;
  assistantName?: string | null;
  spouseName?: string | null;
  /** At most 3 (enforced by Graph). */
  emailAddresses?: GraphEmailAddress[];
  /** At most 2 (enforced by Graph). */
  businessPhones?: string[];
  homePhones?: string[];
  mobilePhone?: string | null;
  imAddresses?: string[];
  homeAddress?: GraphPhysicalAddress | null;
  businessAddress?: GraphPhysicalAddress | null;
  otherAddress?: GraphPhysicalAddress | null;
  businessHomePage?: string | null;
  /** DateTimeOffset, e.g. '1975-05-17T00:00:00Z'. */
  birthday?: string | null;
  personalNotes?: string | null;
  categories?: string[];
  /** Our carry property (contact-carry.ts), and on reads whatever else was expanded. */
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

export type GraphContact = GraphContactServerFields & Readonly<GraphContactWrite>;

/** Graph's multi-value limits (../shared/reference/graph-and-addin.md §A6). */
export const GRAPH_CONTACT_LIMITS = {
  emailAddresses: 3,
  businessPhones: 2,
  homePhones: 2,
} as const;
