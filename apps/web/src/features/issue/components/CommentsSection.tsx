import { ErrorCode } from '@ipt/domain';
import { useState, type FormEvent } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { useLeaveGuard } from '../../../lib/leave-guard';
import { useDraft } from '../../../lib/use-draft';
import type { IssueDetail } from '../api/get-issue';
import { commentOnIssue } from '../api/comment-on-issue';
import { CommentItem, EarlierComments } from './EarlierComments';
import { TextField } from '../../../components/fields';

interface CommentsSectionProps {
  issue: IssueDetail;
  /** Whose unsent comment is kept (a draft per person and issue, until it is sent). */
  viewerId: string | null;
  mayComment: boolean;
  /** The comment went through: refresh and say so. */
  onCommented: (version: number) => void;
}

export function CommentsSection({
  issue,
  viewerId,
  mayComment,
  onCommented,
}: CommentsSectionProps) {
  const tz = issue.program.timeZone;
  const draft = useDraft({ person: viewerId, form: 'comment', subject: issue.key }, { body: '' });
  const { body } = draft.values;
  useLeaveGuard(draft.isDirty);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [empty, setEmpty] = useState(false);
  const atField = error?.code === ErrorCode.BAD_USER_INPUT && error.field === 'body';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (!body.trim()) {
      setEmpty(true);
      setError(null);
      return;
    }
    setEmpty(false);
    setSubmitting(true);
    setError(null);
    try {
      const change = await commentOnIssue({ issueKey: issue.key, body });
      draft.clear();
      onCommented(change.version);
    } catch (caught) {
      setError(toRequestError(caught));
    }
    setSubmitting(false);
  }

  return (
    <section className="issue-section" aria-labelledby="issue-comments-title">
      <h2 id="issue-comments-title">Discussion</h2>
      <EarlierComments issue={issue} />
      {issue.comments.length === 0 ? (
        <p className="issue-empty">No comments yet.</p>
      ) : (
        <ol className="issue-comments">
          {issue.comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} timeZone={tz} />
          ))}
        </ol>
      )}
      {mayComment ? (
        <form
          className="form issue-comment-form"
          onSubmit={handleSubmit}
          aria-busy={submitting}
          noValidate
        >
          {error && !atField ? (
            <p className="form__error" role="alert">
              {error.message}
            </p>
          ) : null}
          <TextField
            label="Comment"
            name="body"
            multiline
            rows={3}
            required
            value={body}
            onChange={(value) => draft.update({ body: value })}
            error={empty ? 'Write a comment first.' : atField ? error.message : undefined}
          />
          <div>
            <button type="submit" className="button" disabled={submitting}>
              Add comment
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
