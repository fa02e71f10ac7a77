/** The activity categories of REPORTS.md, in the order the park uses them. */
export const CATEGORIES = [
  "助老",
  "助残",
  "儿童青少年",
  "环保",
  "社区治理",
  "文化体育",
  "应急救援",
  "健康卫生",
  "扶贫济困",
  "法律援助",
  "其他",
] as const;

export type Category = (typeof CATEGORIES)[number];

/** One activity report; snake_case keys exactly as eval/REPORTS.md names them. */
export interface ReportFields {
  organization: string | null;
  title: string | null;
  category: Category | null;
  /** YYYY-MM-DD */
  date: string | null;
  /** HH:MM */
  start_time: string | null;
  /** HH:MM; "00:00" for an end at midnight */
  end_time: string | null;
  location: string | null;
  volunteers: number | null;
  /** person-hours */
  volunteer_hours: number | null;
  beneficiaries: number | null;
  description: string | null;
  photos: number;
}

export interface Extraction {
  is_report: boolean;
  reports: ReportFields[];
  /** required fields still unknown in any report; each is null in that report */
  missing: string[];
  /** fields recorded from an approximate figure (X多, 约X …), to mention when confirming */
  approximate?: string[];
}

/** Required fields in the order the dialog asks for them (start/end and beneficiaries never). */
export const REQUIRED_FIELDS = [
  "organization",
  "title",
  "category",
  "date",
  "location",
  "volunteers",
  "volunteer_hours",
  "description",
] as const satisfies ReadonlyArray<keyof ReportFields>;

export function emptyReport(): ReportFields {
  return {
    organization: null,
    title: null,
    category: null,
    date: null,
    start_time: null,
    end_time: null,
    location: null,
    volunteers: null,
    volunteer_hours: null,
    beneficiaries: null,
    description: null,
    photos: 0,
  };
}

/** Options shared by the public functions. */
export interface ExtractOptions {
  /** IANA time zone of the park; Asia/Shanghai when absent */
  timeZone?: string;
}
