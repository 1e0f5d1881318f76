import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import type { FormEnv } from './form-env';

/** Why a form that needs the program's people cannot be used yet; null once they are loaded. */
export function programBlocker(env: FormEnv) {
  if (env.program) return null;
  if (env.programError) {
    return (
      <ErrorMessage
        title="Could not load the program’s people and disciplines"
        error={env.programError}
        onRetry={env.reloadProgram}
      />
    );
  }
  return <Loading label="Loading the program’s people and disciplines…" />;
}
