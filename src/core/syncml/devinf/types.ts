/** Device information (syncml:devinf, DS 1.2): what each side can store and how it syncs. */

export interface ContentTypeInfo {
  readonly ctType: string;
  readonly verCT: string;
}

export interface CTCapParam {
  readonly name: string;
  readonly valEnums: readonly string[];
}

export interface CTCapProperty {
  readonly name: string;
  readonly valEnums: readonly string[];
  readonly maxOccur?: number;
  readonly params: readonly CTCapParam[];
}

export interface CTCap extends ContentTypeInfo {
  readonly properties: readonly CTCapProperty[];
}

export interface DevInfDataStore {
  readonly sourceRef: string;
  readonly displayName?: string;
  readonly maxGuidSize?: number;
  readonly rxPref: ContentTypeInfo;
  readonly rx: readonly ContentTypeInfo[];
  readonly txPref: ContentTypeInfo;
  readonly tx: readonly ContentTypeInfo[];
  readonly ctCaps: readonly CTCap[];
  /** SyncCap SyncType numbers (1 two-way … 7 server-alerted, vendor extensions kept). */
  readonly syncTypes: readonly number[];
}

export interface DevInf {
  readonly verDTD: string;
  readonly man?: string;
  readonly mod?: string;
  readonly oem?: string;
  readonly fwV?: string;
  readonly swV?: string;
  readonly hwV?: string;
  readonly devId: string;
  readonly devTyp: string;
  readonly utc: boolean;
  readonly supportLargeObjs: boolean;
  readonly supportNumberOfChanges: boolean;
  readonly dataStores: readonly DevInfDataStore[];
}
