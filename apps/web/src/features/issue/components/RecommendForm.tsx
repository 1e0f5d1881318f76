import { Link } from 'react-router';
import { useDraft } from '../../../lib/use-draft';

import { submitRecommendation } from '../api/submit-recommendation';
import { recommendableDisciplines } from '../actions';
import { ActionForm } from './ActionForm';
import { ChoiceGroup, SelectField, TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';
import { formatDateTime } from '../../../lib/dates';

const FIELDS = new Set(['discipline', 'optionId', 'rationale', 'impactAssessment', 'alternatives']);

export function RecommendForm({
  env,
  onAddOption,
}: {
  env: FormEnv;
  /** Opens the Add option form, when the issue has none to favour yet. */
  onAddOption?: () => void;
}) {
  const { issue } = env;
  const disciplines = recommendableDisciplines({
    viewerId: env.viewerId,
    members: issue.currentTeam.members,
    coverage: issue.coverage,
  });
  const draft = useDraft(
    { person: env.viewerId, form: 'recommend', subject: env.issue.key },
    () => ({
      discipline:
        env.discipline && disciplines.includes(env.discipline)
          ? env.discipline
          : (disciplines[0] ?? ''),
      optionId: '',
      rationale: '',
      impactAssessment: '',
      alternatives: '',
    }),
  );
  const { discipline, optionId, rationale, impactAssessment, alternatives } = draft.values;
  const setDiscipline = (discipline: typeof draft.values.discipline) =>
    draft.update({ discipline });
  const setOptionId = (optionId: typeof draft.values.optionId) => draft.update({ optionId });
  const setRationale = (rationale: typeof draft.values.rationale) => draft.update({ rationale });
  const setImpactAssessment = (impactAssessment: typeof draft.values.impactAssessment) =>
    draft.update({ impactAssessment });
  const setAlternatives = (alternatives: typeof draft.values.alternatives) =>
    draft.update({ alternatives });

  const previous = issue.coverage.find((entry) => entry.discipline === discipline)?.recommendation;

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Submit recommendation"
      submitLabel="Submit recommendation"
      doneMessage="Recommendation submitted."
      intro={
        previous ? (
          <p>
            {env.disciplineName(discipline)} already recommended option{' '}
            <strong>{previous.option.label}</strong> ({previous.author.name},{' '}
            {formatDateTime(previous.submittedAt, env.timeZone)}). Yours will supersede it; the
            earlier one stays in the record.
          </p>
        ) : null
      }
      blocked={
        disciplines.length === 0 ? (
          <p>
            You do not represent a required discipline on {issue.currentTeam.name} that is still
            open for recommendations.
          </p>
        ) : issue.options.length === 0 ? (
          <NoOptionYet env={env} onAddOption={onAddOption} />
        ) : undefined
      }
      ownsField={(field) => FIELDS.has(field)}
      validate={() => {
        const problems: Record<string, string> = {};
        if (!discipline) problems['discipline'] = 'Choose the discipline you recommend for.';
        if (!optionId) problems['optionId'] = 'Choose the option your discipline favours.';
        if (!rationale.trim()) problems['rationale'] = 'Give the rationale.';
        return problems;
      }}
      submit={(version) =>
        submitRecommendation({
          issueKey: issue.key,
          version,
          discipline,
          optionId,
          rationale,
          impactAssessment,
          alternatives,
        })
      }
    >
      {({ fieldError }) => (
        <>
          <SelectField
            label="Discipline"
            name="discipline"
            required
            hint={`The disciplines you represent on ${issue.currentTeam.name}.`}
            options={disciplines.map((code) => ({ value: code, label: env.disciplineName(code) }))}
            value={discipline}
            onChange={setDiscipline}
            error={fieldError('discipline')}
          />
          <ChoiceGroup
            kind="radio"
            label="Favoured option"
            name="optionId"
            required
            options={issue.options.map((option) => ({
              value: option.id,
              label: `${option.label} – ${option.title}`,
            }))}
            value={optionId ? [optionId] : []}
            onChange={(chosen) => setOptionId(chosen[0] ?? '')}
            error={fieldError('optionId')}
          />
          <TextField
            label="Rationale"
            name="rationale"
            multiline
            rows={4}
            required
            value={rationale}
            onChange={setRationale}
            error={fieldError('rationale')}
          />
          <TextField
            label="Impact assessment"
            name="impactAssessment"
            multiline
            hint="The effect on cost, schedule and performance from your discipline’s view."
            value={impactAssessment}
            onChange={setImpactAssessment}
            error={fieldError('impactAssessment')}
          />
          <TextField
            label="Alternatives"
            name="alternatives"
            multiline
            hint="Other options your discipline could accept, and on what terms."
            value={alternatives}
            onChange={setAlternatives}
            error={fieldError('alternatives')}
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * A recommendation favours one of the issue's options; with none yet, the person adds one here
 * (a member of the issue's current team may, as every representative who may recommend is), or is
 * told who may and where to ask. What they typed meanwhile stays in the draft.
 */
function NoOptionYet({
  env,
  onAddOption,
}: {
  env: FormEnv;
  onAddOption?: (() => void) | undefined;
}) {
  const { issue } = env;
  if (onAddOption && issue.viewerActions.includes('ADD_OPTION')) {
    return (
      <>
        <p>This issue has no options yet, and a recommendation favours one. Add it first:</p>
        <button type="button" className="button" onClick={onAddOption}>
          Add an option
        </button>
      </>
    );
  }
  const owner = issue.owner ? `its owner, ${issue.owner.name}, ` : '';
  return (
    <p>
      This issue has no options yet, and a recommendation favours one. Only {owner}a program manager
      or a member of {issue.currentTeam.name} may add options: ask them in the{' '}
      <Link to={`/issues/${issue.key}#issue-comments-title`}>discussion on {issue.key}</Link>.
    </p>
  );
}
