import type { QueueIssue } from '../api/get-my-decision-queue';
import { IMPACT_AREA_LABELS, consequenceText } from '../../../lib/labels';
import { tallySummary, type ReadinessPacket as Packet } from '../packet';
import { formatDateTime } from '../../../lib/dates';

interface ReadinessPacketProps {
  issue: QueueIssue;
  packet: Packet;
}

/** Everything a decision authority needs on one page: impact, options, tally, dissent, waivers. */
export function ReadinessPacket({ issue, packet }: ReadinessPacketProps) {
  const key = issue.key;
  const dissentByOption = new Map<string, string[]>();
  for (const vote of packet.dissent) {
    dissentByOption.set(vote.optionLabel, [
      ...(dissentByOption.get(vote.optionLabel) ?? []),
      vote.disciplineName,
    ]);
  }
  const favourite = packet.mostFavoured.map((o) => o.label).join(' and ');

  return (
    <div className="queue-packet">
      <section className="queue-packet__section">
        <h3 id={`queue-${key}-impact`}>Impact</h3>
        <dl className="queue-facts">
          <div>
            <dt>Impact area</dt>
            <dd>{IMPACT_AREA_LABELS[issue.impactArea]}</dd>
          </div>
          <div>
            <dt>Consequence</dt>
            <dd>{consequenceText(issue.consequence)}</dd>
          </div>
        </dl>
        <p className="queue-condition">{issue.conditionStatement}</p>
      </section>

      <section className="queue-packet__section">
        <h3 id={`queue-${key}-options`}>Options and tally</h3>
        <p>{tallySummary(packet)}</p>
        {/* A phone scrolls the table sideways: a keyboard must reach it too. */}
        <div
          className="table-scroll"
          role="region"
          aria-labelledby={`queue-${key}-options`}
          tabIndex={0}
        >
          <table className="table queue-table">
            <caption className="queue-visually-hidden">
              Options on {key} and who favours them
            </caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col">Impacts</th>
                <th scope="col">Favoured by</th>
              </tr>
            </thead>
            <tbody>
              {packet.tally.map(({ option, votes }) => {
                const full = issue.options.find((o) => o.id === option.id);
                return (
                  <tr key={option.id}>
                    <th scope="row">
                      {option.label} – {option.title}
                      {full?.description ? (
                        <span className="queue-option__hint">{full.description}</span>
                      ) : null}
                    </th>
                    <td>{full?.impacts || <span className="muted">Not stated</span>}</td>
                    <td>
                      <strong>{votes.length}</strong>
                      {votes.length > 0
                        ? `: ${votes.map((v) => v.disciplineName).join(', ')}`
                        : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="queue-packet__section">
        <h3 id={`queue-${key}-recommendations`}>Recommendations by discipline</h3>
        {packet.votes.length === 0 ? (
          <p className="muted">No recommendations: every required discipline was waived.</p>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby={`queue-${key}-recommendations`}
            tabIndex={0}
          >
            <table className="table queue-table">
              <caption className="queue-visually-hidden">
                Each discipline’s recommendation on {key}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Discipline</th>
                  <th scope="col">Favours</th>
                  <th scope="col">Representative</th>
                  <th scope="col">Rationale</th>
                </tr>
              </thead>
              <tbody>
                {packet.votes.map((vote) => (
                  <tr key={vote.discipline}>
                    <th scope="row">{vote.disciplineName}</th>
                    <td>
                      {vote.optionLabel}
                      {packet.dissent.includes(vote) ? (
                        <span className="queue-badge queue-badge--dissent"> dissent</span>
                      ) : null}
                    </td>
                    <td>
                      {vote.authorName}
                      <span className="queue-option__hint">
                        <time dateTime={vote.submittedAt}>
                          {formatDateTime(vote.submittedAt, issue.program.timeZone)}
                        </time>
                      </span>
                    </td>
                    <td>
                      <details className="queue-rationale">
                        <summary>Rationale</summary>
                        <p>{vote.rationale}</p>
                        {vote.impactAssessment ? (
                          <p>
                            <strong>Impact assessment:</strong> {vote.impactAssessment}
                          </p>
                        ) : null}
                        {vote.alternatives ? (
                          <p>
                            <strong>Alternatives:</strong> {vote.alternatives}
                          </p>
                        ) : null}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="queue-packet__section">
        <h3 id={`queue-${key}-dissent`}>Dissent</h3>
        {packet.dissent.length === 0 ? (
          <p>
            {packet.votes.length === 0
              ? 'None: no discipline recommended.'
              : packet.mostFavoured.length > 1
                ? `No majority to dissent from: the disciplines are split between ${favourite}.`
                : `None: every recommending discipline favours ${favourite}.`}
          </p>
        ) : (
          <ul className="queue-list">
            {[...dissentByOption].map(([label, names]) => (
              <li key={label}>
                {names.join(', ')} {names.length === 1 ? 'favours' : 'favour'} {label}
                {favourite ? `, not ${favourite}` : ''}.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="queue-packet__section">
        <h3 id={`queue-${key}-waivers`}>Waivers</h3>
        {packet.waivers.length === 0 ? (
          <p>None: every required discipline recommended.</p>
        ) : (
          <ul className="queue-list">
            {packet.waivers.map((waiver) => (
              <li key={waiver.discipline}>
                <strong>{waiver.disciplineName}</strong> waived by {waiver.waivedByName} (
                <time dateTime={waiver.waivedAt}>
                  {formatDateTime(waiver.waivedAt, issue.program.timeZone)}
                </time>
                ): {waiver.reason}
              </li>
            ))}
          </ul>
        )}
        {packet.pending.length > 0 ? (
          <p className="queue-due--overdue">
            Still pending: {packet.pending.map((p) => p.disciplineName).join(', ')}.
          </p>
        ) : null}
      </section>
    </div>
  );
}
