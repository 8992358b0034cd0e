import { i18n } from './i18n';
import { formErrors } from './form-errors';
import { ApiError } from './problem';

const t = i18n.t.bind(i18n);

function failure(fields: string[]) {
  return new ApiError(422, {
    status: 422,
    title: 'Validation failed',
    errors: fields.map((field) => ({ field, message: `bad ${field}`, code: 'invalid' })),
  });
}

describe('formErrors', () => {
  it('puts an error on the longest part of its path that the form shows', () => {
    const errors = formErrors(failure(['venue.city', 'title.fr', 'password.0', 'title']), t, {
      fields: ['venue', 'venue.city', 'title', 'title.fr', 'password'],
    });
    expect(errors.fields).toEqual({
      'venue.city': 'bad venue.city',
      'title.fr': 'bad title.fr',
      password: 'bad password.0',
      title: 'bad title',
    });
    expect(errors.general).toEqual(['Veuillez corriger les champs signalés.']);
  });

  it('keeps errors the form has no field for in the general messages', () => {
    const errors = formErrors(failure(['venue.country']), t, { fields: ['venue.city'] });
    expect(errors.fields).toEqual({});
    expect(errors.general).toEqual(['bad venue.country']);
  });
});
