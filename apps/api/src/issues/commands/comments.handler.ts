import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireText, transitionByStatus } from '@ipt/domain';
import type { Caller } from '../../common/caller';
import { CommentEntity } from '../comment.entity';
import { CommentOnIssueInput } from '../dto/comment-on-issue.input';
import { IssueEntity } from '../issue.entity';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';

/**
 * Comments are discussion beside the record, not an edit of it: they take no version (two people
 * commenting at once both succeed) and leave the issue's version alone, but are in the timeline.
 * So they go load -> authorize -> state machine (by status) -> insert -> event, without the
 * conditional update.
 */
@Injectable()
export class CommentsHandler {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
  ) {}

  comment(caller: Caller, input: CommentOnIssueInput): Promise<IssueEntity> {
    const body = requireText('body', input.body);
    return this.pipeline.inWrite(caller, async (tx) => {
      const issue = await this.lookups.issueByKey(tx.manager, input.issueKey, caller.user);
      await this.pipeline.authorize(tx, caller, issue.programId, { action: 'COMMENT', issue });
      // A comment is decided by the status alone: the issue's other facts need no read.
      transitionByStatus(issue.status, issue.currentTier, { type: 'COMMENT' });
      const comment = {
        id: randomUUID(),
        issueId: issue.id,
        authorId: caller.user.id,
        body,
        createdAt: caller.at,
        editedAt: null,
      };
      await tx.manager.insert(CommentEntity, comment);
      await tx.record({
        type: 'COMMENT_ADDED',
        entityType: 'Comment',
        entityId: comment.id,
        programId: issue.programId,
        issueId: issue.id,
        after: { body },
      });
      tx.noteIssue(issue);
      return issue;
    });
  }
}
