import { Link } from 'react-router';
import type { HeadlineCard } from '../headline';

const ARROWS: Record<HeadlineCard['direction'], string> = {
  up: '▲',
  down: '▼',
  flat: '▶',
  unknown: '',
};

interface HeadlineCardsProps {
  cards: readonly HeadlineCard[];
  /** Tracker links for the figures that are lists of issues (open, overdue). */
  links: Partial<Record<HeadlineCard['id'], string>>;
}

/** The five headline figures, each with its trend and the previous value in words. */
export function HeadlineCards({ cards, links }: HeadlineCardsProps) {
  return (
    <ul className="dashboard-headline" aria-label="Headline figures">
      {cards.map((card) => {
        const link = links[card.id];
        return (
          <li key={card.id} className="dashboard-headline__card" data-figure={card.id}>
            <p className="dashboard-headline__title">{card.title}</p>
            <p className="dashboard-headline__value">
              {link ? (
                <Link to={link} aria-label={`${card.title}: ${card.value}, open in the tracker`}>
                  {card.value}
                </Link>
              ) : (
                card.value
              )}
            </p>
            <p className={`dashboard-headline__trend dashboard-headline__trend--${card.verdict}`}>
              {ARROWS[card.direction] ? (
                <span aria-hidden="true">{ARROWS[card.direction]} </span>
              ) : null}
              {card.change}
            </p>
            <p className="dashboard-headline__previous muted">{card.previous}</p>
          </li>
        );
      })}
    </ul>
  );
}
