import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateTime } from '../../../lib/dates';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { getLatestComments, type EarlierComment } from '../api/get-earlier';
import type { IssueDetail } from '../api/get-issue';

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'comment' : 'comments'}`;

/** One comment: who, when (in the program's zone), what. */
export function CommentItem({ comment, timeZone }: { comment: EarlierComment; timeZone: string }) {
  return (
    <li className="issue-comment">
      <p className="issue-meta">
        <strong>{comment.author.name}</strong> ·{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, timeZone)}</time>
      </p>
      <p className="issue-text">{comment.body}</p>
    </li>
  );
}

/**
 * The page reads an issue's newest comments only; when there are more, the earlier ones (up to
 * the API's 500 a request) come on request, listed above the newest.
 */
export function EarlierComments({ issue }: { issue: IssueDetail }) {
  const [loaded, setLoaded] = useState<{ key: string; comments: EarlierComment[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const shownIds = new Set(issue.comments.map((comment) => comment.id));
  const earlier =
    loaded?.key === issue.key ? loaded.comments.filter((comment) => !shownIds.has(comment.id)) : [];
  const notShown = Math.max(0, issue.commentCount - issue.comments.length - earlier.length);
  if (notShown === 0 && earlier.length === 0) return null;

  async function showEarlier() {
    setLoading(true);
    setError(null);
    try {
      setLoaded({
        key: issue.key,
        comments: await getLatestComments(issue.key, issue.commentCount),
      });
    } catch (caught) {
      setError(toRequestError(caught));
    }
    setLoading(false);
  }

  return (
    <>
      {notShown > 0 ? (
        <p className="issue-meta" aria-live="polite">
          The newest {count(issue.comments.length + earlier.length)} of {count(issue.commentCount)}.{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void showEarlier()}
            disabled={loading}
            aria-busy={loading || undefined}
          >
            {loading ? 'Loading earlier comments…' : 'Show earlier comments'}
          </button>
        </p>
      ) : null}
      {error ? (
        <ErrorMessage
          title="Could not load the earlier comments"
          error={error}
          onRetry={() => void showEarlier()}
        />
      ) : null}
      {earlier.length > 0 ? (
        <ol className="issue-comments" aria-label="Earlier comments">
          {earlier.map((comment) => (
            <CommentItem key={comment.id} comment={comment} timeZone={issue.program.timeZone} />
          ))}
        </ol>
      ) : null}
    </>
  );
}
