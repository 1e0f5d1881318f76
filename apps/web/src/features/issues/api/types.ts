import type { ImpactArea, IssueStatus, Tier } from '@ipt/domain';

export interface Program {
  id: string;
  key: string;
  name: string;
  phase: string;
}

export interface IssueListItem {
  id: string;
  key: string;
  title: string;
  status: IssueStatus;
  /** 1 (minimal) .. 5 (critical); see CONSEQUENCE_LABELS. */
  /** 1-5; null until triage rates it. */
  consequence: number | null;
  impactArea: ImpactArea;
  /** ISO 8601 date-time. */
  raisedAt: string;
  owner: { id: string; name: string } | null;
  currentTeam: { id: string; name: string; tier: Tier };
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface IssueConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: IssueListItem }[];
}
