import { Injectable } from '@nestjs/common';
import { requireText, transition } from '@ipt/domain';
import type { Caller } from '../../common/caller';
import { CloseIssueInput } from '../dto/close-issue.input';
import { ResolveIssueInput } from '../dto/resolve-issue.input';
import { WithdrawIssueInput } from '../dto/withdraw-issue.input';
import { IssueEntity } from '../issue.entity';
import { IssueWritePipeline } from './issue-write-pipeline';

/** How an issue ends: resolved (its actions done), closed, or withdrawn without a decision. */
@Injectable()
export class EndingsHandler {
  constructor(private readonly pipeline: IssueWritePipeline) {}

  resolve(caller: Caller, input: ResolveIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'RESOLVE_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'RESOLVE' });
        Object.assign(issue, { status: next.status, resolvedAt: caller.at });
        return {
          type: 'ISSUE_RESOLVED',
          before: { status: state.status },
          after: { status: next.status, note: (input.note ?? '').trim() || null },
        };
      },
    );
  }

  close(caller: Caller, input: CloseIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'CLOSE_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'CLOSE' });
        Object.assign(issue, {
          status: next.status,
          closedAt: caller.at,
          resolvedAt: issue.resolvedAt ?? caller.at,
        });
        return {
          type: 'ISSUE_CLOSED',
          before: { status: state.status },
          after: { status: next.status, note: (input.note ?? '').trim() || null },
        };
      },
    );
  }

  withdraw(caller: Caller, input: WithdrawIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'WITHDRAW_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'WITHDRAW' });
        const reason = requireText('reason', input.reason);
        Object.assign(issue, { status: next.status, withdrawnAt: caller.at });
        return {
          type: 'ISSUE_WITHDRAWN',
          before: { status: state.status },
          after: { status: next.status, reason },
        };
      },
    );
  }
}
