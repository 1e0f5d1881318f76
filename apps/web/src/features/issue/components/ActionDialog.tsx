import { useState } from 'react';
import { Loading } from '../../../components/Loading';
import type { IssueAction } from '../actions';
import { closeIssue } from '../api/close-issue';
import { escalateIssue } from '../api/escalate-issue';
import { resolveIssue } from '../api/resolve-issue';
import { withdrawIssue } from '../api/withdraw-issue';
import { AddOptionForm } from './AddOptionForm';
import { Dialog } from './Dialog';
import { EditIssueForm } from './EditIssueForm';
import type { FormEnv } from './form-env';
import { NonConcurrenceForm } from './NonConcurrenceForm';
import { RecommendForm } from './RecommendForm';
import { RecordDecisionForm } from './RecordDecisionForm';
import { SingleTextForm } from './SingleTextForm';
import { TriageForm } from './TriageForm';
import { WaiveForm } from './WaiveForm';

/** The form of one lifecycle action. */
export function ActionDialog({ action, env }: { action: IssueAction; env: FormEnv }) {
  const { issue } = env;
  // A recommendation needs an option to favour: the person adds one on the way, then goes on
  // once the issue has been read again with it (so the recommendation is sent at its version).
  const [optionStep, setOptionStep] = useState<'none' | 'adding' | 'added'>('none');
  if (action === 'SUBMIT_RECOMMENDATION' && optionStep === 'adding') {
    return (
      <AddOptionForm
        env={{
          ...env,
          onDone: () => {
            setOptionStep('added');
            void env.loadIssue().catch(() => undefined);
          },
          onCancel: () => setOptionStep('none'),
        }}
        then="Then you go on to your recommendation."
      />
    );
  }
  if (action === 'SUBMIT_RECOMMENDATION' && optionStep === 'added' && issue.options.length === 0) {
    return (
      <Dialog
        title="Submit recommendation"
        subtitle={`${issue.key} · ${issue.title}`}
        onClose={env.onCancel}
      >
        <Loading label="Option added. Loading it…" />
      </Dialog>
    );
  }
  switch (action) {
    case 'TRIAGE':
      return <TriageForm env={env} />;
    case 'UPDATE':
      return <EditIssueForm env={env} />;
    case 'ADD_OPTION':
      return <AddOptionForm env={env} />;
    case 'SUBMIT_RECOMMENDATION':
      return <RecommendForm env={env} onAddOption={() => setOptionStep('adding')} />;
    case 'WAIVE_DISCIPLINE':
      return <WaiveForm env={env} />;
    case 'RECORD_DECISION':
      return <RecordDecisionForm env={env} />;
    case 'FILE_NON_CONCURRENCE':
      return <NonConcurrenceForm env={env} />;
    case 'ESCALATE': {
      const parent = issue.currentTeam.parentTeam;
      return (
        <SingleTextForm
          env={env}
          title="Escalate issue"
          submitLabel="Escalate"
          doneMessage="Issue escalated."
          intro={
            <p>
              From {issue.currentTeam.name} ({issue.currentTeam.tier})
              {parent ? ` to ${parent.name} (${parent.tier})` : ' one tier up'}. It goes back to
              review there, keeping every recommendation.
            </p>
          }
          label="Reason"
          field="reason"
          required
          hint="Why this tier cannot resolve it."
          submit={(reason, version) => escalateIssue({ issueKey: issue.key, version, reason })}
        />
      );
    }
    case 'RESOLVE':
      return (
        <SingleTextForm
          env={env}
          title="Resolve issue"
          submitLabel="Resolve"
          doneMessage="Issue resolved."
          intro={<p>The decision’s actions are done and the issue is resolved.</p>}
          label="Note"
          field="note"
          required={false}
          hint="How it was resolved; kept in the timeline."
          submit={(note, version) => resolveIssue({ issueKey: issue.key, version, note })}
        />
      );
    case 'CLOSE':
      return (
        <SingleTextForm
          env={env}
          title="Close issue"
          submitLabel="Close issue"
          doneMessage="Issue closed."
          label="Note"
          field="note"
          required={false}
          hint="A closing note, kept in the timeline."
          submit={(note, version) => closeIssue({ issueKey: issue.key, version, note })}
        />
      );
    case 'WITHDRAW':
      return (
        <SingleTextForm
          env={env}
          title="Withdraw issue"
          submitLabel="Withdraw"
          doneMessage="Issue withdrawn."
          intro={<p>End an issue that needs no decision (a duplicate, or moot).</p>}
          label="Reason"
          field="reason"
          required
          submit={(reason, version) => withdrawIssue({ issueKey: issue.key, version, reason })}
        />
      );
  }
}
