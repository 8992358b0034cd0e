import type { EnrollmentSession } from '@/api/models';

export interface Question {
  id: string;
  label: string;
  required: boolean;
}

/** The session's questions, each label in the reader's language (else French, else any). */
export function sessionQuestions(session: EnrollmentSession, language: string): Question[] {
  return session.questions.flatMap((raw) => {
    const id = typeof raw.id === 'string' ? raw.id : '';
    if (!id) return [];
    const labels = (typeof raw.label === 'object' && raw.label !== null ? raw.label : {}) as Record<string, unknown>;
    const label = [labels[language], labels.fr, ...Object.values(labels)].find(
      (value): value is string => typeof value === 'string' && value.length > 0,
    );
    return [{ id, label: label ?? id, required: raw.required === true }];
  });
}
