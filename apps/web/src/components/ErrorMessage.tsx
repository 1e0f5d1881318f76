import type { GraphQLRequestError } from '../lib/graphql';

interface ErrorMessageProps {
  title: string;
  error: GraphQLRequestError;
  onRetry?: () => void;
}

/** An error the user should notice: announced immediately, with a way to try again. */
export function ErrorMessage({ title, error, onRetry }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      <p className="error-message__title">{title}</p>
      <p>{error.message}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
