import type { IssueDetail } from '../api/get-issue';

interface OptionsSectionProps {
  issue: IssueDetail;
  disciplineName: (code: string) => string;
}

export function OptionsSection({ issue, disciplineName }: OptionsSectionProps) {
  const current = issue.recommendations.filter((r) => !r.superseded);
  const chosen = issue.decisions.find((d) => !d.superseded)?.option.id;
  return (
    <section className="issue-section" aria-labelledby="issue-options-title">
      <h2 id="issue-options-title">Options</h2>
      {issue.options.length === 0 ? (
        <p className="issue-empty">
          No options yet. Recommendations favour an option and a decision chooses one, so the
          courses of action come first.
        </p>
      ) : (
        <ol className="issue-options">
          {issue.options.map((option) => {
            const favouredBy = current
              .filter((r) => r.option.id === option.id)
              .map((r) => disciplineName(r.discipline));
            return (
              <li key={option.id} className="issue-option">
                <h3 className="issue-option__title">
                  <span className="issue-option__label" aria-hidden="true">
                    {option.label}
                  </span>
                  <span className="issue-sr-only">Option {option.label}: </span>
                  {option.title}
                  {option.id === chosen ? (
                    <span className="issue-badge issue-badge--chosen">Chosen</span>
                  ) : null}
                </h3>
                {option.description ? <p className="issue-text">{option.description}</p> : null}
                {option.impacts ? (
                  <p className="issue-text">
                    <span className="issue-label">Impacts: </span>
                    {option.impacts}
                  </p>
                ) : null}
                <p className="issue-meta">
                  {favouredBy.length
                    ? `Favoured by ${favouredBy.join(', ')}`
                    : 'Favoured by no discipline yet'}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
