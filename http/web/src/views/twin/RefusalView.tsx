import { ApiError } from '../../api/client';
import { ProblemView } from '../../ui/common';
import { t } from './text';

interface FieldError {
  field: string;
  message: string;
}

function fieldErrors(error: ApiError): FieldError[] {
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is FieldError => !!e && typeof e.field === 'string' && typeof e.message === 'string');
}

/** A refused what-if or shadow start: the problem's title and detail, and each field it names. */
export function RefusalView(props: { error: ApiError }) {
  const errors = fieldErrors(props.error);
  return (
    <div class="twin-refusal">
      <ProblemView error={props.error} />
      {errors.length > 1 && (
        <div class="small">
          {t('whatif.fieldErrors')}:
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
